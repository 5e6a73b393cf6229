import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { RectificationItem } from '../../rectification/rectification-item.entity';
import { ConflictError, PhaseClosedError, UnknownUnitError } from '../../rectification/rectification.errors';
import { PolicyAction } from '../policy-action.entity';
import { PolicyActionStateError } from '../supervision.errors';
import {
  type PolicyActionKind,
  PolicyActionKindEnum,
  type PolicyActionState,
  PolicyActionStateEnum,
} from '../supervision-enums';

@InputType()
export class CreatePolicyActionInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => PolicyActionKindEnum)
  kind: PolicyActionKind;

  @Field(() => String, { description: '1-200 characters' })
  title: string;

  @Field(() => String, { description: 'The rule as written, up to 20,000 characters' })
  text: string;

  @Field(() => String, { nullable: true, description: 'The unit whose practice it is; none for the whole bureau' })
  unitCode?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Rectification items of the campaign that prompted it' })
  itemIds?: string[] | null;
}

@InputType()
export class UpdatePolicyActionInput {
  @Field(() => PolicyActionKindEnum, { nullable: true })
  kind?: PolicyActionKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => [ID], { nullable: true })
  itemIds?: string[] | null;
}

@InputType()
export class PolicyActionFilter {
  @Field(() => PolicyActionStateEnum, { nullable: true })
  state?: PolicyActionState | null;

  @Field(() => PolicyActionKindEnum, { nullable: true })
  kind?: PolicyActionKind | null;

  @Field(() => String, { nullable: true })
  unitCode?: string | null;
}

@ObjectType()
export class PolicyActionList extends PaginatedList(PolicyAction) {}

@ObjectType('PolicyActionDetail')
export class PolicyActionDetail extends PolicyAction {
  @Field(() => [RectificationItem], { description: 'The linked items you may see' })
  items: RectificationItem[];
}

export const PolicyActionResult = defineResultUnion('PolicyActionResult', PolicyAction, [
  NotFoundError,
  PhaseClosedError,
  UnknownUnitError,
  PolicyActionStateError,
  ConflictError,
]);
