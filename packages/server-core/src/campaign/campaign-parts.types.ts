import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CodeAndLabel } from '../common/code-and-label';

// The parts of a campaign kept as JSON (edited as a whole), as GraphQL types.

@ObjectType('CampaignPhase', {
  description: 'A phase (阶段) of the campaign; start and end are local dates, both inclusive',
})
export class CampaignPhase {
  @Field(() => String, { description: "mobilization, implementation, appraisal, rectification, or a bureau's own" })
  code: string;

  @Field(() => String, { description: 'Chinese label, e.g. 接受评议' })
  label: string;

  @Field(() => String, { description: "YYYY-MM-DD in the campaign's time zone" })
  start: string;

  @Field(() => String, { description: 'YYYY-MM-DD, inclusive' })
  end: string;
}

@ObjectType('CampaignSeries', {
  description: 'A series (序列/类别) of units ranked among themselves, e.g. 行政执法监督类',
})
export class CampaignSeries extends CodeAndLabel {}

/** A numbered objective (工作目标) or work requirement (工作要求), as the schema reads and writes it. */
@InputType({ isAbstract: true })
@ObjectType({ isAbstract: true })
export abstract class NumberedText {
  @Field(() => Int)
  number: number;

  @Field(() => String)
  title: string;

  @Field(() => String)
  text: string;
}

@ObjectType('CampaignObjective', { description: '工作目标: a numbered goal' })
export class CampaignObjective extends NumberedText {}

@ObjectType('CampaignRequirement', { description: '工作要求: a numbered work requirement' })
export class CampaignRequirement extends NumberedText {}

@ObjectType('RatingLevel', {
  description: 'A column of the ballot (满意 … 不了解); points null marks a no-opinion level',
})
export class RatingLevel extends CodeAndLabel {
  @Field(() => Float, { nullable: true })
  points: number | null;
}
