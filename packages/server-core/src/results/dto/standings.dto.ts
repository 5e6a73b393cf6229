import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CampaignSeries } from '../../campaign/campaign-parts.types';
import { GroupResponse, NotScoredGroup } from './response.dto';

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

  @Field(() => String, { nullable: true, description: "Rounded to the policy's decimals" })
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

  @Field(() => Boolean, {
    description: 'True when the steps are withheld: they would show an evaluator group with fewer than k ballots',
  })
  stepsWithheld: boolean;
}

/** A unit's response: its ratings over the ballots distributed to every group. */
export interface UnitResponse {
  readonly responded: number;
  readonly distributed: number;
  readonly responseRate: number | null;
}

@ObjectType({ description: "A unit's result (得分与排名)" })
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

  @Field(() => Int, {
    nullable: true,
    description: "Rank within the ranking scope: the unit's series when the policy ranks within series, else all units",
  })
  rank: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank among all valid units (null in results published before series)',
  })
  overallRank?: number | null;

  @Field(() => String, { nullable: true, description: "The unit's series (序列/类别) code; null for none" })
  series?: string | null;

  @Field(() => String, { nullable: true })
  seriesLabel?: string | null;

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

  /** Live standings compute the response on first use (not a GraphQL field; lost in JSON, where the values are stored). */
  pendingResponse?: () => Promise<UnitResponse>;

  @Field(() => Int, {
    nullable: true,
    description: 'Ratings of the unit received, every group and level (abstentions left out)',
  })
  responded?: number | null;

  @Field(() => Int, { nullable: true, description: 'Ballots distributed to all evaluator groups' })
  distributed?: number | null;

  @Field(() => Float, { nullable: true, description: "The unit's response rate: 100 × responded ÷ distributed" })
  responseRate?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "In the policy's bottom tier (a bottom rank tier, else the last score tier)",
  })
  bottomTier?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'In the bottom tier in the previous published campaign and again now (连续两年)',
  })
  consecutiveBottom?: boolean | null;

  @Field(() => [NotScoredGroup], {
    nullable: true,
    description: "Groups below the policy's minimum response rate: reported, not scored",
  })
  notScoredGroups?: NotScoredGroup[] | null;
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

  @Field(() => [UnitStanding], {
    description: 'By rank, then unit code; invalid units last (by series first when ranking within series)',
  })
  standings: UnitStanding[];

  @Field(() => String, { description: 'all or series: the scope ranks are counted in' })
  rankWithin: string;

  @Field(() => [CampaignSeries], { description: "The campaign's series" })
  series: CampaignSeries[];

  /** Resolved on first use (`groupResponses` field of the results resolver). */
  pendingGroupResponses: () => Promise<GroupResponse[]>;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year of the previous campaign whose published results the consecutive-year mark reads; null when there is none',
  })
  previousYear: number | null;
}
