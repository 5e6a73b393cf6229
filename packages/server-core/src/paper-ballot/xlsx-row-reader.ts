import * as ExcelJS from 'exceljs';
import { isPingyiError } from '@pingyi/domain';
import { type Readable } from 'node:stream';
import * as yazl from 'yazl';
import { FILE_LIMITS } from '../file-limits/file-limits';
import { type EntryLimits, LimitedZip } from '../file-limits/limited-zip';
import {
  MAX_CELL_CHARS,
  MAX_CELLS_PER_ROW,
  MAX_ROWS_PER_FILE,
  malformedFile,
  type SheetRow,
  tooManyCells,
  tooManyRows,
} from './sheet-row';

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
  const object = value as {
    formula?: string;
    sharedFormula?: string;
    result?: unknown;
    richText?: { text?: string }[];
    text?: unknown;
    error?: string;
  };
  if (object.formula !== undefined || object.sharedFormula !== undefined)
    return { text: cellText(object.result).text, formula: true };
  if (Array.isArray(object.richText))
    return { text: object.richText.map((part) => part.text ?? '').join(''), formula: false };
  if (object.text !== undefined) return cellText(object.text);
  if (object.error !== undefined) return { text: String(object.error), formula: false };
  return { text: '', formula: false };
}

const RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

const SMALL_PART: EntryLimits = { maxBytes: FILE_LIMITS.xmlPartBytes, maxBytesLimit: 'xmlPartBytes', xml: {} };
const STRINGS_PART: EntryLimits = {
  maxBytes: FILE_LIMITS.sharedStringsBytes,
  maxBytesLimit: 'sharedStringsBytes',
  xml: {
    elements: { si: { max: FILE_LIMITS.sharedStrings, limit: 'sharedStrings' } },
    textBytes: { max: FILE_LIMITS.sharedStringsTextBytes, limit: 'sharedStringsTextBytes' },
  },
};
const SHEET_PART: EntryLimits = {
  maxBytes: FILE_LIMITS.zipEntryBytes,
  maxBytesLimit: 'zipEntryBytes',
  xml: {
    elements: {
      row: { max: FILE_LIMITS.sheetRowElements, limit: 'sheetRowElements' },
      col: { max: FILE_LIMITS.sheetColumns, limit: 'sheetColumns' },
    },
    cellsPerRow: MAX_CELLS_PER_ROW,
  },
};

/**
 * The parts exceljs needs, in the order that lets it stream the sheet
 * (relationships, workbook, shared strings, then the first worksheet), as a
 * stored (not compressed) ZIP stream; every part is inflated from the upload
 * through {@link LimitedZip}'s counters. With the shared strings ahead of the
 * sheet, exceljs never unpacks a worksheet to a temporary file.
 */
function orderedParts(zip: LimitedZip, fail: (error: unknown) => void, onBytes: (bytes: number) => void): Readable {
  const out = new yazl.ZipFile();
  out.on('error', fail);
  const sheet = [...zip.entries.keys()].find((name) => WORKSHEET.test(name));
  const part = (name: string, limits: EntryLimits, empty: string | null): void => {
    if (zip.entries.has(name)) {
      out.addReadStreamLazy(name, { compress: false }, (done) => {
        const stream = zip.read(name, limits, (_, compressed) => onBytes(compressed));
        stream.on('error', fail);
        done(null, stream);
      });
    } else if (empty !== null) out.addBuffer(Buffer.from(empty), name, { compress: false });
  };
  part(RELS, SMALL_PART, '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
  part(WORKBOOK, SMALL_PART, null);
  part(
    SHARED_STRINGS,
    STRINGS_PART,
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
  );
  if (sheet) part(sheet, SHEET_PART, null);
  out.end();
  const stream = out.outputStream as Readable;
  stream.on('error', fail);
  return stream;
}

// Iterates exceljs's iterators, but stops at once when a counter refuses the
// input (exceljs would otherwise wait for bytes that never come).
async function* untilFailed<T>(iterable: AsyncIterable<T>, failed: Promise<never>): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  for (;;) {
    const next = await Promise.race([iterator.next(), failed]);
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Reads the rows of the first worksheet of an .xlsx on disk with exceljs's
 * streaming reader, behind {@link LimitedZip}: inflated sizes, compression
 * ratios, shared strings, rows, cells per row and text lengths are limited
 * while the parts stream (`FILE_LIMIT_EXCEEDED` names the limit and where).
 * Formulas are flagged (a keyed-in ballot holds values only), long cells cut
 * and flagged, blank rows skipped. Nothing is written to disk.
 */
export async function* readXlsxRows(
  file: string,
  onBytes: (bytes: number) => void = () => undefined,
): AsyncGenerator<SheetRow> {
  let zip: LimitedZip;
  try {
    zip = await LimitedZip.open(file);
  } catch (error) {
    if (isPingyiError(error)) throw error;
    throw malformedFile(
      `the file is not a readable .xlsx workbook (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'})`,
    );
  }
  let failure: unknown = null;
  let reject: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, rejectWith) => (reject = rejectWith));
  const fail = (error: unknown): void => {
    failure ??= error;
    reject(error);
  };
  failed.catch(() => undefined);
  let sawSheet = false;
  let rows = 0;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(orderedParts(zip, fail, onBytes), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of untilFailed(workbook, failed)) {
      if (sawSheet) continue;
      sawSheet = true;
      for await (const row of untilFailed(worksheet, failed)) {
        const values = (row.values as unknown[]) ?? [];
        if (values.length - 1 > MAX_CELLS_PER_ROW) throw tooManyCells(`row ${row.number}`);
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
        if ((rows += 1) > MAX_ROWS_PER_FILE) throw tooManyRows(`row ${row.number}`);
        yield { line: row.number, cells, tooLong, formulas };
      }
    }
  } catch (caught) {
    const error = failure ?? caught; // a refused part makes exceljs fail too: name the limit
    if (isPingyiError(error)) throw error;
    throw malformedFile(
      `the file is not a readable .xlsx workbook (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'})`,
    );
  } finally {
    zip.close();
  }
  if (!sawSheet) throw malformedFile('the workbook has no worksheet');
}
