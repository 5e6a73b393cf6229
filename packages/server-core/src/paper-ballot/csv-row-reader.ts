import {
  type ByteSource,
  type CsvEncoding,
  type CsvReadProblem,
  decodeCsvChunks,
  detectCsvEncoding as detectEncoding,
  isCsvReadError,
} from '@pingyi/csv';
import { readCsvStream } from '@pingyi/csv/stream';
import {
  MAX_CELL_CHARS,
  MAX_CELLS_PER_ROW,
  MAX_ROWS_PER_FILE,
  malformedFile,
  type SheetRow,
  tooManyCells,
  tooManyRows,
} from './sheet-row';

export type { ByteSource, CsvEncoding };

/** Characters of one row held while it is read; its cells are then cut to {@link MAX_CELL_CHARS}. */
const HELD_CHARS = 1_000_000;

// What a person is told when the file cannot be read as a CSV at all.
const UNREADABLE: Partial<Record<CsvReadProblem, (line: number) => string>> = {
  utf16: () => 'the file is UTF-16 text; save it as "CSV UTF-8" (or GBK) and upload it again',
  zip: () => 'the file is a ZIP archive (an .xlsx?) sent as CSV; upload it as XLSX',
  xls: () => 'the file is an old Excel .xls workbook; save it as .xlsx or CSV',
  nul: () => 'the file holds NUL bytes: it is not a text (CSV) file',
  unknownEncoding: () => 'the file is neither UTF-8 nor GBK/GB18030 text; save it as "CSV UTF-8" and upload it again',
  cutCharacter: () => 'the file ends in the middle of a character',
  unclosedQuote: (line) => `line ${line}: a quoted cell is never closed`,
  cellChars: (line) => `line ${line}: a cell is longer than ${HELD_CHARS} characters`,
  recordChars: (line) => `line ${line}: a row is longer than ${HELD_CHARS} characters`,
};

/** The reader's refusal in the keying report's terms (`MALFORMED_FILE`, `FILE_LIMIT_EXCEEDED`). */
function refusalOf(error: unknown, encoding?: CsvEncoding): unknown {
  if (!isCsvReadError(error)) return error;
  if (error.problem === 'lines') return tooManyRows(`line ${error.line}`);
  if (error.problem === 'cellsPerRow') return tooManyCells(`line ${error.line}`);
  if (error.problem === 'badBytes')
    return malformedFile(`line ${error.line}: the bytes are not valid ${encoding ?? 'text'}`);
  const say = UNREADABLE[error.problem];
  return say ? malformedFile(say(error.line)) : error;
}

/**
 * Decides the encoding by reading the whole file once (`@pingyi/csv`): UTF-8
 * when every byte sequence is valid UTF-8, otherwise GB18030 (which includes
 * GBK); UTF-16, NUL bytes and anything else are refused with a message that
 * says what to do.
 */
export async function detectCsvEncoding(open: ByteSource): Promise<CsvEncoding> {
  try {
    return await detectEncoding(open);
  } catch (error) {
    throw refusalOf(error);
  }
}

/**
 * Reads CSV rows with the one reader (`@pingyi/csv`), chunk by chunk without
 * holding the file: `,` or, when the first line has no comma but a tab,
 * tab-separated; a row is handed over as soon as it is complete. A cell longer
 * than {@link MAX_CELL_CHARS} is cut (and flagged), a row held while read is
 * at most {@link HELD_CHARS} characters; rows and cells per row are limited
 * while reading. Blank rows are skipped; cells that look like
 * formulas (`=…`) are flagged.
 */
export async function* readCsvRows(
  open: ByteSource,
  encoding: CsvEncoding,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<SheetRow> {
  const records = readCsvStream(decodeCsvChunks(open(), encoding, onBytes), {
    delimiter: 'comma-or-tab',
    skip: 'blank-row',
    cutAt: MAX_CELL_CHARS,
    limits: {
      lines: MAX_ROWS_PER_FILE,
      cellsPerRow: MAX_CELLS_PER_ROW,
      cellChars: HELD_CHARS,
      recordChars: HELD_CHARS,
    },
  });
  try {
    for await (const { fields, line, cut } of records) {
      const formulas = fields.flatMap((cell, index) =>
        /^\s*[=＝]/.test(cell) && cell.trim().length > 1 ? [index] : [],
      );
      yield { line, cells: fields, tooLong: [...cut], formulas };
    }
  } catch (error) {
    throw refusalOf(error, encoding);
  }
}
