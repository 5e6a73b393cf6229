import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { InvalidPolicyError, PhaseClosedError } from '../../campaign/campaign.errors';
import { RatingLevel } from '../../campaign/campaign-parts.types';
import { ResultSnapshot } from '../result-snapshot.entity';
import { CampaignStandings } from './standings.dto';
import { StrategyFailedError } from '../../plugin/plugin.errors';

@ObjectType({
  description: "One evaluator group's ratings of one unit; withheld (null) when it or its complement is a small cell",
})
export class GroupCell {
  @Field(() => String)
  groupCode: string;

  @Field(() => String)
  groupLabel: string;

  @Field(() => Boolean)
  suppressed: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'smallCell (fewer than k ballots) or complementary (withheld so a small cell cannot be derived from the totals)',
  })
  suppression: string | null;

  @Field(() => Int, { nullable: true })
  ballots: number | null;

  @Field(() => [Int], { nullable: true, description: 'Ratings per level, in the order of Breakdown.levels' })
  counts: number[] | null;
}

@ObjectType()
export class UnitBreakdown {
  @Field(() => String)
  unitCode: string;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => Int)
  ballots: number;

  @Field(() => [Int], { description: 'All groups together, per level (in the order of Breakdown.levels)' })
  counts: number[];

  @Field(() => [GroupCell])
  groups: GroupCell[];
}

@ObjectType({ description: 'Ratings by unit and evaluator group, small cells withheld' })
export class Breakdown {
  @Field(() => ID)
  campaignId: string;

  @Field(() => Int)
  smallCellK: number;

  @Field(() => [RatingLevel])
  levels: RatingLevel[];

  @Field(() => [UnitBreakdown])
  units: UnitBreakdown[];
}

@ObjectType({ description: 'A scoring strategy and the arguments it takes (for the policy editor)' })
export class ScoringStrategyInfo {
  @Field(() => String)
  code: string;

  @Field(() => String)
  labelZh: string;

  @Field(() => String)
  labelEn: string;

  @Field(() => String)
  descriptionZh: string;

  @Field(() => String)
  descriptionEn: string;

  @Field(() => String, { description: 'The argument declarations as JSON (describeStrategy().args)' })
  argsJson: string;

  @Field(() => Boolean)
  decidesTiers: boolean;

  @Field(() => Float, { nullable: true })
  rangeMin: number | null;

  @Field(() => Float, { nullable: true })
  rangeMax: number | null;
}

@ObjectType()
export class UnitComparison {
  @Field(() => String)
  unitCode: string;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => Int, { nullable: true })
  rank: number | null;

  @Field(() => Int, { nullable: true })
  previousRank: number | null;

  @Field(() => Int, { nullable: true, description: 'previousRank − rank: positive means the unit moved up' })
  rankChange: number | null;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field(() => Float, { nullable: true })
  previousScore: number | null;

  @Field(() => Float, { nullable: true, description: "score − previousScore, rounded to the policy's decimals" })
  scoreChange: number | null;
}

@ObjectType({ description: "This campaign against the previous campaign's latest published results" })
export class StandingsComparison {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String, {
    description: "published (this campaign's latest snapshot) or live (its current standings, when none is published)",
  })
  currentSource: string;

  @Field(() => ID, { nullable: true })
  previousCampaignId: string | null;

  @Field(() => Int, { nullable: true })
  previousYear: number | null;

  @Field(() => Date, { nullable: true })
  previousPublishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why there is nothing to compare with, when so' })
  note: string | null;

  @Field(() => [UnitComparison])
  units: UnitComparison[];
}

export const PreviewStandingsResult = defineResultUnion('PreviewStandingsResult', CampaignStandings, [
  NotFoundError,
  InvalidPolicyError,
  StrategyFailedError,
]);
export const PublishResultsResult = defineResultUnion('PublishResultsResult', ResultSnapshot, [
  NotFoundError,
  PhaseClosedError,
]);
