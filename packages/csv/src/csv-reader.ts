import { type CastingContext, type InfoRecord, type Options } from 'csv-parse/sync';
import { parse } from 'csv-parse/sync';
import { CsvReadError, isCsvReadError } from './csv-read-error.js';

/** A CSV record and the line it starts on (1-based); `cut`: indexes of cells cut to `cutAt` characters. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
  readonly cut: readonly number[];
}

/** How much a CSV may hold; each is checked while reading, before the text becomes a larger structure. */
export interface CsvLimits {
  readonly lines: number;
  readonly cellsPerRow: number;
  readonly cellChars: number;
  /** Characters of one record while it is read; by default `cellsPerRow × cellChars`. */
  readonly recordChars?: number;
}

export interface CsvReadOptions {
  readonly limits?: CsvLimits;
  /** Cells longer than this are cut to it and listed in `cut` (they are not refused unless past `limits.cellChars`). */
  readonly cutAt?: number;
  /** `,` (the default), or `comma-or-tab`: tab-separated when the first line has a tab and no comma. */
  readonly delimiter?: ',' | 'comma-or-tab';
  /**
   * Refuse a quote inside an unquoted cell and text after a closing quote;
   * else they are text. Either way white space may follow a closing quote, and
   * white space that ends a cell is dropped.
   */
  readonly strictQuotes?: boolean;
  /**
   * Which records are skipped: `blank-line` (one cell of white space at most,
   * quoted or not), the default; `empty-line` (nothing but white space on the line, a quoted empty cell being something);
   * `blank-row` (every cell white space).
   */
  readonly skip?: 'blank-line' | 'empty-line' | 'blank-row';
}

/** Tab-separated when the first line has a tab and no comma. */
export function delimiterOf(firstLine: string, option: CsvReadOptions['delimiter']): string {
  return option === 'comma-or-tab' && !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
}

/**
 * The csv-parse options and record filter of {@link CsvReadOptions}, shared by
 * the text and the stream reader, for text whose line ends are `\n` (see
 * {@link toLf}). Records: RFC 4180 quoting, blank records skipped. Limits are
 * checked as each cell is read (csv-parse's `cast`), and a record can never
 * grow past `recordChars` characters meanwhile.
 */
export function csvParser(
  options: CsvReadOptions,
  delimiter: string,
): { parse: Options; fail: (error: unknown) => never } {
  const { limits, cutAt } = options;
  let recordLine = 1;
  let nextLine = 1;
  let records = 0;
  let cut: number[] = [];
  let quoted = false;
  const cast = (value: string, context: CastingContext): string => {
    if (context.index === 0) {
      recordLine = nextLine;
      cut = [];
      quoted = false;
    }
    quoted ||= context.quoting;
    if (limits && context.index >= limits.cellsPerRow)
      throw new CsvReadError('cellsPerRow', recordLine, limits.cellsPerRow);
    if (limits && value.length > limits.cellChars) throw new CsvReadError('cellChars', recordLine, limits.cellChars);
    if (cutAt !== undefined && value.length > cutAt) {
      cut.push(context.index);
      return value.slice(0, cutAt);
    }
    return value;
  };
  const blank = (fields: string[]): boolean => {
    if (options.skip === 'blank-row') return fields.every((field) => field.trim() === '');
    if (options.skip === 'empty-line') return fields.length === 1 && fields[0] === '' && !quoted;
    return fields.length === 1 && fields[0]?.trim() === '';
  };
  return {
    parse: {
      bom: true,
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: false,
      relax_quotes: !options.strictQuotes,
      // white space after a closing quote is skipped (so is the white space ending an unquoted cell)
      rtrim: true,
      ...(limits ? { max_record_size: limits.recordChars ?? limits.cellsPerRow * limits.cellChars } : {}),
      cast,
      // each record as it is read: skipped when blank, counted against the limit
      // (csv-parse types on_record as returning a string[]; it hands over whatever it returns)
      on_record: ((fields: string[], context: InfoRecord): CsvRecord | null => {
        nextLine = context.lines + 1;
        if (blank(fields)) return null;
        records += 1;
        if (limits && records > limits.lines) throw new CsvReadError('lines', recordLine, limits.lines);
        return { fields, line: recordLine, cut };
      }) as unknown as Options['on_record'],
    },
    fail: (error) => {
      if (isCsvReadError(error)) throw error;
      const { code, lines } = error as { code?: string; lines?: number };
      if (code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvReadError('unclosedQuote', nextLine);
      if (code === 'INVALID_OPENING_QUOTE') throw new CsvReadError('quoteInField', lines ?? nextLine);
      if (code === 'CSV_INVALID_CLOSING_QUOTE') throw new CsvReadError('textAfterQuote', lines ?? nextLine);
      if (code === 'CSV_MAX_RECORD_SIZE' && limits)
        throw new CsvReadError('recordChars', nextLine, limits.recordChars ?? limits.cellsPerRow * limits.cellChars);
      throw error;
    },
  };
}

/**
 * LF line ends for CRLF and CR ones (inside quoted cells too, which then hold
 * `\n` line breaks), so that csv-parse counts every line break once.
 */
export const toLf = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * Reads a whole CSV text into records (see {@link csvParser}): LF, CRLF or CR
 * line ends, a BOM dropped. Throws {@link CsvReadError} naming the problem and its line.
 */
export function readCsvText(text: string, options: CsvReadOptions = {}): CsvRecord[] {
  const body = toLf(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const parser = csvParser(options, delimiterOf(body.split('\n', 1)[0] ?? '', options.delimiter));
  try {
    return parse(body, parser.parse) as unknown as CsvRecord[];
  } catch (error) {
    return parser.fail(error);
  }
}
