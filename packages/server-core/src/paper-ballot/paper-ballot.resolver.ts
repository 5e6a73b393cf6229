import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { messageParamsJsonOf } from '../common/problem-result';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import {
  WithdrawPaperBatchResult,
  AcceptPaperBatchResult,
  CreatePaperBatchResult,
  KeyingResolutionInput,
  PaperBatchFilter,
  PaperBatchList,
  PaperKeyingComparison,
  PaperReconciliation,
  SetPaperReconciliationResult,
  SheetProblemType,
} from './dto/paper-ballot.dto';
import { PaperBatch } from './paper-batch.entity';
import { PaperBatchService } from './paper-batch.service';
import { PaperWithdrawalService } from './paper-withdrawal.service';
import { PaperKeying } from './paper-keying.entity';
import { PaperReconciliationService } from './paper-reconciliation.service';
import { type SheetProblem } from './paper-sheet';

const READERS = [Role.admin, Role.office, Role.leader] as const;

/** Paper ballots: batches, keyings and their reports, double keying, reconciliation. Files arrive over REST. */
@Resolver(() => PaperBatch)
export class PaperBallotResolver {
  constructor(
    private readonly batches: PaperBatchService,
    private readonly reconciliationService: PaperReconciliationService,
    private readonly withdrawal: PaperWithdrawalService,
  ) {}

  @Mutation(() => CreatePaperBatchResult.union, {
    description:
      'Opens a paper batch; upload its keying(s) to POST /paper-batches/:id/keyings/:n, or, scanned, its scans to POST /paper-batches/:id/scans',
  })
  @Allow(Role.admin, Role.office)
  createPaperBatch(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('code', { type: () => String }) code: string,
    @Args('doubleKeyed', { type: () => Boolean, nullable: true, defaultValue: false }) doubleKeyed: boolean,
    @Args('scanned', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'Read from scanned sheets (POST /paper-batches/:id/scans) instead of keyed files',
    })
    scanned: boolean,
  ) {
    return CreatePaperBatchResult.run(() => this.batches.create(ctx, campaignId, code, doubleKeyed, scanned));
  }

  @Query(() => PaperBatch, { description: 'A paper batch with its keyings: state, progress, report' })
  @Allow(...READERS)
  paperBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PaperBatch> {
    return this.batches.findOrThrow(ctx, id);
  }

  @Query(() => PaperBatchList, { description: 'Paper batches of a campaign, newest first' })
  @Allow(...READERS)
  paperBatches(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => PaperBatchFilter, nullable: true }) filter?: PaperBatchFilter,
  ): Promise<PaperBatchList> {
    return this.batches.list(ctx, campaignId, options, filter);
  }

  @ResolveField(() => [PaperKeying], { description: 'Its current keyings (replaced uploads left out)' })
  @Allow(...READERS)
  keyings(@Parent() batch: PaperBatch): PaperKeying[] {
    return [...(batch.keyings ?? [])].sort((a, b) => a.keying - b.keying);
  }

  @Query(() => PaperKeyingComparison, {
    description: 'Every difference between the two keyings of a double-keyed batch',
  })
  @Allow(Role.admin, Role.office)
  paperKeyingComparison(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => ID }) batchId: string,
  ): Promise<PaperKeyingComparison> {
    return this.batches.comparison(ctx, batchId);
  }

  @Mutation(() => AcceptPaperBatchResult.union, {
    description:
      'Imports a batch whose keyings agree, or whose every mismatch is resolved; retries an interrupted import',
  })
  @Allow(Role.admin, Role.office)
  acceptPaperBatch(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('resolutions', { type: () => [KeyingResolutionInput], nullable: true }) resolutions?: KeyingResolutionInput[],
  ) {
    return AcceptPaperBatchResult.run(() => this.batches.accept(ctx, id, resolutions));
  }

  @Mutation(() => WithdrawPaperBatchResult.union, {
    description:
      'Withdraws an imported batch with a reason (appraisal only): its ballots leave the tallies; audit-logged',
  })
  @Allow(Role.admin, Role.office)
  withdrawPaperBatch(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ) {
    return WithdrawPaperBatchResult.run(() => this.withdrawal.withdraw(ctx, id, reason));
  }

  @Query(() => PaperReconciliation, {
    description: 'Per evaluator group: sheets issued, returned, valid, spoilt; returned > issued flagged',
  })
  @Allow(...READERS)
  paperReconciliation(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<PaperReconciliation> {
    return this.reconciliationService.reconciliation(ctx, campaignId);
  }

  @Mutation(() => SetPaperReconciliationResult.union, {
    description: 'Records the paper sheets handed out to a group and the spoilt ones counted by hand',
  })
  @Allow(Role.admin, Role.office)
  setPaperReconciliation(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('group', { type: () => String }) group: string,
    @Args('slipsIssued', { type: () => Int }) slipsIssued: number,
    @Args('spoiltNotKeyed', { type: () => Int, nullable: true }) spoiltNotKeyed?: number,
  ) {
    return SetPaperReconciliationResult.run(() =>
      this.reconciliationService.set(ctx, campaignId, group, slipsIssued, spoiltNotKeyed),
    );
  }
}

/** The report of a keying: its bad rows and cells. */
@Resolver(() => PaperKeying)
export class PaperKeyingResolver {
  @ResolveField(() => [SheetProblemType], {
    description: 'Bad rows and cells (the first 500; problemCount counts them all)',
  })
  @Allow(...READERS)
  problems(@Parent() keying: PaperKeying): (SheetProblem & { messageParamsJson: string | null })[] {
    const problems = keying.report ? (JSON.parse(keying.report) as SheetProblem[]) : [];
    return problems.map((problem) => ({ ...problem, messageParamsJson: messageParamsJsonOf(problem) }));
  }
}
