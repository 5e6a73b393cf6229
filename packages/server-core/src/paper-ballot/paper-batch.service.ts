import * as path from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError, refusal } from '@pingyi/domain';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import { checkCode, checkId, checkInt, checkList, checkOneOf, checkText } from '../common/validation';
import { decodeSheet } from './compact-sheet-codec';
import { type KeyingResolutionInput, type PaperBatchFilter, type PaperKeyingComparison } from './dto/paper-ballot.dto';
import { compareKeyings, type KeyingResolution, resolveKeyings } from './keying-compare';
import { PaperBatch, PaperBatchState } from './paper-batch.entity';
import { PaperImportService, UPLOADABLE_STATES } from './paper-import.service';
import { PaperKeying, PaperKeyingState } from './paper-keying.entity';
import { type CompactSheet } from './paper-sheet';

const BATCH_LIST = {
  sortable: { createdAt: 'batch.createdAt', code: 'batch.code', state: 'batch.state' },
  defaultSort: [['createdAt', SortOrder.DESC]],
} as const;

// Everything of a keying but the compact sheet (large, internal).
const KEYING_COLUMNS = [
  'id',
  'keying',
  'state',
  'fileName',
  'format',
  'encoding',
  'checksum',
  'repeatOfBatchId',
  'sizeBytes',
  'processedBytes',
  'rows',
  'problemCount',
  'report',
  'uploadedBy',
  'uploadedAt',
  'finishedAt',
  'batchId',
].map((column) => `keying.${column}`);

/** An upload of one keying, as the REST route hands it over. */
export interface KeyingUpload {
  readonly batchId: unknown;
  readonly keying: unknown;
  readonly fileName: unknown;
  readonly body: AsyncIterable<Uint8Array>;
  /** Answer once the file is checked (and, single-keyed, imported) instead of at once. */
  readonly wait: boolean;
  /** The batch whose sheets this file may repeat on purpose (audited); without it a repeat is refused. */
  readonly allowRepeatOf?: unknown;
}

/** Paper batches: creation, keyed uploads, double-keying comparison and acceptance, listing. */
@Injectable()
export class PaperBatchService {
  constructor(
    @InjectRepository(PaperBatch) private readonly batches: Repository<PaperBatch>,
    @InjectRepository(PaperKeying) private readonly keyings: Repository<PaperKeying>,
    private readonly campaigns: CampaignService,
    private readonly importer: PaperImportService,
  ) {}

  async create(
    ctx: RequestContext,
    campaignId: unknown,
    code: unknown,
    doubleKeyed: unknown,
    scanned: unknown = false,
    now: Date = new Date(),
  ): Promise<PaperBatch> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const batchCode = checkText(code, 'code', {
      max: 64,
      pattern: { regex: /^[^\s<>]+(?: [^\s<>]+)*$/, description: 'a label without line breaks or < >' },
    });
    assertCampaignActionOpen(campaign, 'importPaperBallots', now);
    if (await this.batches.existsBy({ campaignId: campaign.id, code: batchCode })) {
      throw new PingyiError('PAPER_BATCH_CODE_TAKEN', `the campaign already has a paper batch "${batchCode}"`, 'code');
    }
    const saved = await this.batches.save(
      this.batches.create({
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
        code: batchCode,
        doubleKeyed: doubleKeyed === true && scanned !== true,
        scanned: scanned === true,
        state: PaperBatchState.open,
        createdBy: ctx.userOrThrow.username,
      }),
    );
    return this.findOrThrow(ctx, saved.id);
  }

  async findOrThrow(ctx: RequestContext, id: unknown, path = 'id'): Promise<PaperBatch> {
    const batchId = checkId(id, path);
    const batch = await this.withKeyings(
      whereBureau(this.batches.createQueryBuilder('batch'), ctx).andWhere('batch.id = :batchId', { batchId }),
    ).getOne();
    if (!batch) throw new PingyiError('NOT_FOUND', `no paper batch with id ${batchId} in your bureau`, path);
    return batch;
  }

  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: PaperBatchFilter | null,
  ): Promise<Page<PaperBatch>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.withKeyings(
      whereBureau(this.batches.createQueryBuilder('batch'), ctx).andWhere('batch.campaignId = :campaignId', {
        campaignId: campaign.id,
      }),
    );
    if (filter?.state)
      query.andWhere('batch.state = :state', {
        state: checkOneOf(filter.state, 'filter.state', Object.values(PaperBatchState)),
      });
    return paginate(query, options, BATCH_LIST);
  }

  /**
   * Receives a keyed file for a batch: streamed to disk with its SHA-256,
   * refused as `DUPLICATE_FILE` when the campaign already has it, then checked
   * in the background (progress on the keying) unless `wait` is set.
   */
  async upload(ctx: RequestContext, upload: KeyingUpload, now: Date = new Date()): Promise<PaperBatch> {
    const batch = await this.findOrThrow(ctx, upload.batchId, 'batchId');
    const campaign = await this.campaigns.findOrThrow(ctx, batch.campaignId);
    assertCampaignActionOpen(campaign, 'importPaperBallots', now);
    const keying = checkInt(
      typeof upload.keying === 'string' && /^\d+$/.test(upload.keying) ? Number(upload.keying) : upload.keying,
      'keying',
      1,
      batch.doubleKeyed ? 2 : 1,
    );
    const fileName = checkText(upload.fileName ?? 'upload.csv', 'name', { max: 200 });
    const allowRepeatOf =
      upload.allowRepeatOf === undefined || upload.allowRepeatOf === null || upload.allowRepeatOf === ''
        ? null
        : checkId(upload.allowRepeatOf, 'allowRepeatOf');
    if (batch.scanned) throw refusal('BATCH_NOT_OPEN', 'scanBatchKeyed', { batch: batch.code }, 'batchId');
    this.assertUploadable(batch);
    const file = await this.importer.uploads.receive(upload.body);
    try {
      const duplicate = await this.duplicateOf(campaign.id, file.sha256, batch.id, keying);
      if (duplicate) throw duplicate;
      const format = file.head[0] === 0x50 && file.head[1] === 0x4b ? 'xlsx' : 'csv';
      const username = ctx.userOrThrow.username;
      let outcome;
      try {
        outcome = await this.importer.tx.steps([
          {
            name: 'claim',
            sql: `UPDATE paper_batch SET state = 'validating', heartbeat_ms = ?, message = NULL WHERE id = ? AND state IN (${UPLOADABLE_STATES.map((s) => `'${s}'`).join(', ')})`,
            params: [Date.now(), batch.id],
            expectChanges: 1,
          },
          {
            sql: `UPDATE paper_keying SET state = 'superseded', active_checksum = NULL, sheet_meta = NULL, sheet_data = NULL WHERE batch_id = ? AND keying = ? AND state <> 'superseded'`,
            params: [batch.id, keying],
          },
          {
            sql: `INSERT INTO paper_keying (bureau_id, campaign_id, batch_id, keying, state, file_name, format, checksum, active_checksum, size_bytes, uploaded_by)
                  VALUES (?, ?, ?, ?, 'validating', ?, ?, ?, ?, ?, ?) RETURNING id`,
            params: [
              batch.bureauId,
              campaign.id,
              batch.id,
              keying,
              fileName,
              format,
              file.sha256,
              file.sha256,
              file.size,
              username,
            ],
            returnsRows: true,
          },
        ]);
      } catch (error) {
        // two uploads of one file at the same moment: the unique index refuses the second
        const again = await this.duplicateOf(campaign.id, file.sha256, batch.id, keying);
        throw again ?? error;
      }
      if (!outcome.ok) throw refusal('BATCH_NOT_OPEN', 'batchBusy', {}, 'batchId');
      const keyingId = Number(outcome.rows[0]?.[0]?.id);
      await this.importer.submitKeying(
        {
          batchId: batch.id,
          keyingId,
          keying,
          file: { name: path.basename(file.path), size: file.size },
          format,
          allowRepeatOf,
          fileName,
          requester: ctx.snapshot(),
        },
        { wait: upload.wait === true },
      );
    } catch (error) {
      await this.importer.uploads.remove(file.path);
      throw error;
    }
    return this.findOrThrow(ctx, batch.id);
  }

  /** The two keyings of a double-keyed batch, cell by cell. */
  async comparison(ctx: RequestContext, id: unknown): Promise<PaperKeyingComparison> {
    const batch = await this.findOrThrow(ctx, id);
    const [first, second] = await this.keyedSheets(batch);
    if (!second) throw refusal('BATCH_NOT_OPEN', 'compareNeedsBoth', {}, 'id');
    const result = compareKeyings(first, second);
    return { mismatches: [...result.mismatches], total: result.total, rowsUnpaired: result.rowsUnpaired };
  }

  /**
   * Imports a keyed batch whose keyings agree (or whose every mismatch has a
   * resolution), all in one transaction. Also retries an interrupted import.
   */
  async accept(
    ctx: RequestContext,
    id: unknown,
    resolutions: readonly KeyingResolutionInput[] | null | undefined,
    now: Date = new Date(),
  ): Promise<PaperBatch> {
    const batch = await this.findOrThrow(ctx, id);
    const campaign = await this.campaigns.findOrThrow(ctx, batch.campaignId);
    assertCampaignActionOpen(campaign, 'importPaperBallots', now);
    if (batch.state !== PaperBatchState.readyToAccept && batch.state !== PaperBatchState.interrupted) {
      throw refusal('BATCH_NOT_OPEN', 'acceptWrongState', { state: batch.state }, 'id');
    }
    const decided = checkList(resolutions ?? [], 'resolutions', 5_000, (value, path): KeyingResolution => {
      const input = value as KeyingResolutionInput;
      return {
        row: checkInt(input.row, `${path}.row`, 1, 1_000_000),
        unit: input.unit === null || input.unit === undefined ? null : checkCode(input.unit, `${path}.unit`),
        value: checkText(input.value, `${path}.value`, { min: 0, max: 64 }),
      };
    });
    const [first, second] = await this.keyedSheets(batch);
    let sheet = first;
    if (second) {
      const resolved = resolveKeyings(first, compareKeyings(first, second), decided);
      if (!resolved.ok)
        throw refusal('KEYINGS_DIFFER', resolved.reason, resolved.params, 'resolutions', {
          open: resolved.open.length,
        });
      sheet = resolved.sheet;
    }
    await this.importer.importSheet(batch, campaign, sheet, ctx.userOrThrow.username, now);
    return this.findOrThrow(ctx, batch.id);
  }

  private assertUploadable(batch: PaperBatch): void {
    if (!UPLOADABLE_STATES.includes(batch.state)) {
      if (batch.state === PaperBatchState.imported)
        throw refusal('BATCH_NOT_OPEN', 'uploadImported', { batch: batch.code }, 'batchId');
      throw refusal(
        'BATCH_NOT_OPEN',
        'uploadBusy',
        { batch: batch.code, doing: batch.state === PaperBatchState.validating ? 'being checked' : 'being imported' },
        'batchId',
      );
    }
  }

  // Another keying of the campaign with the same bytes (the slot being replaced excepted).
  private async duplicateOf(
    campaignId: number,
    sha256: string,
    batchId: number,
    keying: number,
  ): Promise<PingyiError | null> {
    const other = await this.keyings
      .createQueryBuilder('keying')
      .innerJoin('keying.batch', 'batch')
      .select(['keying.id', 'keying.keying', 'keying.batchId', 'keying.uploadedAt', 'batch.code'])
      .where('keying.campaignId = :campaignId AND keying.activeChecksum = :sha256', { campaignId, sha256 })
      .getOne();
    if (!other || (other.batchId === batchId && other.keying === keying)) return null;
    const where =
      other.batchId === batchId
        ? `the other keying of this batch — a second keying must be typed by someone else`
        : `keying ${other.keying} of batch "${other.batch?.code}"`;
    return new PingyiError(
      'DUPLICATE_FILE',
      `this file was already uploaded on ${other.uploadedAt.toISOString().slice(0, 10)} as ${where}`,
      'body',
      { batchId: String(other.batchId) },
    );
  }

  private async keyedSheets(batch: PaperBatch): Promise<[CompactSheet, CompactSheet | null]> {
    const valid = await this.keyings.find({
      where: { batchId: batch.id, state: PaperKeyingState.valid },
      order: { keying: 'ASC' },
    });
    const sheets = valid
      .filter((k) => k.sheetMeta && k.sheetData)
      .map((k) => decodeSheet({ meta: k.sheetMeta as string, data: k.sheetData as string }));
    const needed = batch.doubleKeyed ? 2 : 1;
    if (sheets.length < needed || !sheets[0])
      throw refusal('BATCH_NOT_OPEN', 'keyingsNotReady', { what: needed === 2 ? 'both keyings' : 'its keying' }, 'id');
    return [sheets[0], sheets[1] ?? null];
  }

  private withKeyings(query: SelectQueryBuilder<PaperBatch>): SelectQueryBuilder<PaperBatch> {
    return query.leftJoin('batch.keyings', 'keying', "keying.state <> 'superseded'").addSelect(KEYING_COLUMNS);
  }
}
