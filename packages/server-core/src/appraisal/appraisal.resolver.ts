import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { OpinionList, OpinionListFilter, Participation, ReviewOpinionResult } from './dto/appraisal.dto';
import { OpinionStatus } from './opinion.entity';
import { OpinionService } from './opinion.service';
import { ParticipationService } from './participation.service';

/** What the appraisal stored: participation per evaluator group, opinions and their review. */
@Resolver()
export class AppraisalResolver {
  constructor(
    private readonly opinionService: OpinionService,
    private readonly participationService: ParticipationService,
  ) {}

  @Query(() => Participation, { description: 'Ballots per evaluator group against its quota' })
  @Allow(Role.admin, Role.office, Role.leader)
  participation(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<Participation> {
    return this.participationService.participation(ctx, campaignId);
  }

  @Query(() => OpinionList, { description: 'Opinions (意见表); a liaison sees those about their unit' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  opinions(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => OpinionListFilter, nullable: true }) filter?: OpinionListFilter,
  ): Promise<OpinionList> {
    return this.opinionService.list(ctx, campaignId, options, filter);
  }

  @Mutation(() => ReviewOpinionResult.union, {
    description: "Sets an opinion's review status (from the appraisal phase on)",
  })
  @Allow(Role.admin, Role.office)
  reviewOpinion(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => OpinionStatus }) status: OpinionStatus,
  ) {
    return ReviewOpinionResult.run(() => this.opinionService.review(ctx, id, status));
  }
}
