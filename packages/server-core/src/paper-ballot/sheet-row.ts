import { isPingyiError, messageOf, PingyiError } from '@pingyi/domain';
import { fileLimitExceeded, fileLimitOf } from '../file-limits/file-limits';
import { type SheetProblem } from './paper-sheet';

/** One row of a keyed-in sheet, as the file reader hands it over. */
export interface SheetRow {
  /** 1-based line (CSV) or row number (XLSX) in the file, for error reports. */
  readonly line: number;
  /** Cell texts, at most {@link MAX_CELL_CHARS} each (longer ones are cut and listed in `tooLong`). */
  readonly cells: readonly string[];
  /** Indexes of cells that were longer than {@link MAX_CELL_CHARS}. */
  readonly tooLong: readonly number[];
  /** Indexes of cells that held a formula (XLSX) or looked like one (CSV `=…`). */
  readonly formulas: readonly number[];
}

/** Longest cell kept: level labels and unit names are short; anything longer is a mistake. */
export const MAX_CELL_CHARS = 100;
/** Most cells in a row (units plus the group and sheet columns). */
export const MAX_CELLS_PER_ROW = 500;
/** Most rows in one file (the seed's whole campaign has 10,000 evaluators). */
export const MAX_ROWS_PER_FILE = 50_000;

/** A file that cannot be read as a sheet at all (encoding, binary, too big): nothing is imported. */
export const malformedFile = (message: string): PingyiError =>
  new PingyiError('MALFORMED_FILE', message, 'file', { messageKey: 'fileUnreadable', params: { detail: message } });

/** A row past {@link MAX_ROWS_PER_FILE}: the file is refused naming the limit. */
export const tooManyRows = (where: string): PingyiError =>
  fileLimitExceeded(
    'rows',
    MAX_ROWS_PER_FILE,
    where,
    `the file has more than ${MAX_ROWS_PER_FILE} rows; split it into batches`,
  );

/** A row with more than {@link MAX_CELLS_PER_ROW} cells. */
export const tooManyCells = (where: string): PingyiError =>
  fileLimitExceeded('cellsPerRow', MAX_CELLS_PER_ROW, where, `the row has more than ${MAX_CELLS_PER_ROW} cells`);

/** Excel's column name of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The report line of a file refused as a whole (unreadable, or past a limit); null for other errors. */
export function fileProblemOf(error: unknown): SheetProblem | null {
  if (!isPingyiError(error) || (error.code !== 'MALFORMED_FILE' && error.code !== 'FILE_LIMIT_EXCEEDED')) return null;
  const reason = error.message.replace(/^file: /, '');
  const sentence = messageOf(error.details);
  return {
    line: 0,
    column: null,
    value: null,
    reason,
    ...(sentence ? { messageKey: sentence.messageKey, params: { ...sentence.params, detail: reason } } : {}),
    code: error.code,
    limit: fileLimitOf(error),
  };
}
