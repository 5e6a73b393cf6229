import { PingyiError } from '@pingyi/domain';
import { Tally, type TallyRow, type TallyShape } from './tally.js';

/** Where a CSV text came from, for error details. */
export interface TallyCsvOptions {
  /** The file name, carried in an error's `details.file`. */
  readonly file?: string;
}

interface CsvRecord {
  readonly fields: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

const COLUMNS = ['unit', 'group', 'level', 'count'] as const;
const REQUIRED = ['unit', 'level', 'count'] as const;

/**
 * Parses a tally CSV (CONTRACTS.md §2) into rows that remember their line:
 * UTF-8 (bytes are decoded strictly; a leading BOM is dropped), a header row
 * naming `unit`, `level`, `count` and optionally `group` in any order (extra
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
    throw new PingyiError('INVALID_TALLY', message, `line ${line}`, { line, ...(options.file ? { file: options.file } : {}) });
  };
  const text = decode(input, options.file);
  const records = readRecords(text.startsWith('\uFEFF') ? text.slice(1) : text, fail);
  const header = records.shift();
  if (!header) return fail(1, `the file is empty; expected the header row ${COLUMNS.join(',')}`);

  const names = header.fields.map((name) => name.trim().toLowerCase());
  const column = new Map<string, number>();
  names.forEach((name, i) => {
    if (column.has(name) && name !== '') fail(header.line, `column "${name}" appears twice in the header`);
    column.set(name, i);
  });
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length > 0) fail(header.line, `the header lacks column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${COLUMNS.join(',')})`);
  const [unitAt, levelAt, countAt] = REQUIRED.map((name) => column.get(name) as number);
  const groupAt = column.get('group');

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
    return group === '' ? { unit, level, count, line } : { unit, group, level, count, line };
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
    if (error instanceof PingyiError && options.file) {
      throw new PingyiError(error.code, error.message.replace(`${error.path}: `, ''), error.path, { ...error.details, file: options.file });
    }
    throw error;
  }
}

function decode(input: string | Uint8Array, file: string | undefined): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new PingyiError('INVALID_TALLY', 'the file is not valid UTF-8 text', undefined, file ? { file } : undefined);
  }
}

// RFC 4180 records. A quoted field may hold commas, quotes ("") and line breaks.
function readRecords(text: string, fail: (line: number, message: string) => never): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank (or all-space) line is one empty field: skip it.
    if (fields.length > 1 || fields[0]?.trim() !== '') records.push({ fields, line: start });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      if (field.trim() !== '') fail(line, 'a quote inside an unquoted field; quote the whole field and double inner quotes ("")');
      const opened = line;
      field = '';
      i++;
      for (;;) {
        if (i >= text.length) fail(opened, 'a quoted field is never closed');
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') fail(line, 'text after a closing quote; expected a comma or the end of the line');
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
