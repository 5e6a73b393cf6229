import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { ComparisonService } from './comparison.service';
import {
  Breakdown,
  PreviewStandingsResult,
  PublishResultsResult,
  ScoringStrategyInfo,
  StandingsComparison,
} from './dto/results.dto';
import { GroupResponse } from './dto/response.dto';
import { CampaignStandings } from './dto/standings.dto';
import { PublicationService } from './publication.service';
import { ResultSnapshot } from './result-snapshot.entity';
import { StandingsService } from './standings.service';
import { UnitTrend } from './dto/trend.dto';
import { TrendService } from './trend.service';

/**
 * Results. Live standings and comparisons: admin, office, leader. Preview
 * and publishing: admin, office. Breakdown: admin, office, leader, and a
 * liaison for their own unit. Published results and the strategy list:
 * every role of the bureau.
 */
@Resolver(() => ResultSnapshot)
export class ResultsResolver {
  constructor(
    private readonly standingsService: StandingsService,
    private readonly publication: PublicationService,
    private readonly comparison: ComparisonService,
    private readonly trend: TrendService,
  ) {}

  @Query(() => CampaignStandings, {
    description: "Live standings: the tally counted now, scored by the campaign's policy",
  })
  @Allow(Role.admin, Role.office, Role.leader)
  standings(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<CampaignStandings> {
    return this.standingsService.standings(ctx, campaignId);
  }

  @Query(() => PreviewStandingsResult.union, { description: 'The current tally scored with an unsaved policy (JSON)' })
  @Allow(Role.admin, Role.office)
  previewStandings(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('policyJson', { type: () => String }) policyJson: string,
  ) {
    return PreviewStandingsResult.run(() => this.standingsService.preview(ctx, campaignId, policyJson));
  }

  @Query(() => Breakdown, {
    description: 'Ratings by unit and evaluator group, cells under k ballots withheld; a liaison sees their unit only',
  })
  @Allow(Role.admin, Role.office, Role.leader, Role.liaison)
  breakdown(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('unitCode', { type: () => String, nullable: true }) unitCode?: string | null,
  ): Promise<Breakdown> {
    return this.standingsService.breakdown(ctx, campaignId, unitCode);
  }

  @Query(() => [ScoringStrategyInfo], { description: 'Strategies a policy may name, with their argument declarations' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  scoringStrategies(): ScoringStrategyInfo[] {
    return this.standingsService.scoringStrategies();
  }

  @Mutation(() => PublishResultsResult.union, {
    description: 'Freezes the current standings and policy (from the rectification phase on)',
  })
  @Allow(Role.admin, Role.office)
  publishResults(@Ctx() ctx: RequestContext, @Args('campaignId', { type: () => ID }) campaignId: string) {
    return PublishResultsResult.run(() => this.publication.publish(ctx, campaignId));
  }

  @Query(() => [ResultSnapshot], { description: 'Published results of a campaign, latest first' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  publishedResults(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<ResultSnapshot[]> {
    return this.publication.published(ctx, campaignId);
  }

  @Query(() => StandingsComparison, {
    description: "Rank and score change per unit against the previous campaign's published results",
  })
  @Allow(Role.admin, Role.office, Role.leader)
  compareWithPrevious(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<StandingsComparison> {
    return this.comparison.compare(ctx, campaignId);
  }

  @Query(() => UnitTrend, {
    description: "A unit's published score and rank over the bureau's campaigns, oldest first",
  })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  unitTrend(
    @Ctx() ctx: RequestContext,
    @Args('unitCode', { type: () => String }) unitCode: string,
  ): Promise<UnitTrend> {
    return this.trend.unitTrend(ctx, unitCode);
  }

  @ResolveField(() => String, { description: 'The policy used, as JSON' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  policyJson(@Parent() snapshot: ResultSnapshot): string {
    return JSON.stringify(snapshot.policy);
  }

  @ResolveField(() => [GroupResponse], {
    description: 'Response rate per evaluator group at publication; empty for results published before them',
  })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  groupResponses(@Parent() snapshot: ResultSnapshot): GroupResponse[] {
    return snapshot.groupResponses ?? [];
  }

  @ResolveField(() => String, { description: 'all or series: the scope ranks were counted in' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  rankWithin(@Parent() snapshot: ResultSnapshot): string {
    return snapshot.policy.rankWithin ?? 'all';
  }

  @ResolveField(() => String)
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  strategyCode(@Parent() snapshot: ResultSnapshot): string {
    return snapshot.policy.strategy.code;
  }
}
