export { type CsvRecord, readCsv } from '../file-limits/csv-text';

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
