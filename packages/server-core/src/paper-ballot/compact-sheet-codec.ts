import { type CompactSheet } from './paper-sheet';

/** A compact sheet as stored with its keying: JSON for the lists, base64 for the bytes. */
export interface EncodedSheet {
  readonly meta: string;
  readonly data: string;
}

interface SheetMeta {
  readonly rows: number;
  readonly unitCodes: readonly string[];
  readonly groupCodes: readonly string[];
  readonly levelCodes: readonly string[];
  readonly sheetNumbers: readonly string[] | null;
}

/** Encodes a checked sheet for storage (about 1.4 bytes per cell). */
export function encodeSheet(sheet: CompactSheet): EncodedSheet {
  const meta: SheetMeta = {
    rows: sheet.rows,
    unitCodes: sheet.unitCodes,
    groupCodes: sheet.groupCodes,
    levelCodes: sheet.levelCodes,
    sheetNumbers: sheet.sheetNumbers,
  };
  const lines = Buffer.from(sheet.lines.buffer, sheet.lines.byteOffset, sheet.lines.byteLength);
  const data = Buffer.concat([Buffer.from(sheet.groupOfRow), Buffer.from(sheet.cells), lines]);
  return { meta: JSON.stringify(meta), data: data.toString('base64') };
}

/** The sheet back from {@link encodeSheet}; throws when the stored form is damaged. */
export function decodeSheet(encoded: EncodedSheet): CompactSheet {
  const meta = JSON.parse(encoded.meta) as SheetMeta;
  const bytes = Buffer.from(encoded.data, 'base64');
  const width = meta.unitCodes.length;
  const expected = meta.rows + meta.rows * width + meta.rows * 4;
  if (bytes.length !== expected) throw new Error(`stored sheet has ${bytes.length} bytes, expected ${expected}`);
  const groupOfRow = new Uint8Array(bytes.subarray(0, meta.rows));
  const cells = new Uint8Array(bytes.subarray(meta.rows, meta.rows + meta.rows * width));
  const linesBytes = new Uint8Array(bytes.subarray(meta.rows + meta.rows * width));
  const lines = new Uint32Array(linesBytes.buffer, linesBytes.byteOffset, meta.rows);
  return { ...meta, groupOfRow, cells, lines: Uint32Array.from(lines) };
}
