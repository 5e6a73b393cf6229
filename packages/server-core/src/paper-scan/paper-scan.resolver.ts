import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { PaperBatch } from '../paper-ballot/paper-batch.entity';
import {
  DecideScanRowResult,
  DiscardScansResult,
  ImportScannedBatchResult,
  ScanOpinionBox,
  ScanProgress,
  ScanReviewRow,
  TranscribeScanOpinionResult,
} from './dto/paper-scan.dto';
import { ScanBatchService } from './scan-batch.service';
import { ScanImportService } from './scan-import.service';

const READERS = [Role.admin, Role.office, Role.leader] as const;

/** Scanned paper batches: progress, the review of doubtful rows, opinion transcription, import. */
@Resolver(() => PaperBatch)
export class PaperScanResolver {
  constructor(
    private readonly scans: ScanBatchService,
    private readonly importer: ScanImportService,
  ) {}

  @ResolveField(() => ScanProgress, {
    nullable: true,
    description: 'How its scans stand (null for a keyed batch): POST /paper-batches/:id/scans to add files',
  })
  @Allow(...READERS)
  scan(@Parent() batch: PaperBatch): Promise<ScanProgress> | null {
    return batch.scanned ? this.scans.progress(batch) : null;
  }

  @Query(() => [ScanReviewRow], { description: 'Doubtful rows of a scanned batch, undecided first (at most 500)' })
  @Allow(Role.admin, Role.office)
  scanReviewRows(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => ID }) batchId: string,
    @Args('pendingOnly', { type: () => Boolean, nullable: true, defaultValue: true }) pendingOnly: boolean,
  ): Promise<ScanReviewRow[]> {
    return this.scans.reviewRows(ctx, batchId, pendingOnly);
  }

  @Mutation(() => DecideScanRowResult.union, {
    description: "Records a person's reading of a doubtful row: a level code, or null for blank (abstention)",
  })
  @Allow(Role.admin, Role.office)
  decideScanRow(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('level', { type: () => String, nullable: true }) level?: string | null,
  ) {
    return DecideScanRowResult.run(() => this.scans.decideRow(ctx, id, level ?? null));
  }

  @Query(() => [ScanOpinionBox], { description: 'Written boxes of scanned opinion forms, untranscribed first' })
  @Allow(Role.admin, Role.office)
  scanOpinionBoxes(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => ID }) batchId: string,
    @Args('pendingOnly', { type: () => Boolean, nullable: true, defaultValue: true }) pendingOnly: boolean,
  ): Promise<ScanOpinionBox[]> {
    return this.scans.opinionBoxes(ctx, batchId, pendingOnly);
  }

  @Mutation(() => TranscribeScanOpinionResult.union, {
    description: "Records an opinion box's handwriting as text ('' when nothing legible is written)",
  })
  @Allow(Role.admin, Role.office)
  transcribeScanOpinion(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('text', { type: () => String }) text: string,
  ) {
    return TranscribeScanOpinionResult.run(() => this.scans.transcribe(ctx, id, text));
  }

  @Mutation(() => DiscardScansResult.union, {
    description:
      'Deletes the page images (and readings) of an imported or withdrawn scanned batch; its sheets stay counted',
  })
  @Allow(Role.admin, Role.office)
  discardScans(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => ID }) batchId: string) {
    return DiscardScansResult.run(() => this.scans.discard(ctx, batchId));
  }

  @Mutation(() => ImportScannedBatchResult.union, {
    description:
      'Imports a scanned batch once nothing waits for review: its sheets are checked whole and stored all or nothing',
  })
  @Allow(Role.admin, Role.office)
  importScannedBatch(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => ID }) batchId: string) {
    return ImportScannedBatchResult.run(() => this.importer.importBatch(ctx, batchId));
  }
}
