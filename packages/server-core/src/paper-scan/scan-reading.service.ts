import { randomBytes, randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  type PageOutcome,
  readScanPages,
  recognizePage,
  ScanInputError,
  type SheetLabel,
  type SheetShape,
} from '@pingyi/omr';
import { BackgroundWork } from '../background-work/background-work.service';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { bulkInsertSteps } from '../access-code/bulk-insert';
import { type SqlStep } from '../database/sql-steps';
import { Transactions } from '../database/transactions';
import { StaleSweeper } from '../background-work/stale-sweeper';
import { describeError } from '../logging/describe-error';
import { PaperImportService } from '../paper-ballot/paper-import.service';
import { type PaperUploadStore } from '../paper-ballot/paper-upload.store';
import { CampaignBallotRulesService } from '../ballot-casting/campaign-ballot-rules.service';
import { PrintRunService, labelKindOf } from '../paper-print/print-run.service';
import { type SheetShapeOfCampaign, sheetShapeOf } from './sheet-shape';
import { fileProblem, pageProblem, pageRefused } from './scan-problems';
import { ROW_BLANK, ROW_PENDING, type ScanPageKind } from './scan-page.entity';
import { ScanImageStore } from './scan-image-store';
import { type ScanProblemRecord } from './scan-upload.entity';
import { READ_PAPER_SCAN, type ScanWork } from './scan-work';

const HEARTBEAT_MS = 2_000;
const STALE_AFTER_MS = 30_000;
const SWEEP_EVERY_MS = 15_000;
/** Most problems kept per file; past it they are counted, not listed. */
const MAX_PROBLEMS = 500;

interface PageRow {
  readonly id: string;
  readonly serial: string;
  readonly kind: ScanPageKind;
  readonly page: number;
  readonly pages: number;
  readonly groupCode: string;
  readonly readings: number[];
  readonly image: string;
  readonly pageInFile: number;
}

interface ReviewRow {
  readonly pageId: string;
  readonly kind: 'row' | 'opinion';
  readonly unitIndex: number;
  readonly reason: string | null;
  readonly candidate: number | null;
}

/**
 * Reads an uploaded scan file in the background: each page decoded,
 * recognised (marks, label, geometry), checked against the campaign's print
 * runs (serial printed, group, not scanned before), its image kept; then all
 * the file's pages and what waits for review are stored in one transaction.
 * A file that fails leaves nothing but its problem.
 */
@Injectable()
export class ScanReadingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PaperScan');
  private readonly sweeper = new StaleSweeper(() => this.sweep(), SWEEP_EVERY_MS, this.logger);
  readonly uploads: PaperUploadStore;
  readonly images: ScanImageStore;

  constructor(
    @Inject(PINGYI_CONFIG) config: PingyiConfig,
    readonly tx: Transactions,
    importer: PaperImportService,
    private readonly printRuns: PrintRunService,
    private readonly work: BackgroundWork,
    private readonly ballotRules: CampaignBallotRulesService,
  ) {
    // the paper import's upload folder: one store of uploads being checked, swept once
    this.uploads = importer.uploads;
    this.images = new ScanImageStore(config.dataDir);
    work.define<ScanWork>(READ_PAPER_SCAN, (scan) => this.read(scan));
  }

  async submit(scan: ScanWork, wait: boolean): Promise<void> {
    // the random part: ids start again in a database restored from a backup, while Redis keeps finished jobs an hour
    await this.work.submit(READ_PAPER_SCAN, `scan-${scan.uploadId}-${randomBytes(6).toString('hex')}`, scan, {
      wait,
      whileWaiting: () => this.beat(scan.uploadId),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweeper.start();
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }

  /** Marks scan files whose reader went silent (a stopped server) failed: nothing of them was stored. */
  async sweep(now = Date.now()): Promise<void> {
    const stale = await this.tx.query(
      `SELECT id, file_name FROM scan_upload WHERE state = 'reading' AND (heartbeat_ms IS NULL OR heartbeat_ms < ?)`,
      [now - STALE_AFTER_MS],
    );
    for (const row of stale) {
      const problem = pageProblem(String(row.file_name), 0, 'SCAN_INTERRUPTED', 'scanInterrupted', {}, null);
      await this.tx.query(
        `UPDATE scan_upload SET state = 'failed', problems = ?, heartbeat_ms = NULL WHERE id = ? AND state = 'reading' AND (heartbeat_ms IS NULL OR heartbeat_ms < ?)`,
        [JSON.stringify([{ ...problem, page: null }]), Number(row.id), now - STALE_AFTER_MS],
      );
      this.logger.warn(`Scan upload ${String(row.id)} was left being read by a stopped server: marked failed`);
    }
  }

  /** Reads one uploaded file; never throws (what went wrong is the upload's problem). */
  async read(scan: ScanWork): Promise<void> {
    const path = this.uploads.pathOf(scan.file.name);
    const kept: string[] = [];
    const beat = setInterval(() => void this.beat(scan.uploadId), HEARTBEAT_MS);
    try {
      const [batch] = await this.tx.query('SELECT campaign_id, bureau_id FROM paper_batch WHERE id = ?', [
        scan.batchId,
      ]);
      const campaignId = Number(batch?.campaign_id);
      const owner = { bureauId: Number(batch?.bureau_id), campaignId, batchId: scan.batchId };
      if (!batch) return;
      const shape = sheetShapeOf(await this.ballotRules.rulesOf(campaignId));
      const { pages, reviews, problems, seen } = await this.recognizeFile(scan, campaignId, shape, path, kept);
      const outcome = await this.tx.steps([
        {
          sql: `UPDATE scan_upload SET state = 'read', pages = ?, sheet_pages = ?, problems = ?, heartbeat_ms = NULL WHERE id = ? AND state = 'reading'`,
          params: [seen, pages.length, JSON.stringify(problems.slice(0, MAX_PROBLEMS)), scan.uploadId],
          expectChanges: 1,
        },
        ...this.insertSteps(owner, scan.fileName, pages, reviews),
      ]);
      if (!outcome.ok) {
        await this.images.forget(scan.batchId, kept);
        this.logger.warn(`Scan upload ${scan.uploadId} was no longer being read: dropped`);
        return;
      }
      this.logger.log(
        `Scan upload ${scan.uploadId} of batch ${scan.batchId} read: ${seen} pages, ${pages.length} sheet pages, ${reviews.length} to review, ${problems.length} problems`,
      );
    } catch (error) {
      await this.images.forget(scan.batchId, kept);
      const problem =
        error instanceof ScanInputError
          ? fileProblem(scan.fileName, error.code, error.detail, error.page === undefined ? null : error.page + 1)
          : fileProblem(scan.fileName, 'corrupt-file', 'the server could not read it');
      if (!(error instanceof ScanInputError))
        this.logger.error(`Scan upload ${scan.uploadId} failed: ${describeError(error)}`);
      await this.tx
        .query(
          `UPDATE scan_upload SET state = 'failed', problems = ?, heartbeat_ms = NULL WHERE id = ? AND state = 'reading'`,
          [JSON.stringify([problem]), scan.uploadId],
        )
        .catch(() => undefined);
    } finally {
      clearInterval(beat);
      await this.uploads.remove(path);
    }
  }

  private async recognizeFile(
    scan: ScanWork,
    campaignId: number,
    shape: SheetShapeOfCampaign,
    path: string,
    kept: string[],
  ): Promise<{ pages: PageRow[]; reviews: ReviewRow[]; problems: ScanProblemRecord[]; seen: number }> {
    const bytes = new Uint8Array(await fsp.readFile(path));
    const campaignKey = await this.printRuns.campaignKeyOf(campaignId);
    const shapeOf = (label: SheetLabel): SheetShape | null => (label.campaignKey === campaignKey ? shape : null);
    const pages: PageRow[] = [];
    const reviews: ReviewRow[] = [];
    const problems: ScanProblemRecord[] = [];
    const inFile = new Map<string, number>();
    let seen = 0;
    for await (const input of readScanPages(bytes, scan.fileName)) {
      seen += 1;
      const pageInFile = input.index + 1;
      if ('error' in input) {
        problems.push(fileProblem(scan.fileName, input.error.code, input.error.detail, pageInFile));
        continue;
      }
      const settled: PageOutcome = await recognizePage(input.image, shapeOf);
      await this.beat(scan.uploadId, seen);
      if (settled.kind === 'blank') continue;
      if (settled.kind === 'refused') {
        problems.push(pageRefused(scan.fileName, pageInFile, settled.reason, settled.label?.serial ?? null));
        continue;
      }
      const { label } = settled;
      const sheet = await this.printRuns.sheetOfSerial(campaignId, label.serial);
      if (!sheet || (label.kind === 'A' && labelKindOf(sheet.kind) !== 'A')) {
        problems.push(
          pageProblem(
            scan.fileName,
            pageInFile,
            'SCAN_UNKNOWN_SERIAL',
            'scanUnknownSerial',
            { serial: label.serial },
            label.serial,
          ),
        );
        continue;
      }
      if (shape.groupCodes[label.groupIndex] !== sheet.groupCode) {
        problems.push(
          pageProblem(
            scan.fileName,
            pageInFile,
            'SCAN_GROUP_MISMATCH',
            'scanGroupMismatch',
            { serial: label.serial },
            label.serial,
          ),
        );
        continue;
      }
      const key = `${label.serial}/${label.kind}/${label.page}`;
      const earlier = inFile.get(key) ?? (await this.scannedBefore(campaignId, label));
      if (earlier !== null) {
        problems.push(
          pageProblem(
            scan.fileName,
            pageInFile,
            'SCAN_DUPLICATE_SHEET',
            'scanDuplicateSheet',
            {
              serial: label.serial,
              page: label.page,
              where: typeof earlier === 'number' ? `page ${earlier} of this file` : earlier,
            },
            label.serial,
          ),
        );
        continue;
      }
      inFile.set(key, pageInFile);
      const id = randomUUID();
      const image = await this.images.keep(scan.batchId, settled.page);
      kept.push(image);
      const readings: number[] = [];
      if (settled.kind === 'appraisal') {
        for (const row of settled.rows) {
          const { reading } = row;
          if (reading.kind === 'mark') readings.push(reading.level + 1);
          else if (reading.kind === 'blank') readings.push(ROW_BLANK);
          else {
            readings.push(ROW_PENDING);
            reviews.push({
              pageId: id,
              kind: 'row',
              unitIndex: row.unitIndex,
              reason: reading.reason,
              candidate: reading.candidate,
            });
          }
        }
      } else {
        for (const unitIndex of settled.writtenBoxes)
          reviews.push({ pageId: id, kind: 'opinion', unitIndex, reason: null, candidate: null });
      }
      pages.push({
        id,
        serial: label.serial,
        kind: label.kind,
        page: label.page,
        pages: label.pages,
        groupCode: sheet.groupCode,
        readings,
        image,
        pageInFile,
      });
    }
    if (seen === 0) throw new ScanInputError('corrupt-file', 'the file holds no page');
    return { pages, reviews, problems, seen };
  }

  // The batch that holds this page already, if any (the campaign's sheets are scanned once).
  private async scannedBefore(campaignId: number, label: SheetLabel): Promise<string | null> {
    const [row] = await this.tx.query(
      `SELECT b.code AS code FROM scan_page p JOIN paper_batch b ON b.id = p.batch_id WHERE p.campaign_id = ? AND p.serial = ? AND p.kind = ? AND p.page = ?`,
      [campaignId, label.serial, label.kind, label.page],
    );
    return row ? `batch ${String(row.code)}` : null;
  }

  private *insertSteps(
    { bureauId, campaignId, batchId }: { bureauId: number; campaignId: number; batchId: number },
    fileName: string,
    pages: readonly PageRow[],
    reviews: readonly ReviewRow[],
  ): Generator<SqlStep> {
    const dialect = this.tx.dialect;
    yield* bulkInsertSteps(
      dialect,
      'scan_page',
      [
        { name: 'id', pgType: 'varchar' },
        { name: 'bureau_id', pgType: 'integer' },
        { name: 'campaign_id', pgType: 'integer' },
        { name: 'batch_id', pgType: 'integer' },
        { name: 'serial', pgType: 'varchar' },
        { name: 'kind', pgType: 'varchar' },
        { name: 'page', pgType: 'integer' },
        { name: 'pages', pgType: 'integer' },
        { name: 'evaluator_group_code', pgType: 'varchar' },
        { name: 'readings', pgType: 'text' },
        { name: 'image', pgType: 'varchar' },
        { name: 'file_name', pgType: 'varchar' },
        { name: 'page_in_file', pgType: 'integer' },
      ],
      pages.map((page) => [
        page.id,
        bureauId,
        campaignId,
        batchId,
        page.serial,
        page.kind,
        page.page,
        page.pages,
        page.groupCode,
        JSON.stringify(page.readings),
        page.image,
        fileName,
        page.pageInFile,
      ]),
    );
    yield* bulkInsertSteps(
      dialect,
      'scan_review',
      [
        { name: 'id', pgType: 'varchar' },
        { name: 'bureau_id', pgType: 'integer' },
        { name: 'campaign_id', pgType: 'integer' },
        { name: 'batch_id', pgType: 'integer' },
        { name: 'page_id', pgType: 'varchar' },
        { name: 'kind', pgType: 'varchar' },
        { name: 'unit_index', pgType: 'integer' },
        { name: 'reason', pgType: 'varchar' },
        { name: 'candidate', pgType: 'integer' },
        { name: 'decided', pgType: 'boolean' },
      ],
      reviews.map((review) => [
        randomUUID(),
        bureauId,
        campaignId,
        batchId,
        review.pageId,
        review.kind,
        review.unitIndex,
        review.reason,
        review.candidate,
        false,
      ]),
    );
  }

  private async beat(uploadId: number, pages?: number): Promise<void> {
    await this.tx
      .query(
        pages === undefined
          ? `UPDATE scan_upload SET heartbeat_ms = ? WHERE id = ? AND state = 'reading'`
          : `UPDATE scan_upload SET heartbeat_ms = ?, pages = ? WHERE id = ? AND state = 'reading'`,
        pages === undefined ? [Date.now(), uploadId] : [Date.now(), pages, uploadId],
      )
      .catch(() => undefined);
  }
}
