import { type CsvRecord, decodeUtf8, isCsvReadError, readCsvText } from '@pingyi/csv';
import { isPingyiError, PingyiError, reasonOf } from '@pingyi/domain';
import { Tally, type TallyRow, type TallyShape } from './tally.js';

/** Where a CSV text came from, for error details. */
export interface TallyCsvOptions {
  /** The file name, carried in an error's `details.file`. */
  readonly file?: string;
}

const COLUMNS = ['unit', 'group', 'level', 'count'] as const; // and optionally series
const REQUIRED = ['unit', 'level', 'count'] as const;

/**
 * Parses a tally CSV (CONTRACTS.md §2) into rows that remember their line:
 * UTF-8 (bytes are decoded strictly; a leading BOM is dropped), a header row
 * naming `unit`, `level`, `count` and optionally `group` and `series` in any order (extra
 * columns are ignored), RFC 4180 quoting (`"a,b"`, `"say ""hi"""`), LF or
 * CRLF line ends, blank lines skipped. Fields are trimmed.
 *
 * Throws `INVALID_TALLY` with path `line N` for a malformed row: wrong number
 * of fields, empty unit or level, a count that is not a whole number ≥ 0, a
 * broken quote. Levels and groups are checked against the policy by
 * {@link Tally.fromRows}, which names the same line; {@link tallyFromCsv}
 * does both.
 */
export function parseTallyCsv(input: string | Uint8Array, options: TallyCsvOptions = {}): TallyRow[] {
  const fail = (line: number, message: string): never => {
    throw new PingyiError('INVALID_TALLY', message, `line ${line}`, {
      line,
      ...(options.file ? { file: options.file } : {}),
    });
  };
  const records = readRecords(decode(input, options.file), fail);
  const header = records.shift();
  if (!header) return fail(1, `the file is empty; expected the header row ${COLUMNS.join(',')}`);

  const names = header.fields.map((name) => name.trim().toLowerCase());
  const column = new Map<string, number>();
  names.forEach((name, i) => {
    if (column.has(name) && name !== '') fail(header.line, `column "${name}" appears twice in the header`);
    column.set(name, i);
  });
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length > 0)
    fail(
      header.line,
      `the header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${COLUMNS.join(',')})`,
    );
  const [unitAt, levelAt, countAt] = REQUIRED.map((name) => column.get(name) as number);
  const groupAt = column.get('group');
  const seriesAt = column.get('series');

  return records.map(({ fields, line }): TallyRow => {
    if (fields.length !== names.length) {
      fail(line, `expected ${names.length} fields (${names.join(',')}), found ${fields.length}`);
    }
    const field = (i: number) => (fields[i] as string).trim();
    const unit = field(unitAt as number);
    const level = field(levelAt as number);
    const countText = field(countAt as number);
    if (unit === '') fail(line, 'unit is empty');
    if (level === '') fail(line, 'level is empty');
    if (!/^\d+$/.test(countText)) {
      const why = /^-\d/.test(countText) ? 'is negative' : countText === '' ? 'is empty' : 'is not a whole number';
      fail(line, `count "${countText}" ${why}; expected a whole number ≥ 0`);
    }
    const count = Number(countText);
    if (!Number.isSafeInteger(count)) fail(line, `count ${countText} is too large (above ${Number.MAX_SAFE_INTEGER})`);
    const group = groupAt === undefined ? '' : field(groupAt);
    const series = seriesAt === undefined ? '' : field(seriesAt);
    return { unit, ...(group === '' ? {} : { group }), level, count, ...(series === '' ? {} : { series }), line };
  });
}

/**
 * Parses a tally CSV and builds the {@link Tally} for a policy's scale and
 * groups; every error names the line (`INVALID_TALLY`, path `line N`).
 */
export function tallyFromCsv(input: string | Uint8Array, shape: TallyShape, options: TallyCsvOptions = {}): Tally {
  const rows = parseTallyCsv(input, options);
  try {
    return Tally.fromRows(rows, shape);
  } catch (error) {
    if (isPingyiError(error) && options.file) {
      throw new PingyiError(error.code, reasonOf(error), error.path, { ...error.details, file: options.file });
    }
    throw error;
  }
}

function decode(input: string | Uint8Array, file: string | undefined): string {
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  if (text === null)
    throw new PingyiError('INVALID_TALLY', 'the file is not valid UTF-8 text', undefined, file ? { file } : undefined);
  return text;
}

// The one reader, strict about quotes: RFC 4180 records, blank lines skipped.
const QUOTE_PROBLEMS = {
  unclosedQuote: 'a quoted field is never closed',
  quoteInField: 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")',
  textAfterQuote: 'text after a closing quote; expected a comma or the end of the line',
} as const;

function readRecords(text: string, fail: (line: number, message: string) => never): CsvRecord[] {
  try {
    return readCsvText(text, { strictQuotes: true });
  } catch (error) {
    if (isCsvReadError(error) && error.problem in QUOTE_PROBLEMS)
      return fail(error.line, QUOTE_PROBLEMS[error.problem as keyof typeof QUOTE_PROBLEMS]);
    throw error;
  }
}
