/** Why a CSV text could not be read; each caller says it in its own words and error code. */
export type CsvReadProblem =
  /** a quoted cell runs to the end of the text */
  | 'unclosedQuote'
  /** with `strictQuotes`: a quote inside an unquoted cell */
  | 'quoteInField'
  /** with `strictQuotes`: text after a closing quote */
  | 'textAfterQuote'
  /** more records than `limits.lines` */
  | 'lines'
  /** more cells in a record than `limits.cellsPerRow` */
  | 'cellsPerRow'
  /** a cell longer than `limits.cellChars` */
  | 'cellChars'
  /** a record longer than `limits.recordChars` while it is read */
  | 'recordChars'
  /** the first bytes are UTF-16, a ZIP archive (.xlsx) or an old .xls workbook */
  | 'utf16'
  | 'zip'
  | 'xls'
  /** NUL bytes: not a text file */
  | 'nul'
  /** neither UTF-8 nor GB18030 */
  | 'unknownEncoding'
  /** bytes that are not valid in the encoding decided on */
  | 'badBytes'
  /** the text ends in the middle of a character */
  | 'cutCharacter';

/** A CSV that cannot be read: the problem, and the 1-based line it is on (0: the file as a whole). */
export class CsvReadError extends Error {
  constructor(
    readonly problem: CsvReadProblem,
    readonly line: number,
    /** The limit passed, for `lines`, `cellsPerRow`, `cellChars` and `recordChars`. */
    readonly limit?: number,
  ) {
    super(`${problem} at line ${line}${limit === undefined ? '' : ` (limit ${limit})`}`);
    this.name = 'CsvReadError';
  }
}

/** Also true for one thrown by another copy of this module (each entry of the CommonJS build bundles its own). */
export const isCsvReadError = (error: unknown): error is CsvReadError =>
  error instanceof CsvReadError ||
  (error instanceof Error &&
    error.name === 'CsvReadError' &&
    typeof (error as Partial<CsvReadError>).problem === 'string');
