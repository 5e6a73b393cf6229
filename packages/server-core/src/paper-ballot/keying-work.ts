import { messageText } from '@pingyi/domain';
import { type RequestContextSnapshot } from '../common/request-context';
import { type SheetProblem } from './paper-sheet';

/** The background work that checks an uploaded keying (and imports a single-keyed batch). */
export const CHECK_PAPER_KEYING = 'checkPaperKeying';

/**
 * A keying to check, as JSON (it may be checked by another instance): the
 * batch, the keying row, the upload's name in the data folder's `tmp` (shared
 * by the instances of one deployment), who uploaded it.
 */
export interface KeyingWork {
  readonly batchId: number;
  readonly keyingId: number;
  /** Which keying of the batch (1, or 2 of a double-keyed batch). */
  readonly keying: number;
  readonly file: { readonly name: string; readonly size: number };
  readonly format: 'csv' | 'xlsx';
  /** The batch whose sheets this keying may repeat on purpose (the upload's `allowRepeatOf`); a repeat accepted is audited. */
  readonly allowRepeatOf: number | null;
  readonly fileName: string;
  readonly requester: RequestContextSnapshot;
}

/** The report of a keying whose sheets another batch holds already. */
export function repeatProblem(repeats: { batchId: number; batchCode: string }): SheetProblem {
  return {
    line: 0,
    column: null,
    value: null,
    reason: messageText('repeatedBatch', { batchCode: repeats.batchCode, batchId: repeats.batchId }),
    messageKey: 'repeatedBatch',
    params: { batchCode: repeats.batchCode, batchId: repeats.batchId },
    code: 'REPEATED_BATCH',
    repeats: { batchId: String(repeats.batchId), batchCode: repeats.batchCode },
  };
}
