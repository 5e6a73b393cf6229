import { stringify } from 'csv-stringify/sync';

/** A cell of a written table; null and undefined are empty. */
export type CsvCell = string | number | boolean | bigint | null | undefined;

export interface CsvWriteOptions {
  /** A UTF-8 byte order mark first, so Excel reads Chinese text as UTF-8. Default false. */
  readonly bom?: boolean;
  /** The line end, after every line (the last too). Default `\r\n` (RFC 4180). */
  readonly eol?: '\r\n' | '\n';
  /** Prefix text cells a spreadsheet would run as a formula with `'` (OWASP). Default true. */
  readonly neutraliseFormulas?: boolean;
  /** Also quote cells with white space at either end (so readers that trim keep it). Default false. */
  readonly quoteEdgeSpace?: boolean;
}

// OWASP "CSV injection": cells starting with these run as formulas in a spreadsheet
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet: a leading `'` when it starts like a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The one CSV writer: RFC 4180, fields quoted only when they hold a comma,
 * quote or line break (quotes doubled), numbers and booleans as JavaScript
 * writes them, text cells neutralised unless told otherwise.
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const neutralise = options.neutraliseFormulas ?? true;
  const body = stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: options.eol ?? '\r\n',
      eof: true,
      // csv-stringify quotes a line break only when it is the line end: quote any
      quoted_match: options.quoteEdgeSpace ? [/[\r\n]/, /^\s|\s$/] : /[\r\n]/,
      cast: {
        string: (text) => (neutralise ? neutraliseFormula(text) : text),
        boolean: (value) => String(value),
        number: (value) => String(value),
        bigint: (value) => String(value),
      },
    },
  );
  return options.bom ? `\uFEFF${body}` : body;
}
