import { Injectable } from '@nestjs/common';
import {
  type MessageKey,
  messageText,
  PingyiError,
  type ReasonParams,
  type RectificationEvent,
  refusal,
} from '@pingyi/domain';
import { messageParamsJsonOf } from '../common/problem-result';
import { type RequestContext } from '../common/request-context';
import { checkId, checkList, checkText } from '../common/validation';
import { type BulkRectificationChange, type RectificationBatchResult } from './dto/rectification-event.dto';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { type CsvRecord, readCsv } from '../file-limits/csv-text';
import { buildRectificationEvent } from './rectification-event';
import { type BatchRequest, RectificationTransitionService } from './rectification-transition.service';
import { type RowProblem } from './rectification.errors';

/** Columns of an update import: `id` and `event`, then any payload fields. */
export const IMPORT_COLUMNS = [
  'id',
  'event',
  'note',
  'reason',
  'plan',
  'owner',
  'deadline',
  'publicResponse',
  'evidence',
  'progress',
  'lookBackDue',
  'supervisingLeader',
  'reportingIntervalDays',
] as const;
const INTEGER_COLUMNS = new Set(['progress', 'reportingIntervalDays']);

export const MAX_BULK_ITEMS = 1000;
export const MAX_IMPORT_ROWS = 5000;
const MAX_CSV_CHARS = 4_000_000;

/**
 * Bulk updates (one event for many items) and CSV imports of item updates
 * (one event per line), both all or nothing through
 * {@link RectificationTransitionService.applyBatch}.
 */
@Injectable()
export class RectificationImportService {
  constructor(
    private readonly transitions: RectificationTransitionService,
    private readonly campaigns: RectificationCampaigns,
  ) {}

  /** Sends `change.event` with `change.payload` to every item of `ids`. */
  bulk(ctx: RequestContext, ids: unknown, change: BulkRectificationChange): Promise<RectificationBatchResult> {
    const list = checkList(ids, 'ids', MAX_BULK_ITEMS, (id) => id, 1);
    const payload = (change.payload ?? null) as Readonly<Record<string, unknown>> | null;
    const requests: BatchRequest[] = list.map((itemId, i) => ({
      row: i + 1,
      itemId,
      idPath: `ids[${i}]`,
      path: 'change.payload',
      event: () => buildRectificationEvent(change.event, payload, 'change.payload'),
    }));
    return this.transitions.applyBatch(ctx, requests, null);
  }

  /**
   * Imports `id,event,<payload columns>` lines (see {@link IMPORT_COLUMNS};
   * `evidence` lists attachment ids separated by `;`). Every line must apply,
   * or nothing does and `BATCH_REJECTED` names each bad line and column.
   */
  async importCsv(ctx: RequestContext, campaignId: unknown, csv: unknown): Promise<RectificationBatchResult> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const text = checkText(csv, 'csv', { max: MAX_CSV_CHARS, trim: false });
    const records = readCsv(text);
    const header = records.shift();
    const columns = header
      ? this.checkHeader(header)
      : reject([headerProblem(1, null, 'csvEmpty', { header: 'id,event' })]);
    if (records.length === 0) reject([headerProblem(header?.line ?? 1, null, 'csvNoRows')]);
    if (records.length > MAX_IMPORT_ROWS)
      reject([
        headerProblem(header?.line ?? 1, null, 'csvTooManyRows', { max: MAX_IMPORT_ROWS, count: records.length }),
      ]);
    const requests = records.map((record) => this.requestOf(record, columns));
    return this.transitions.applyBatch(ctx, requests, campaign.id);
  }

  private checkHeader(header: CsvRecord): string[] {
    const names = header.fields.map((name) => name.trim());
    const problems: RowProblem[] = [];
    const seen = new Set<string>();
    names.forEach((name) => {
      if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
        problems.push(
          headerProblem(header.line, name, 'csvUnknownColumn', { column: name, columns: IMPORT_COLUMNS.join(', ') }),
        );
      } else if (seen.has(name)) problems.push(headerProblem(header.line, name, 'csvColumnTwice', { column: name }));
      seen.add(name);
    });
    for (const required of ['id', 'event']) {
      if (!seen.has(required))
        problems.push(headerProblem(header.line, required, 'csvMissingColumn', { column: required }));
    }
    if (problems.length > 0) reject(problems);
    return names;
  }

  private requestOf(record: CsvRecord, columns: readonly string[]): BatchRequest {
    const at = `line ${record.line}`;
    const cell = (name: string): string | undefined => {
      const value = record.fields[columns.indexOf(name)]?.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    return {
      row: record.line,
      itemId: cell('id') ?? '',
      idPath: `${at}.id`,
      path: at,
      event: (): RectificationEvent => {
        if (record.fields.length !== columns.length) {
          throw refusal(
            'INVALID_ARGUMENT',
            'csvFieldCount',
            { expected: columns.length, columns: columns.join(','), found: record.fields.length },
            at,
          );
        }
        const payload: Record<string, unknown> = {};
        for (const name of columns) {
          const value = cell(name);
          if (value === undefined || name === 'id' || name === 'event') continue;
          if (INTEGER_COLUMNS.has(name)) {
            if (!/^-?\d+$/.test(value))
              throw refusal('INVALID_ARGUMENT', 'mustBeWholeNumber', { value: `"${value}"` }, `${at}.${name}`);
            payload[name] = Number(value);
          } else if (name === 'evidence') {
            payload[name] = value.split(';').map((id, i) => String(checkId(id.trim(), `${at}.evidence[${i}]`)));
          } else payload[name] = value;
        }
        return buildRectificationEvent(cell('event') ?? '', payload, at);
      },
    };
  }
}

function headerProblem(line: number, field: string | null, key: MessageKey, params: ReasonParams = {}): RowProblem {
  return {
    row: line,
    itemId: null,
    field,
    errorCode: 'INVALID_ARGUMENT',
    reason: null,
    message: messageText(key, params),
    messageKey: key,
    messageParamsJson: messageParamsJsonOf({ messageKey: key, params }),
  };
}

function reject(rows: RowProblem[]): never {
  throw new PingyiError(
    'BATCH_REJECTED',
    `the import is refused (${rows.length} problem${rows.length > 1 ? 's' : ''}); nothing was changed`,
    undefined,
    { rows },
  );
}
