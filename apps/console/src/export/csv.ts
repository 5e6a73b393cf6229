import { type CsvCell, writeCsv } from '@pingyi/csv';

/** A cell of an exported table. */
export type Cell = CsvCell;

/** An export as CSV (the one writer, `@pingyi/csv`): a UTF-8 byte order mark so Excel opens Chinese text correctly, CRLF, formulas neutralised. */
export const toCsv = (rows: readonly (readonly Cell[])[]): string => writeCsv(rows, { bom: true });
