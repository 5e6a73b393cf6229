import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

// The standings as the API shows them: CONTRACTS.md §1 fields, unit names,
// counts and rates per level, and the explanation (steps withheld when they
// would show a small cell of an evaluator group).

@ObjectType({ description: 'A number per level of the scale' })
export class LevelValue {
  @Field(() => String)
  level: string;

  @Field(() => String)
  label: string;

  @Field(() => Float)
  value: number;
}

@ObjectType()
export class ExplanationStepView {
  @Field(() => String)
  labelZh: string;

  @Field(() => String)
  labelEn: string;

  @Field(() => String)
  expression: string;

  @Field(() => String, { nullable: true, description: 'Rounded to the policy\'s decimals' })
  value: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False when value is rounded (≈)' })
  exact: boolean | null;
}

@ObjectType({ description: 'Why a unit got its score, rank and tier' })
export class StandingExplanation {
  @Field(() => String)
  strategy: string;

  @Field(() => String, { nullable: true })
  scoreText: string | null;

  @Field(() => String)
  textZh: string;

  @Field(() => String)
  textEn: string;

  @Field(() => String, { nullable: true, description: 'Why the unit is not valid' })
  reasonZh: string | null;

  @Field(() => String, { nullable: true })
  reasonEn: string | null;

  @Field(() => [ExplanationStepView])
  steps: ExplanationStepView[];

  @Field(() => Boolean, { description: 'True when the steps are withheld: they would show an evaluator group with fewer than k ballots' })
  stepsWithheld: boolean;
}

@ObjectType({ description: 'A unit\'s result (得分与排名)' })
export class UnitStanding {
  @Field(() => String)
  unitCode: string;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => Int, { description: 'All ratings of the unit, every level' })
  ballots: number;

  @Field(() => Int, { description: 'Ratings that count as votes' })
  counted: number;

  @Field(() => Boolean)
  valid: boolean;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Int, { nullable: true })
  rank: number | null;

  @Field(() => String, { nullable: true })
  tier: string | null;

  @Field(() => String, { nullable: true })
  tierLabel: string | null;

  @Field(() => [LevelValue], { description: 'Ratings per level (every level)' })
  counts: LevelValue[];

  @Field(() => [LevelValue], { description: '100 × count ÷ counted, for counted levels' })
  rates: LevelValue[];

  @Field(() => StandingExplanation)
  explanation: StandingExplanation;
}

@ObjectType()
export class CampaignStandings {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String)
  strategyCode: string;

  @Field(() => String, { description: 'The policy used, as JSON' })
  policyJson: string;

  @Field(() => Int, { description: 'Ratings counted (all units, all levels)' })
  ratingCount: number;

  @Field(() => Int)
  smallCellK: number;

  @Field(() => [UnitStanding], { description: 'By rank, then unit code; invalid units last' })
  standings: UnitStanding[];
}
