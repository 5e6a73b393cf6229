// The bench's synthetic sheets: a realistic mix of marks and scan conditions, reproducible by seed.
import { distortRaster, encodeGrey, type ScanDistortion } from '../src/generator/distort.js';
import { canvasOf } from '../src/generator/draw.js';
import { fillMarks, type MarkSpec } from '../src/generator/marks.js';
import { printLabel, printedPageRaster } from '../src/generator/printed.js';
import { createPrng, type Prng } from '../src/generator/prng.js';
import { appraisalSheetLayout } from '../src/layout.js';
import type { GreyImage, SheetShape } from '../src/recognize/types.js';
import type { SheetLabel } from '../src/sheet-label.js';

export const SHAPE: SheetShape = { unitCount: 80, levelCount: 6 };
export const CAMPAIGN = 'B3NCH0KY';
const LAYOUT = appraisalSheetLayout(SHAPE.unitCount, SHAPE.levelCount);

export type Expected = 'clear' | 'blank' | 'doubtful';

/** One row's mark: ~90 % clear, ~3 % blank, ~7 % doubtful. */
export function rowMark(rng: Prng): MarkSpec {
  const level = rng.int(0, SHAPE.levelCount);
  const other = (level + rng.int(1, SHAPE.levelCount)) % SHAPE.levelCount;
  const r = rng.next();
  if (r < 0.33) return { kind: 'fill', level, ink: 'pen', coverage: rng.chance(0.85) ? 1 : rng.range(0.55, 1) };
  if (r < 0.55) return { kind: 'fill', level, ink: 'pencil', coverage: rng.chance(0.85) ? 1 : rng.range(0.6, 1) };
  if (r < 0.7) return { kind: 'tick', level, ink: rng.chance(0.8) ? 'pen' : 'pencil' };
  if (r < 0.85) return { kind: 'cross', level, ink: rng.chance(0.8) ? 'pen' : 'pencil' };
  if (r < 0.9) return { kind: 'stray', level };
  if (r < 0.92) return { kind: 'blank' };
  if (r < 0.93) return { kind: 'stray', level: null };
  if (r < 0.955) return { kind: 'double', levels: [level, other] };
  if (r < 0.975) return { kind: 'fill', level, ink: 'faint', coverage: rng.range(0.6, 1) };
  if (r < 0.995) return { kind: 'erased', erasedLevel: other, level: rng.chance(0.7) ? level : null };
  return { kind: 'fill', level, ink: 'pen', coverage: rng.range(0.06, 0.15) };
}

/** Scan conditions of one page at `dpi`. */
export function conditions(rng: Prng, dpi: number, seed: number): ScanDistortion {
  const wide = rng.chance(0.15);
  return {
    dpi,
    skewDeg: wide ? rng.range(-5, 5) : rng.range(-2, 2),
    offsetMm: { x: rng.range(-3, 3), y: rng.range(-3, 3) },
    scale: rng.range(0.985, 1.015),
    noise: rng.range(2, 8),
    blur: rng.chance(0.6) ? rng.range(0.3, 1.2) : 0,
    brightness: rng.range(-15, 10),
    contrast: rng.range(0.85, 1.1),
    upsideDown: rng.chance(0.1),
    ...(rng.chance(0.7) ? { jpegQuality: rng.int(60, 91) } : {}),
    seed,
  };
}

const printed = new Map<string, GreyImage>();

/** The printed page for `label` at `dpi`: the unlabelled page cached, the label's QR stamped on a copy. */
export function printedPage(label: SheetLabel, dpi: number): GreyImage {
  const key = `${dpi}/${label.page}`;
  let base = printed.get(key);
  if (!base) {
    base = printedPageRaster(label, SHAPE, dpi);
    printed.set(key, base);
  }
  const c = canvasOf(base, dpi / 25.4);
  printLabel(c, label);
  return { data: c.data, width: c.width, height: c.height };
}

export interface PageScan {
  readonly bytes: Uint8Array;
  readonly marks: readonly MarkSpec[];
  readonly dpi: number;
  readonly page: number;
}

/** Sheet number `n` (2 pages) scanned at `dpi` (or a dpi drawn from 150/200/300 when absent). */
export async function sheetScans(n: number, dpi?: number, plain = false): Promise<PageScan[]> {
  const rng = createPrng(1_000_003 * (n + 1));
  const serial = n
    .toString(32)
    .toUpperCase()
    .replace(/[ILOU]/g, 'X')
    .padStart(10, '0');
  const pageDpi = dpi ?? rng.pick([150, 200, 200, 300]);
  const out: PageScan[] = [];
  for (const layout of LAYOUT.pages) {
    const label: SheetLabel = {
      campaignKey: CAMPAIGN,
      kind: 'A',
      groupIndex: 1,
      page: layout.page,
      pages: layout.pages,
      serial,
    };
    const marks = layout.rows.map(() => rowMark(rng));
    const d = plain
      ? { dpi: pageDpi, noise: 4, skewDeg: rng.range(-2, 2), seed: n }
      : conditions(rng, pageDpi, n * 2 + layout.page);
    const scan = await distortRaster(
      fillMarks(printedPage(label, pageDpi), pageDpi / 25.4, layout, marks, n * 7 + layout.page),
      d,
    );
    out.push({ bytes: await encodeGrey(scan, d.jpegQuality), marks, dpi: pageDpi, page: layout.page });
  }
  return out;
}
