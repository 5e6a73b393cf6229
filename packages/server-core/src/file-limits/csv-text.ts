import { type CsvLimits, type CsvRecord, isCsvReadError, readCsvText } from '@pingyi/csv';
import { PingyiError } from '@pingyi/domain';
import { FILE_LIMITS, fileLimitExceeded } from './file-limits';

export type { CsvRecord };
/** How much a CSV text may hold; past it, `FILE_LIMIT_EXCEEDED` names the limit and the line. */
export type CsvTextLimits = CsvLimits;

const DEFAULT_LIMITS: CsvTextLimits = {
  lines: FILE_LIMITS.csvLines,
  cellsPerRow: FILE_LIMITS.cellsPerRow,
  cellChars: FILE_LIMITS.csvCellChars,
};

/**
 * Reads a CSV text sent to the server with the one reader (`@pingyi/csv`),
 * within the file limits: lines, cells per line and cell lengths are checked
 * while reading (`FILE_LIMIT_EXCEEDED`), so a small text never becomes a large
 * structure. A quote left open throws `INVALID_ARGUMENT` naming the line.
 */
export function readCsv(input: string, path = 'csv', limits: CsvTextLimits = DEFAULT_LIMITS): CsvRecord[] {
  try {
    return readCsvText(input, { limits, skip: 'empty-line' });
  } catch (error) {
    if (!isCsvReadError(error)) throw error;
    const where = `line ${error.line}`;
    if (error.problem === 'lines')
      throw fileLimitExceeded('csvLines', limits.lines, where, 'the text has too many lines', path);
    if (error.problem === 'cellsPerRow')
      throw fileLimitExceeded('cellsPerRow', limits.cellsPerRow, where, 'the line has too many cells', path);
    if (error.problem === 'cellChars')
      throw fileLimitExceeded('csvCellChars', limits.cellChars, where, 'a cell is too long', path);
    throw new PingyiError(
      'INVALID_ARGUMENT',
      `a quoted field opened on line ${error.line} is never closed`,
      `${path} ${where}`,
    );
  }
}
