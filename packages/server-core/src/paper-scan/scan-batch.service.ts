import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError, refusal } from '@pingyi/domain';
import { appraisalSheetLayout, opinionFormLayout, type Rect } from '@pingyi/omr';
import { Repository } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { messageParamsJsonOf } from '../common/problem-result';
import { type RequestContext } from '../common/request-context';
import { checkText } from '../common/validation';
import { CampaignBallotRulesService } from '../ballot-casting/campaign-ballot-rules.service';
import { type PaperBatch, PaperBatchState } from '../paper-ballot/paper-batch.entity';
import { PaperBatchService } from '../paper-ballot/paper-batch.service';
import { type ScanOpinionBox, type ScanProgress, type ScanReviewRow } from './dto/paper-scan.dto';
import { ScanPage } from './scan-page.entity';
import { ScanReadingService } from './scan-reading.service';
import { ScanReview } from './scan-review.entity';
import { ScanUpload } from './scan-upload.entity';
import { type SheetShapeOfCampaign, sheetShapeOf } from './sheet-shape';

/** Largest scan file accepted: 400 pages of a 200 dpi greyscale PDF are about 100 MB. */
export const MAX_SCAN_FILE_BYTES = 256 * 1024 * 1024;
/** Most rows one review list answers (the console asks again as it goes). */
const REVIEW_PAGE = 500;

/** An upload of one scan file, as the REST route hands it over. */
export interface ScanFileUpload {
  readonly batchId: unknown;
  readonly fileName: unknown;
  readonly body: AsyncIterable<Uint8Array>;
  readonly wait: boolean;
}

/** Scanned batches: receiving scan files, their progress, and the review of what the reader could not decide. */
@Injectable()
export class ScanBatchService {
  constructor(
    @InjectRepository(ScanUpload) private readonly scanUploads: Repository<ScanUpload>,
    @InjectRepository(ScanPage) private readonly pages: Repository<ScanPage>,
    @InjectRepository(ScanReview) private readonly reviews: Repository<ScanReview>,
    private readonly batches: PaperBatchService,
    private readonly campaigns: CampaignService,
    private readonly reading: ScanReadingService,
    private readonly ballotRules: CampaignBallotRulesService,
  ) {}

  /** A scanned batch of the caller's bureau, refused when it is keyed. */
  async scannedBatch(ctx: RequestContext, id: unknown, path = 'batchId'): Promise<PaperBatch> {
    const batch = await this.batches.findOrThrow(ctx, id, path);
    if (!batch.scanned) throw refusal('BATCH_NOT_OPEN', 'scanBatchNotScanned', { batch: batch.code }, path);
    return batch;
  }

  /** Receives a scan file (streamed to disk within {@link MAX_SCAN_FILE_BYTES}) and queues its reading. */
  async upload(ctx: RequestContext, upload: ScanFileUpload, now = new Date()): Promise<PaperBatch> {
    const batch = await this.scannedBatch(ctx, upload.batchId);
    const campaign = await this.campaigns.findOrThrow(ctx, batch.campaignId);
    assertCampaignActionOpen(campaign, 'importPaperBallots', now);
    assertOpen(batch);
    const fileName = checkText(upload.fileName ?? 'scan.pdf', 'name', { max: 200 });
    const file = await this.reading.uploads.receive(upload.body, MAX_SCAN_FILE_BYTES);
    try {
      const saved = await this.scanUploads.save(
        this.scanUploads.create({
          bureauId: batch.bureauId,
          campaignId: batch.campaignId,
          batchId: batch.id,
          fileName,
          state: 'reading',
          problems: [],
          heartbeatMs: String(Date.now()),
          uploadedBy: ctx.userOrThrow.username,
        }),
      );
      await this.reading.submit(
        {
          batchId: batch.id,
          uploadId: saved.id,
          file: { name: file.path.split(/[\\/]/).pop() as string, size: file.size },
          fileName,
          requester: ctx.snapshot(),
        },
        upload.wait,
      );
    } catch (error) {
      await this.reading.uploads.remove(file.path);
      throw error;
    }
    return this.batches.findOrThrow(ctx, batch.id);
  }

  /** How the batch's scans stand: files, pages, sheets, what waits for a person, every problem. */
  async progress(batch: PaperBatch): Promise<ScanProgress> {
    const files = await this.scanUploads.find({ where: { batchId: batch.id }, order: { id: 'ASC' } });
    const counts = await this.reviews
      .createQueryBuilder('review')
      .select('review.kind', 'kind')
      .addSelect('review.decided', 'decided')
      .addSelect('COUNT(*)', 'n')
      .where('review.batchId = :batchId', { batchId: batch.id })
      .groupBy('review.kind')
      .addGroupBy('review.decided')
      .getRawMany<{ kind: string; decided: boolean | number; n: string | number }>();
    const count = (kind: 'row' | 'opinion', decided: boolean): number =>
      Number(counts.find((c) => c.kind === kind && Boolean(Number(c.decided)) === decided)?.n ?? 0);
    const sheets = await this.pages
      .createQueryBuilder('page')
      .select('COUNT(DISTINCT page.serial)', 'sheets')
      .where("page.batchId = :batchId AND page.kind = 'A'", { batchId: batch.id })
      .getRawOne<{ sheets: string | number }>();
    return {
      reading: files.some((file) => file.state === 'reading'),
      files: files.length,
      pages: files.reduce((sum, file) => sum + file.pages, 0),
      sheets: Number(sheets?.sheets ?? 0),
      reviewPending: count('row', false),
      reviewDecided: count('row', true),
      opinionsPending: count('opinion', false),
      opinionsTranscribed: count('opinion', true),
      problems: files.flatMap((file) =>
        file.problems.map((problem) => ({
          file: problem.file,
          page: problem.page,
          code: problem.code,
          serial: problem.serial,
          messageKey: problem.messageKey,
          messageParamsJson: messageParamsJsonOf(problem) ?? '{}',
        })),
      ),
    };
  }

  /** The doubtful rows of a batch, pending ones first, with what a reviewer needs to decide each. */
  async reviewRows(ctx: RequestContext, batchId: unknown, pendingOnly: boolean): Promise<ScanReviewRow[]> {
    const batch = await this.scannedBatch(ctx, batchId);
    const rows = await this.queue(batch, 'row', pendingOnly);
    const view = await this.rowView(ctx, batch);
    return rows.map(view);
  }

  /** The written opinion boxes of a batch's opinion forms, to transcribe. */
  async opinionBoxes(ctx: RequestContext, batchId: unknown, pendingOnly: boolean): Promise<ScanOpinionBox[]> {
    const batch = await this.scannedBatch(ctx, batchId);
    const rows = await this.queue(batch, 'opinion', pendingOnly);
    const view = await this.boxView(batch);
    return rows.map(view);
  }

  /** Records a reviewer's reading of a doubtful row: a level code, or null for blank (abstention). */
  async decideRow(ctx: RequestContext, id: unknown, level: unknown): Promise<ScanReviewRow> {
    const review = await this.reviewOrThrow(ctx, id, 'row');
    const shape = await this.shapeOf(review.batch);
    let decidedLevel: number | null = null;
    if (level !== null && level !== undefined && level !== '') {
      decidedLevel = shape.levelCodes.indexOf(String(level));
      if (decidedLevel < 0)
        throw refusal('UNKNOWN_LEVEL', 'scanLevelUnknown', { known: shape.levelCodes.join(', ') }, 'level');
    }
    await this.reviews.update(
      { id: review.row.id },
      { decided: true, decidedLevel, decidedBy: ctx.userOrThrow.username },
    );
    return (await this.rowView(ctx, review.batch))(await this.reloaded(review.row.id));
  }

  /** Records the text of a written opinion box ('' when nothing legible is written). */
  async transcribe(ctx: RequestContext, id: unknown, text: unknown): Promise<ScanOpinionBox> {
    const review = await this.reviewOrThrow(ctx, id, 'opinion');
    const value = checkText(text, 'text', { min: 0, max: 2_000 }).trim();
    await this.reviews.update(
      { id: review.row.id },
      { decided: true, text: value, decidedBy: ctx.userOrThrow.username },
    );
    return (await this.boxView(review.batch))(await this.reloaded(review.row.id));
  }

  /** The crop a reviewer sees of a doubtful row or an opinion box, as PNG. */
  async crop(ctx: RequestContext, batchId: unknown, id: unknown): Promise<Buffer> {
    const batch = await this.scannedBatch(ctx, batchId, 'id');
    const review = await this.reviews.findOne({
      where: { id: checkText(id, 'reviewId', { max: 36 }), batchId: batch.id },
      relations: { scanPage: true },
    });
    if (!review?.scanPage?.image)
      throw new PingyiError('NOT_FOUND', `no scan review ${String(id).slice(0, 36)} in this batch`, 'reviewId');
    const shape = await this.shapeOf(batch);
    return this.reading.images.crop(batch.id, review.scanPage.image, cropRect(shape, review, review.scanPage));
  }

  /**
   * Deletes the page images of an imported (or withdrawn) batch and the
   * readings kept with them; the pages stay counted as scanned for
   * reconciliation. Audit-logged like every mutation.
   */
  async discard(ctx: RequestContext, batchId: unknown): Promise<PaperBatch> {
    const batch = await this.scannedBatch(ctx, batchId);
    if (batch.state !== PaperBatchState.imported && batch.state !== PaperBatchState.withdrawn)
      throw refusal('BATCH_NOT_OPEN', 'scanDiscardNotImported', { batch: batch.code }, 'batchId');
    await this.reading.tx.steps([
      { sql: 'DELETE FROM scan_review WHERE batch_id = ?', params: [batch.id] },
      { sql: `UPDATE scan_page SET readings = '[]', image = '' WHERE batch_id = ?`, params: [batch.id] },
    ]);
    await this.reading.images.removeBatch(batch.id);
    return this.batches.findOrThrow(ctx, batch.id);
  }

  // How a doubtful row is shown: its sheet, group, unit, the reader's guess and the decision, by code.
  private async rowView(ctx: RequestContext, batch: PaperBatch): Promise<(review: ScanReview) => ScanReviewRow> {
    const shape = await this.shapeOf(batch);
    const campaign = await this.campaigns.findOrThrow(ctx, batch.campaignId);
    const levelCode = (index: number | null): string | null =>
      index === null ? null : (shape.levelCodes[index] ?? null);
    return (review) => ({
      id: review.id,
      serial: review.scanPage?.serial ?? '',
      page: review.scanPage?.page ?? 0,
      groupLabel: campaign.evaluatorGroups.find((g) => g.code === review.scanPage?.evaluatorGroupCode)?.label ?? '',
      unitName: shape.unitNames[review.unitIndex] ?? '',
      reason: review.reason ?? 'double',
      candidateLevel: levelCode(review.candidate),
      decided: review.decided,
      decidedLevel: levelCode(review.decidedLevel),
      cropUrl: `/paper-batches/${batch.id}/scan-crops/${review.id}`,
    });
  }

  private async boxView(batch: PaperBatch): Promise<(review: ScanReview) => ScanOpinionBox> {
    const shape = await this.shapeOf(batch);
    return (review) => ({
      id: review.id,
      serial: review.scanPage?.serial ?? '',
      unitName: shape.unitNames[review.unitIndex] ?? '',
      transcribed: review.decided,
      text: review.text,
      cropUrl: `/paper-batches/${batch.id}/scan-crops/${review.id}`,
    });
  }

  private async reloaded(id: string): Promise<ScanReview> {
    return this.reviews.findOneOrFail({ where: { id }, relations: { scanPage: true } });
  }

  private async queue(batch: PaperBatch, kind: 'row' | 'opinion', pendingOnly: boolean): Promise<ScanReview[]> {
    return this.reviews.find({
      where: { batchId: batch.id, kind, ...(pendingOnly ? { decided: false } : {}) },
      relations: { scanPage: true },
      order: { decided: 'ASC', id: 'ASC' },
      take: REVIEW_PAGE,
    });
  }

  private async reviewOrThrow(
    ctx: RequestContext,
    id: unknown,
    kind: 'row' | 'opinion',
  ): Promise<{ row: ScanReview; batch: PaperBatch }> {
    const reviewId = checkText(id, 'id', { max: 36 });
    const row = await this.reviews.findOneBy({ id: reviewId, kind });
    if (!row) throw new PingyiError('NOT_FOUND', `no scan review ${reviewId} in your bureau`, 'id');
    const batch = await this.scannedBatch(ctx, row.batchId, 'id');
    assertOpen(batch);
    return { row, batch };
  }

  private async shapeOf(batch: PaperBatch): Promise<SheetShapeOfCampaign> {
    return sheetShapeOf(await this.ballotRules.rulesOf(batch.campaignId));
  }
}

function assertOpen(batch: PaperBatch): void {
  if (batch.state === PaperBatchState.imported || batch.state === PaperBatchState.withdrawn)
    throw refusal('BATCH_NOT_OPEN', 'uploadImported', { batch: batch.code }, 'batchId');
  if (batch.state === PaperBatchState.importing)
    throw refusal('BATCH_NOT_OPEN', 'uploadBusy', { batch: batch.code, doing: 'being imported' }, 'batchId');
}

// A doubtful row with a margin (its neighbours show where the pen went), or an opinion box with its caption.
function cropRect(shape: { unitCount: number; levelCount: number }, review: ScanReview, page: ScanPage): Rect {
  if (review.kind === 'opinion') {
    const box = opinionFormLayout(shape.unitCount)[page.page - 1]?.boxes.find((b) => b.unitIndex === review.unitIndex);
    if (box) return box.boxRect;
  } else {
    const row = appraisalSheetLayout(shape.unitCount, shape.levelCount).pages[page.page - 1]?.rows.find(
      (r) => r.unitIndex === review.unitIndex,
    );
    if (row)
      return {
        x: row.rowRect.x - 2,
        y: row.rowRect.y - 2,
        width: row.rowRect.width + 4,
        height: row.rowRect.height + 4,
      };
  }
  return { x: 0, y: 0, width: 210, height: 297 };
}
