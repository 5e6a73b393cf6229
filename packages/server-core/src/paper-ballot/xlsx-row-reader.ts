import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { type ByteSource } from './csv-row-reader';
import { MAX_CELL_CHARS, MAX_CELLS_PER_ROW, MAX_ROWS_PER_FILE, malformedFile, type SheetRow } from './sheet-row';

interface CellText {
  readonly text: string;
  readonly formula: boolean;
}

// What a streamed cell holds, as exceljs reports it, turned into text.
function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value, formula: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  const object = value as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text?: string }[]; text?: unknown; error?: string };
  if (object.formula !== undefined || object.sharedFormula !== undefined) return { text: cellText(object.result).text, formula: true };
  if (Array.isArray(object.richText)) return { text: object.richText.map((part) => part.text ?? '').join(''), formula: false };
  if (object.text !== undefined) return cellText(object.text);
  if (object.error !== undefined) return { text: String(object.error), formula: false };
  return { text: '', formula: false };
}

/**
 * Reads the rows of the first worksheet of an .xlsx with exceljs's streaming
 * reader (rows are handed over as they are parsed; shared strings, the only
 * part kept, are the few distinct labels). Formulas are flagged (a keyed-in
 * ballot holds values only), long cells cut and flagged, blank rows skipped.
 */
export async function* readXlsxRows(open: ByteSource, onBytes: (bytes: number) => void = () => undefined): AsyncGenerator<SheetRow> {
  const counted = Readable.from(
    (async function* countBytes() {
      for await (const chunk of open()) {
        onBytes(chunk.length);
        yield chunk;
      }
    })(),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(counted, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  let sawSheet = false;
  let rows = 0;
  try {
    for await (const worksheet of workbook) {
      if (sawSheet) continue; // only the first worksheet is the ballot sheet; the rest are drained
      sawSheet = true;
      for await (const row of worksheet) {
        const values = (row.values as unknown[]) ?? [];
        if (values.length - 1 > MAX_CELLS_PER_ROW) throw malformedFile(`row ${row.number} has more than ${MAX_CELLS_PER_ROW} cells`);
        const cells: string[] = [];
        const tooLong: number[] = [];
        const formulas: number[] = [];
        for (let column = 1; column < values.length; column += 1) {
          const { text, formula } = cellText(values[column]);
          if (formula) formulas.push(column - 1);
          if ([...text].length > MAX_CELL_CHARS) tooLong.push(column - 1);
          cells.push(text.length > MAX_CELL_CHARS ? [...text].slice(0, MAX_CELL_CHARS).join('') : text);
        }
        if (cells.every((text) => text.trim() === '') && formulas.length === 0) continue;
        if ((rows += 1) > MAX_ROWS_PER_FILE) throw malformedFile(`the sheet has more than ${MAX_ROWS_PER_FILE} rows; split it into batches`);
        yield { line: row.number, cells, tooLong, formulas };
      }
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'PingyiError') throw error;
    throw malformedFile(`the file is not a readable .xlsx workbook (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'})`);
  }
  if (!sawSheet) throw malformedFile('the workbook has no worksheet');
}
