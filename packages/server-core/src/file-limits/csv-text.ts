import { PingyiError } from '@pingyi/domain';
import { FILE_LIMITS, fileLimitExceeded } from './file-limits';

/** A CSV record and the line it starts on (1-based). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/** How much a CSV text may hold; past it, `FILE_LIMIT_EXCEEDED` names the limit and the line. */
export interface CsvTextLimits {
  readonly lines: number;
  readonly cellsPerRow: number;
  readonly cellChars: number;
}

const DEFAULT_LIMITS: CsvTextLimits = { lines: FILE_LIMITS.csvLines, cellsPerRow: FILE_LIMITS.cellsPerRow, cellChars: FILE_LIMITS.csvCellChars };

/**
 * Reads CSV text: RFC 4180 quoting (`"a,b"`, `"say ""hi"""`, line breaks
 * inside quotes), LF or CRLF, a leading BOM dropped, blank lines skipped.
 * A quote left open throws `INVALID_ARGUMENT` naming the line it opened on.
 * Lines, cells per line and cell lengths are limited while reading
 * (`FILE_LIMIT_EXCEEDED`), so a small text never becomes a large structure.
 */
export function readCsv(input: string, path = 'csv', limits: CsvTextLimits = DEFAULT_LIMITS): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const add = (c: string): void => {
    if (field.length >= limits.cellChars) throw fileLimitExceeded('csvCellChars', limits.cellChars, `line ${recordLine}`, 'a cell is too long', path);
    field += c;
  };
  const endField = (): void => {
    if (fields.length >= limits.cellsPerRow) throw fileLimitExceeded('cellsPerRow', limits.cellsPerRow, `line ${recordLine}`, 'the line has too many cells', path);
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    const blank = !touched && fields.length === 0 && field === '';
    endField();
    if (!blank) {
      if (records.length >= limits.lines) throw fileLimitExceeded('csvLines', limits.lines, `line ${recordLine}`, 'the text has too many lines', path);
      records.push({ fields, line: recordLine });
    }
    fields = [];
    touched = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          add('"');
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        add(c);
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (c === ',') {
      endField();
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      add(c);
    }
  }
  if (quoted) throw new PingyiError('INVALID_ARGUMENT', `a quoted field opened on line ${quoteLine} is never closed`, `${path} line ${quoteLine}`);
  endRecord();
  return records;
}
