import { Field, InputType, ObjectType } from '@nestjs/graphql';

/**
 * A code for programs and a label for people: the first two fields of the
 * schema's small types (an evaluator group, a rating level, a phase, a
 * preset). Declared once; object and input types extend it.
 */
@InputType({ isAbstract: true })
@ObjectType({ isAbstract: true })
export abstract class CodeAndLabel {
  @Field(() => String)
  code: string;

  @Field(() => String)
  label: string;
}
