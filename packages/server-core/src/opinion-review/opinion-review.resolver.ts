import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OPINION_READERS_BUREAU_WIDE } from '../appraisal/opinion.service';
import { OpinionStatus } from '../appraisal/opinion.entity';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import {
  MergeOpinionsInput,
  MergeOpinionsResult,
  OpinionProblemDetail,
  OpinionProblemFilter,
  OpinionProblemList,
  ReviewOpinionsResult,
  UnmergeOpinionResult,
} from './dto/opinion-review.dto';
import { OpinionReviewService } from './opinion-review.service';

const READERS = [...OPINION_READERS_BUREAU_WIDE, Role.liaison] as const;

/** The opinion review queue: bulk statuses, merging opinions into problems. */
@Resolver()
export class OpinionReviewResolver {
  constructor(private readonly review: OpinionReviewService) {}

  @Mutation(() => ReviewOpinionsResult.union, {
    description: 'Sets the review status of many opinions at once (all or none)',
  })
  @Allow(Role.admin, Role.office)
  reviewOpinions(
    @Ctx() ctx: RequestContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('status', { type: () => OpinionStatus }) status: OpinionStatus,
  ) {
    return ReviewOpinionsResult.run(() => this.review.reviewMany(ctx, ids, status));
  }

  @Mutation(() => MergeOpinionsResult.union, {
    description: 'Merges opinions into a new problem, or into an existing one (problemId)',
  })
  @Allow(Role.admin, Role.office)
  mergeOpinions(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => MergeOpinionsInput }) input: MergeOpinionsInput,
  ) {
    return MergeOpinionsResult.run(() => this.review.merge(ctx, input));
  }

  @Mutation(() => UnmergeOpinionResult.union, { description: 'Takes an opinion out of a problem' })
  @Allow(Role.admin, Role.office)
  unmergeOpinion(
    @Ctx() ctx: RequestContext,
    @Args('problemId', { type: () => ID }) problemId: string,
    @Args('opinionId', { type: () => ID }) opinionId: string,
  ) {
    return UnmergeOpinionResult.run(() => this.review.unmerge(ctx, problemId, opinionId));
  }

  @Query(() => OpinionProblemList, {
    description: "Problems merged from opinions, newest first; a liaison sees their unit's",
  })
  @Allow(...READERS)
  opinionProblems(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => OpinionProblemFilter, nullable: true }) filter?: OpinionProblemFilter,
  ): Promise<OpinionProblemList> {
    return this.review.list(ctx, campaignId, options, filter);
  }

  @Query(() => OpinionProblemDetail, { description: 'A problem with its opinions' })
  @Allow(...READERS)
  opinionProblem(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<OpinionProblemDetail> {
    return this.review.detail(ctx, id);
  }
}
