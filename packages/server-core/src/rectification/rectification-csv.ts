import { PingyiError } from '@pingyi/domain';

/** A CSV record and the line it starts on (1-based). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

/**
 * Reads CSV text: RFC 4180 quoting (`"a,b"`, `"say ""hi"""`, line breaks
 * inside quotes), LF or CRLF, a leading BOM dropped, blank lines skipped.
 * A quote left open throws `INVALID_ARGUMENT` naming the line it opened on.
 */
export function readCsv(input: string, path = 'csv'): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = (): void => {
    fields.push(field);
    if (touched || fields.length > 1 || field !== '') records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      touched = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new PingyiError('INVALID_ARGUMENT', `a quoted field opened on line ${quoteLine} is never closed`, `${path} line ${quoteLine}`);
  endRecord();
  return records;
}

// Cells a spreadsheet would run as a formula (CSV injection) get a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV line (no line break): fields quoted when they hold a comma, quote or line break. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values
    .map((value) => {
      if (value === null) return '';
      const text = typeof value === 'number' ? String(value) : spreadsheetSafe(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
