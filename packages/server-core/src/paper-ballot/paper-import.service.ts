import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { BackgroundWork } from '../background-work/background-work.service';
import { AUDIT_SINK, type AuditSink } from '../common/audit-sink';
import { RequestContext } from '../common/request-context';
import { localDateOf, refusal, validateBallot } from '@pingyi/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventLoopSlice } from '../common/event-loop-slice';
import { Transactions } from '../database/transactions';
import { BallotBoxService } from '../ballot-box/ballot-box.service';
import { type BoxedBallot } from '../ballot-box/boxed-ballot';
import { opinionRowSteps } from '../ballot-box/counted-ballot-writer';
import { CampaignBallotRulesService } from '../ballot-casting/campaign-ballot-rules.service';
import { Campaign } from '../campaign/campaign.entity';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { encodeSheet } from './compact-sheet-codec';
import { detectCsvEncoding, readCsvRows } from './csv-row-reader';
import { PaperBatch, PaperBatchState } from './paper-batch.entity';
import {
  BLANK,
  type CompactSheet,
  countByGroup,
  isSpoilt,
  type PaperOpinion,
  PaperSheetValidator,
  UNREADABLE,
} from './paper-sheet';
import { PaperUploadStore } from './paper-upload.store';
import { CHECK_PAPER_KEYING, type KeyingWork, repeatProblem } from './keying-work';
import { finishInvalidKeying, interruptKeying, keepBatchAlive, repeatedBatchOf } from './keying-states';
import { fileProblemOf, type SheetRow } from './sheet-row';
import { sheetFingerprint } from './sheet-fingerprint';
import { readXlsxRows } from './xlsx-row-reader';
import { StaleSweeper } from '../background-work/stale-sweeper';
import { describeError } from '../logging/describe-error';

/** A batch whose worker gave no sign of life for this long was stopped with its server. */
export const STALE_AFTER_MS = 15_000;
const HEARTBEAT_MS = 1_000;
/** SQLite page cache while a batch is written (the indexes of 800,000 ratings outgrow the default 2 MiB). */
const IMPORT_CACHE_MIB = 16;
const SWEEP_EVERY_MS = 5_000;

/** Batch states in which a new keying may be uploaded. */
export const UPLOADABLE_STATES: readonly PaperBatchState[] = [
  PaperBatchState.open,
  PaperBatchState.rejected,
  PaperBatchState.interrupted,
  PaperBatchState.readyToAccept,
];

/** Serializes the repeat check of one campaign's keyings on PostgreSQL (the first key of an advisory lock). */
const REPEAT_LOCK = 0x70796e;

/**
 * Reads and checks uploaded keyings (streaming; the whole file is never in
 * memory, only its compact form), and imports checked sheets: every ballot
 * and rating of a batch in one transaction, with the batch marked imported in
 * that same transaction, so a batch is wholly present or wholly absent even
 * when the server is killed halfway. Work cut short by a stopped server is
 * found by its silent heartbeat and marked interrupted.
 */
@Injectable()
export class PaperImportService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly tx: Transactions;
  readonly uploads: PaperUploadStore;
  private readonly logger = new Logger('PaperImport');
  /** Batches this process is working on (their heartbeat may pause during a long SQLite write). */
  private readonly running = new Set<number>();
  private readonly sweeper = new StaleSweeper(() => this.sweep(), SWEEP_EVERY_MS, this.logger);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PINGYI_CONFIG) config: PingyiConfig,
    private readonly rules: CampaignBallotRulesService,
    private readonly box: BallotBoxService,
    private readonly work: BackgroundWork,
    @Optional() @Inject(AUDIT_SINK) private readonly audit?: AuditSink,
  ) {
    this.tx = new Transactions(dataSource);
    this.uploads = new PaperUploadStore(config.dataDir);
    work.define<KeyingWork>(CHECK_PAPER_KEYING, (keying) => this.runKeying(keying));
  }

  /**
   * Queues the check of an uploaded keying; the batch's heartbeat is kept
   * while it waits for a worker. With `wait`, resolves once it is checked.
   */
  async submitKeying(keying: KeyingWork, options: { readonly wait?: boolean } = {}): Promise<void> {
    // the random part: ids start again in a database restored from a backup, while Redis keeps finished jobs an hour
    await this.work.submit(CHECK_PAPER_KEYING, `keying-${keying.keyingId}-${randomBytes(6).toString('hex')}`, keying, {
      ...options,
      whileWaiting: () => keepBatchAlive(this.tx, keying.batchId),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sweeper.start();
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }

  /** Marks batches whose worker went silent (a stopped server) interrupted; their partial work was never committed. */
  async sweep(now = Date.now()): Promise<number> {
    const stale = await this.tx.query(
      `SELECT id, state FROM paper_batch WHERE state IN ('validating', 'importing') AND (heartbeat_ms IS NULL OR heartbeat_ms < ?)`,
      [now - STALE_AFTER_MS],
    );
    let swept = 0;
    for (const row of stale) {
      const id = Number(row.id);
      if (this.running.has(id)) continue;
      const what = row.state === 'importing' ? 'importing the ballots' : 'checking the file';
      const outcome = await this.tx.steps([
        {
          sql: `UPDATE paper_batch SET state = 'interrupted', heartbeat_ms = NULL, message = ? WHERE id = ? AND state = ? AND (heartbeat_ms IS NULL OR heartbeat_ms < ?)`,
          params: [
            `The server stopped while ${what}; nothing of the batch was stored. Upload the file again (or accept the batch again).`,
            id,
            row.state,
            now - STALE_AFTER_MS,
          ],
          expectChanges: 1,
        },
        {
          sql: `UPDATE paper_keying SET state = 'interrupted', active_checksum = NULL WHERE batch_id = ? AND state = 'validating'`,
          params: [id],
        },
      ]);
      if (outcome.ok) {
        swept += 1;
        this.logger.warn(
          `Paper batch ${id} was left ${row.state} by a stopped server: marked interrupted, nothing stored`,
        );
      }
    }
    return swept;
  }

  /**
   * Checks an uploaded keying, then stores its compact form (and imports a
   * single-keyed batch). Never throws. A keying no longer being checked (its
   * batch was marked interrupted while the work waited) is dropped.
   */
  async runKeying(work: KeyingWork, now: () => Date = () => new Date()): Promise<void> {
    const { keyingId } = work;
    const file = { path: this.uploads.pathOf(work.file.name), size: work.file.size };
    const username = work.requester.user?.username ?? 'system';
    const batch = await this.dataSource.manager.findOneBy(PaperBatch, { id: work.batchId });
    const campaign = batch && (await this.dataSource.manager.findOneBy(Campaign, { id: batch.campaignId }));
    const [pending] = await this.tx.query(
      "SELECT 1 AS pending FROM paper_keying WHERE id = ? AND state = 'validating'",
      [keyingId],
    );
    if (!batch || !campaign || !pending) {
      this.logger.warn(`Paper keying ${keyingId} is no longer being checked: dropped`);
      await this.uploads.remove(file.path);
      return;
    }
    if (!(await this.uploads.exists(file.path))) {
      // another instance received it into a data folder this one does not share
      this.logger.error(`Paper keying ${keyingId}: the upload is not in ${this.uploads.dir}`);
      await interruptKeying(
        this.tx,
        batch.id,
        keyingId,
        'The uploaded file is not in the data folder of the server that checks it: every instance needs the same PINGYI_DATA_DIR. Upload the file again.',
      );
      return;
    }
    const started = Date.now();
    this.running.add(batch.id);
    let processed = 0;
    let validator: PaperSheetValidator | undefined;
    const beat = setInterval(
      () => void this.beat(batch.id, keyingId, processed, validator?.rowCount ?? 0),
      HEARTBEAT_MS,
    );
    try {
      const rules = await this.rules.rulesOf(campaign.id);
      validator = new PaperSheetValidator({
        units: rules.units,
        groups: rules.campaign.evaluatorGroups.map((group) => ({ code: group.code, label: group.label })),
        levels: rules.scale,
      });
      const open = this.uploads.opener(file.path);
      let encoding: string | null = null;
      let result: ReturnType<PaperSheetValidator['finish']>;
      try {
        let rows: AsyncIterable<SheetRow>;
        if (work.format === 'csv') {
          const detected = await detectCsvEncoding(open);
          encoding = detected;
          rows = readCsvRows(open, detected, (bytes) => (processed += bytes));
        } else rows = readXlsxRows(file.path, (bytes) => (processed += bytes));
        const slice = new EventLoopSlice();
        for await (const row of rows) {
          validator.accept(row);
          await slice.pause();
        }
        result = validator.finish();
      } catch (error) {
        const problem = fileProblemOf(error);
        if (!problem) throw error;
        result = { ok: false, problems: [problem], total: 1 };
      }
      processed = file.size;
      this.logger.log(
        `Paper batch ${batch.id}, keying ${keyingId}: ${validator.rowCount} rows checked in ${Date.now() - started} ms, ${result.ok ? 'no problems' : `${result.total} problems`}`,
      );
      if (!result.ok) {
        await finishInvalidKeying(
          this.tx,
          batch,
          keyingId,
          { encoding, processed, rows: validator.rowCount, problems: result.problems, total: result.total },
          now(),
        );
        return;
      }
      const encoded = encodeSheet(result.sheet);
      const contentHash = await sheetFingerprint(result.sheet);
      const repeats = await repeatedBatchOf(this.tx, campaign.id, batch.id, contentHash);
      const allowed = repeats !== null && repeats.batchId === work.allowRepeatOf;
      const marked =
        repeats && !allowed
          ? null
          : await this.tx.steps([
              ...(this.tx.dialect === 'postgres'
                ? [{ sql: 'SELECT pg_advisory_xact_lock(?, ?)', params: [REPEAT_LOCK, campaign.id] }]
                : []),
              {
                name: 'valid',
                // a keying of another batch with the same sheets, checked meanwhile, wins
                sql: `UPDATE paper_keying SET state = 'valid', encoding = ?, processed_bytes = ?, rows = ?, problem_count = 0, report = NULL, sheet_meta = ?, sheet_data = ?, finished_at = ?, content_hash = ?, repeat_of_batch_id = ?
                WHERE id = ? AND (? = 1 OR NOT EXISTS (SELECT 1 FROM paper_keying o WHERE o.campaign_id = ? AND o.content_hash = ? AND o.batch_id <> ? AND o.state = 'valid'))`,
                params: [
                  encoding,
                  processed,
                  result.sheet.rows,
                  encoded.meta,
                  encoded.data,
                  now(),
                  contentHash,
                  allowed ? repeats.batchId : null,
                  keyingId,
                  allowed ? 1 : 0,
                  campaign.id,
                  contentHash,
                  batch.id,
                ],
                expectChanges: 1,
              },
            ]);
      if (!marked?.ok) {
        const first = repeats ?? (await repeatedBatchOf(this.tx, campaign.id, batch.id, contentHash));
        const problems = first ? [repeatProblem(first)] : [];
        await finishInvalidKeying(
          this.tx,
          batch,
          keyingId,
          { encoding, processed, rows: validator.rowCount, problems, total: problems.length },
          now(),
        );
        return;
      }
      if (allowed) await this.auditRepeat(work, batch, repeats);
      if (!batch.doubleKeyed) {
        await this.importSheet(batch, campaign, result.sheet, username, now());
        return;
      }
      await this.tx.steps([
        {
          sql: `UPDATE paper_batch SET heartbeat_ms = NULL, state = CASE WHEN (SELECT COUNT(*) FROM paper_keying WHERE batch_id = ? AND state = 'valid') = 2 THEN 'readyToAccept' ELSE 'open' END
                WHERE id = ? AND state = 'validating'`,
          params: [batch.id, batch.id],
        },
      ]);
    } catch (error) {
      const id = randomBytes(6).toString('hex');
      this.logger.error(`Paper batch ${batch.id}, keying ${keyingId}: internal error ${id}: ${describeError(error)}`);
      await interruptKeying(this.tx, batch.id, keyingId, `Internal error (id ${id}): nothing was stored; try again`);
    } finally {
      clearInterval(beat);
      this.running.delete(batch.id);
      await this.uploads.remove(file.path);
    }
  }

  /**
   * Imports a checked sheet: the domain's ballot rules for every ballot first,
   * then one transaction that marks the batch imported and puts its ballots
   * (the day only, channel paper) into the ballot box, sealed, in bulk; the
   * mixer writes the counted rows in random batches.
   * Spoilt sheets are counted per group, not stored as ballots. The
   * transcribed opinion forms of a scanned batch (`opinions`) are stored in
   * the same transaction, in random order, joined to no ballot.
   */
  async importSheet(
    batch: PaperBatch,
    campaign: Campaign,
    sheet: CompactSheet,
    username: string,
    now: Date,
    opinions: readonly PaperOpinion[] = [],
  ): Promise<void> {
    const { rules } = await this.rules.rulesOf(campaign.id);
    if (
      sheet.unitCodes.join() !== rules.appraisedUnitCodes.join() ||
      sheet.levelCodes.join() !== rules.scale.map((level) => level.code).join()
    ) {
      throw refusal('BATCH_NOT_OPEN', 'campaignChangedSinceKeying', {}, 'id');
    }
    const width = sheet.unitCodes.length;
    const ratingsOfRow = (r: number): [string, string][] => {
      const ratings: [string, string][] = [];
      for (let u = 0; u < width; u += 1) {
        const cell = sheet.cells[r * width + u] as number;
        if (cell !== BLANK && cell !== UNREADABLE)
          ratings.push([sheet.unitCodes[u] as string, sheet.levelCodes[cell - 1] as string]);
      }
      return ratings;
    };
    const ballotRows: number[] = [];
    const slice = new EventLoopSlice(); // 30,000 ballots take seconds: let other requests in
    for (let r = 0; r < sheet.rows; r += 1) {
      await slice.pause();
      if (isSpoilt(sheet, r)) continue;
      validateBallot({ ratings: ratingsOfRow(r).map(([unit, level]) => ({ unit, level })) }, rules);
      ballotRows.push(r);
    }
    const counts = countByGroup(sheet);
    const ballots = ballotRows.length;
    const claimed = await this.tx.steps([
      {
        sql: `UPDATE paper_batch SET state = 'importing', heartbeat_ms = ?, message = NULL WHERE id = ? AND state IN ('validating', 'readyToAccept', 'interrupted')`,
        params: [Date.now(), batch.id],
        expectChanges: 1,
      },
    ]);
    if (!claimed.ok) throw refusal('BATCH_NOT_OPEN', 'batchClaimed', {}, 'id');
    this.running.add(batch.id);
    const today = localDateOf(now, campaign.timeZone);
    const groupOf = (r: number): string => sheet.groupCodes[sheet.groupOfRow[r] as number] as string;
    // the sheets go into the ballot box, sealed, like online ballots: the
    // mixer counts them in random batches, so the file's order is not kept
    const boxedAt = Date.now();
    function* boxed(): Generator<BoxedBallot> {
      for (const r of ballotRows) {
        yield {
          bureauId: campaign.bureauId,
          campaignId: campaign.id,
          evaluatorGroupCode: groupOf(r),
          channel: 'paper',
          castOn: today,
          paperBatchId: batch.id,
          isDemo: false,
          ratings: ratingsOfRow(r),
          opinions: [],
          accessCodeId: null,
          boxedAt,
        };
      }
    }
    const writing = Date.now();
    try {
      const outcome = await this.tx.steps(
        [
          {
            name: 'finish',
            sql: `UPDATE paper_batch SET state = 'imported', ballots = ?, spoilt = ?, group_counts = ?, imported_at = ?, heartbeat_ms = NULL WHERE id = ? AND state = 'importing'`,
            params: [ballots, sheet.rows - ballots, JSON.stringify(counts), now, batch.id],
            expectChanges: 1,
          },
          // the compact copies are not kept once the ballots are stored
          {
            sql: 'UPDATE paper_keying SET sheet_meta = NULL, sheet_data = NULL WHERE batch_id = ?',
            params: [batch.id],
          },
          this.box.entrySteps(boxed()),
          opinionRowSteps(
            this.tx.dialect,
            opinions.map((opinion) => ({
              bureauId: campaign.bureauId,
              campaignId: campaign.id,
              evaluatorGroupCode: opinion.groupCode,
              unit: opinion.unitCode,
              text: opinion.text,
              castOn: today,
              isDemo: false,
            })),
          ),
        ],
        { cacheMiB: IMPORT_CACHE_MIB },
      );
      if (!outcome.ok) throw refusal('BATCH_NOT_OPEN', 'batchChangedDuringImport', {}, 'id');
      this.logger.log(
        `Paper batch ${batch.id} (${batch.code}) imported by ${username}: ${ballots} ballots, ${sheet.rows - ballots} spoilt, written in ${Date.now() - writing} ms`,
      );
    } catch (error) {
      await this.tx
        .steps([
          {
            sql: `UPDATE paper_batch SET state = 'interrupted', heartbeat_ms = NULL, message = ? WHERE id = ? AND state = 'importing'`,
            params: [
              `The import stopped (${error instanceof Error ? error.message.slice(0, 200) : 'error'}); nothing was stored`,
              batch.id,
            ],
          },
        ])
        .catch(() => undefined);
      throw error;
    } finally {
      this.running.delete(batch.id);
    }
  }

  // A deliberate repeat of another batch's sheets is kept in the audit log, as the uploader's.
  private async auditRepeat(
    work: KeyingWork,
    batch: PaperBatch,
    repeats: { batchId: number; batchCode: string },
  ): Promise<void> {
    await this.audit?.record(RequestContext.restore(work.requester), {
      operation: 'repeatPaperBatch',
      args: {
        batchId: String(batch.id),
        keying: work.keying,
        fileName: work.fileName,
        allowRepeatOf: String(repeats.batchId),
        repeatsBatchCode: repeats.batchCode,
      },
      success: true,
      errorCode: null,
    });
  }

  private async beat(batchId: number, keyingId: number, processed: number, rows: number): Promise<void> {
    try {
      await keepBatchAlive(this.tx, batchId);
      await this.tx.query('UPDATE paper_keying SET processed_bytes = ?, rows = ? WHERE id = ?', [
        processed,
        rows,
        keyingId,
      ]);
    } catch (error) {
      this.logger.warn(`heartbeat of paper batch ${batchId} failed: ${describeError(error)}`);
    }
  }
}
