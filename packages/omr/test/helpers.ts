import { appraisalSheetLayout, opinionFormLayout } from '../src/layout.js';
import { distortRaster, type ScanDistortion } from '../src/generator/distort.js';
import { writeOpinions } from '../src/generator/handwriting.js';
import { fillMarks, type MarkSpec } from '../src/generator/marks.js';
import { printedPageRaster } from '../src/generator/printed.js';
import type { GreyImage, SheetShape } from '../src/recognize/types.js';
import type { SheetLabel } from '../src/sheet-label.js';

export const SHAPE: SheetShape = { unitCount: 80, levelCount: 6 };
export const CAMPAIGN = 'K7M2Q9XZ';

export const labelOf = (page: number, kind: 'A' | 'O' = 'A', pages = 2): SheetLabel => ({
  campaignKey: CAMPAIGN,
  kind,
  groupIndex: 4,
  page,
  pages,
  serial: 'S0R1A52345',
});

export const shapeOf = (label: SheetLabel): SheetShape | null => (label.campaignKey === CAMPAIGN ? SHAPE : null);

/** An appraisal page (1 or 2 of the 80-unit sheet) with `marks`, scanned at `d`, as a raw grey raster. */
export async function appraisalScan(
  page: number,
  marks: readonly (MarkSpec | undefined)[],
  d: ScanDistortion = {},
  seed = 3,
): Promise<GreyImage> {
  const dpi = d.dpi ?? 200;
  const layout = appraisalSheetLayout(SHAPE.unitCount, SHAPE.levelCount).pages[page - 1]!;
  const printed = printedPageRaster(labelOf(page), SHAPE, dpi);
  return distortRaster(fillMarks(printed, dpi / 25.4, layout, marks, seed), { ...d, dpi });
}

/** An opinion form page (12 units: 2 pages) with writing in the boxes of `units`. */
export async function opinionScan(units: readonly number[], d: ScanDistortion = {}): Promise<GreyImage> {
  const dpi = d.dpi ?? 150;
  const shape = { unitCount: 12, levelCount: 6 };
  const printed = printedPageRaster(labelOf(1, 'O'), shape, dpi);
  return distortRaster(writeOpinions(printed, dpi / 25.4, opinionFormLayout(12)[0]!, units, 9), { ...d, dpi });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP by hand: entries stored (method 0) or already raw-deflated (method 8, give `size`). */
export function makeZip(
  entries: readonly { name: string; data: Uint8Array; deflated?: { raw: Uint8Array; crc: number } }[],
): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.deflated ? e.deflated.raw : e.data;
    const crc = e.deflated ? e.deflated.crc : crc32(e.data);
    const method = e.deflated ? 8 : 0;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(e.data.length, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, Buffer.from(body));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, cd, end]));
}

export { crc32 };
