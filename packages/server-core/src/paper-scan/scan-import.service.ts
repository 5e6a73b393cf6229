import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { refusal } from '@pingyi/domain';
import { UNITS_PER_PAGE } from '@pingyi/omr';
import { Repository } from 'typeorm';
import { CampaignBallotRulesService } from '../ballot-casting/campaign-ballot-rules.service';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type RequestContext } from '../common/request-context';
import { type PaperBatch } from '../paper-ballot/paper-batch.entity';
import { PaperBatchService } from '../paper-ballot/paper-batch.service';
import { PaperImportService } from '../paper-ballot/paper-import.service';
import { BLANK, type CompactSheet, type PaperOpinion } from '../paper-ballot/paper-sheet';
import { ScanBatchService } from './scan-batch.service';
import { ROW_PENDING, ScanPage } from './scan-page.entity';
import { ScanReview } from './scan-review.entity';
import { ScanUpload } from './scan-upload.entity';
import { sheetShapeOf, type SheetShapeOfCampaign } from './sheet-shape';

/** Most missing pages named in a refusal. */
const NAMED = 20;

/**
 * Imports a scanned batch through the paper path: once every doubtful row and
 * opinion box is decided, its sheets become a compact sheet (one row per
 * serial, decisions applied) that `PaperImportService.importSheet` checks
 * whole and stores all or nothing, with the opinion forms' transcribed boxes.
 */
@Injectable()
export class ScanImportService {
  constructor(
    @InjectRepository(ScanUpload) private readonly scanUploads: Repository<ScanUpload>,
    @InjectRepository(ScanPage) private readonly pages: Repository<ScanPage>,
    @InjectRepository(ScanReview) private readonly reviews: Repository<ScanReview>,
    private readonly scans: ScanBatchService,
    private readonly batches: PaperBatchService,
    private readonly campaigns: CampaignService,
    private readonly importer: PaperImportService,
    private readonly ballotRules: CampaignBallotRulesService,
  ) {}

  async importBatch(ctx: RequestContext, batchId: unknown, now = new Date()): Promise<PaperBatch> {
    const batch = await this.scans.scannedBatch(ctx, batchId);
    const campaign = await this.campaigns.findOrThrow(ctx, batch.campaignId);
    assertCampaignActionOpen(campaign, 'importPaperBallots', now);
    if (!['open', 'interrupted', 'rejected'].includes(batch.state))
      throw refusal('BATCH_NOT_OPEN', 'acceptWrongState', { state: batch.state }, 'batchId');
    if (await this.scanUploads.existsBy({ batchId: batch.id, state: 'reading' }))
      throw refusal('BATCH_NOT_OPEN', 'scanStillReading', {}, 'batchId');
    const rows = await this.reviews.countBy({ batchId: batch.id, kind: 'row', decided: false });
    const boxes = await this.reviews.countBy({ batchId: batch.id, kind: 'opinion', decided: false });
    if (rows + boxes > 0) throw refusal('SCAN_REVIEW_PENDING', 'scanReviewPending', { rows, boxes }, 'batchId');
    const shape = sheetShapeOf(await this.ballotRules.rulesOf(campaign.id));
    const { sheet, opinions } = await this.compactSheet(batch, shape);
    const claimed = await this.importer.tx.steps([
      {
        sql: `UPDATE paper_batch SET state = 'readyToAccept', message = NULL WHERE id = ? AND state IN ('open', 'interrupted', 'rejected')`,
        params: [batch.id],
        expectChanges: 1,
      },
    ]);
    if (!claimed.ok) throw refusal('BATCH_NOT_OPEN', 'batchBusy', {}, 'batchId');
    try {
      await this.importer.importSheet(batch, campaign, sheet, ctx.userOrThrow.username, now, opinions);
    } catch (error) {
      await this.importer.tx.query(
        `UPDATE paper_batch SET state = 'open' WHERE id = ? AND state IN ('readyToAccept', 'interrupted')`,
        [batch.id],
      );
      throw error;
    }
    return this.batches.findOrThrow(ctx, batch.id);
  }

  // One row per appraisal sheet (by serial): its pages' readings with the decisions in, and its opinion form's text.
  private async compactSheet(
    batch: PaperBatch,
    shape: SheetShapeOfCampaign,
  ): Promise<{ sheet: CompactSheet; opinions: PaperOpinion[] }> {
    const pages = await this.pages.find({ where: { batchId: batch.id } });
    const decided = new Map<string, ScanReview>();
    for (const review of await this.reviews.find({ where: { batchId: batch.id } }))
      decided.set(`${review.pageId}/${review.unitIndex}`, review);
    const serials = [...new Set(pages.filter((p) => p.kind === 'A').map((p) => p.serial))].sort();
    if (pages.length === 0) throw refusal('BATCH_NOT_OPEN', 'scanNothingRead', {}, 'batchId');
    const missing: { serial: string; page: number }[] = [];
    const width = shape.unitCount;
    const cells = new Uint8Array(serials.length * width);
    const groupOfRow = new Uint8Array(serials.length);
    const bySerial = new Map<string, ScanPage[]>();
    for (const page of pages)
      bySerial.set(`${page.kind}/${page.serial}`, [...(bySerial.get(`${page.kind}/${page.serial}`) ?? []), page]);
    for (const [row, serial] of serials.entries()) {
      const sheetPages = bySerial.get(`A/${serial}`) ?? [];
      const first = sheetPages[0] as ScanPage;
      groupOfRow[row] = Math.max(0, shape.groupCodes.indexOf(first.evaluatorGroupCode));
      for (let page = 1; page <= first.pages; page += 1) {
        const scanned = sheetPages.find((p) => p.page === page);
        if (!scanned) {
          missing.push({ serial, page });
          continue;
        }
        scanned.readings.forEach((reading, i) => {
          const unit = (page - 1) * UNITS_PER_PAGE + i;
          if (unit >= width) return;
          let cell = reading;
          if (reading === ROW_PENDING) {
            const decision = decided.get(`${scanned.id}/${unit}`);
            cell =
              decision?.decidedLevel === null || decision?.decidedLevel === undefined
                ? BLANK
                : decision.decidedLevel + 1;
          }
          cells[row * width + unit] = cell;
        });
      }
    }
    if (missing.length > 0) {
      const [firstMissing] = missing as [{ serial: string; page: number }];
      throw refusal('BATCH_NOT_OPEN', 'scanMissingPage', firstMissing, 'batchId', {
        missing: missing.slice(0, NAMED),
        missingCount: missing.length,
      });
    }
    // the opinion forms' transcribed boxes: stored apart, joined to no ballot (a form's serial is its own)
    const pageById = new Map(pages.map((page) => [page.id, page]));
    const opinions: PaperOpinion[] = [];
    for (const review of decided.values()) {
      const page = pageById.get(review.pageId);
      const unitCode = shape.unitCodes[review.unitIndex];
      if (review.kind !== 'opinion' || !review.text || !page || unitCode === undefined) continue;
      opinions.push({ groupCode: page.evaluatorGroupCode, unitCode, text: review.text });
    }
    return {
      sheet: {
        rows: serials.length,
        unitCodes: shape.unitCodes,
        groupCodes: shape.groupCodes,
        levelCodes: shape.levelCodes,
        groupOfRow,
        cells,
        lines: Uint32Array.from(serials.map((_, i) => i + 1)),
        sheetNumbers: serials,
      },
      opinions,
    };
  }
}
