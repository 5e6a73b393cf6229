import {
  BUBBLE_RADIUS_MM,
  HEADER_RECT,
  LABEL_RECT,
  MARK_CENTRES,
  MARK_SIZE_MM,
  MM_PER_INCH,
  PAGE_HEIGHT_MM,
  PAGE_WIDTH_MM,
  ROW_HEIGHT_MM,
  SERIAL_TEXT_RECT,
  UNIT_COLUMN_WIDTH_MM,
  appraisalSheetLayout,
  opinionFormLayout,
  type Rect,
} from '../layout.js';
import { qrMatrix } from '../label-qr.js';
import type { GreyImage, SheetShape } from '../recognize/types.js';
import { encodeSheetLabel, type SheetLabel } from '../sheet-label.js';
import { type Canvas, paintRect, printCircle, strokeRect } from './draw.js';

/** Modules of quiet zone the label's QR keeps on each side inside LABEL_RECT. */
export const LABEL_QUIET_MODULES = 4;
const BLACK = 16;
const RULE = 70;
const TEXT = 110;
const OUTLINE = 60;

/** Where text would be printed: grey bars broken into "words" (the reader must not rely on them). */
function textBars(c: Canvas, r: Rect, seed: number): void {
  const h = Math.min(r.height * 0.55, 3.2);
  const y = r.y + (r.height - h) / 2;
  let x = r.x + 1;
  let k = seed;
  const end = r.x + r.width * (0.5 + ((seed * 37) % 40) / 100);
  while (x < end - 2) {
    k = (Math.imul(k, 1103515245) + 12345) >>> 0;
    const w = Math.min(2 + ((k >>> 16) % 6), end - x);
    paintRect(c, { x, y, width: w, height: h }, TEXT);
    x += w + 1;
  }
}

/** Draw the sheet label's QR code into LABEL_RECT, its quiet zone left white. */
export function printLabel(c: Canvas, label: SheetLabel, text = encodeSheetLabel(label)): void {
  const qr = qrMatrix(text);
  const module = LABEL_RECT.width / (qr.size + 2 * LABEL_QUIET_MODULES);
  paintRect(c, LABEL_RECT, 255);
  for (let y = 0; y < qr.size; y += 1)
    for (let x = 0; x < qr.size; x += 1)
      if (qr.dark(x, y))
        paintRect(
          c,
          {
            x: LABEL_RECT.x + (x + LABEL_QUIET_MODULES) * module,
            y: LABEL_RECT.y + (y + LABEL_QUIET_MODULES) * module,
            width: module,
            height: module,
          },
          BLACK,
        );
}

/**
 * Test fixture: the printed page of a sheet as a grey raster at `dpi`, drawn
 * from layout.ts (corner squares, the QR label, table rules, bubble outlines,
 * grey bars where the printer puts text). Not the PDF printer's output, but
 * the same geometry. `options.labelText` puts other text in the QR (a test of
 * a code that is not a Pingyi label).
 */
export function printedPageRaster(
  label: SheetLabel,
  shape: SheetShape,
  dpi: number,
  options: { readonly labelText?: string } = {},
): GreyImage {
  const s = dpi / MM_PER_INCH;
  const width = Math.round(PAGE_WIDTH_MM * s);
  const height = Math.round(PAGE_HEIGHT_MM * s);
  const c: Canvas = { data: new Uint8Array(width * height).fill(255), width, height, s };
  const half = MARK_SIZE_MM / 2;
  for (const m of MARK_CENTRES)
    paintRect(c, { x: m.x - half, y: m.y - half, width: MARK_SIZE_MM, height: MARK_SIZE_MM }, BLACK);
  for (let i = 0; i < 4; i += 1)
    textBars(c, { x: HEADER_RECT.x, y: HEADER_RECT.y + 2 + i * 9, width: HEADER_RECT.width, height: 6 }, 7 + i);
  textBars(c, SERIAL_TEXT_RECT, 3);
  printLabel(c, label, options.labelText);
  if (label.kind === 'A') {
    const layout = appraisalSheetLayout(shape.unitCount, shape.levelCount).pages[label.page - 1];
    if (!layout) throw new RangeError(`label page ${label.page} is beyond the sheet's pages`);
    for (const r of layout.blockRects) {
      strokeRect(c, r, 0.35, RULE);
      paintRect(c, { x: r.x + UNIT_COLUMN_WIDTH_MM - 0.1, y: r.y, width: 0.2, height: r.height }, RULE);
    }
    for (const h of [...layout.levelHeaders, ...layout.unitHeaders]) {
      strokeRect(c, h, 0.2, RULE);
      textBars(c, { x: h.x, y: h.y + 2, width: h.width, height: 5 }, Math.round(h.x));
    }
    for (const row of layout.rows) {
      paintRect(
        c,
        { x: row.rowRect.x, y: row.rowRect.y + ROW_HEIGHT_MM - 0.1, width: row.rowRect.width, height: 0.2 },
        RULE,
      );
      textBars(c, row.nameRect, row.unitIndex + 11);
      for (const b of row.bubbles) printCircle(c, b, BUBBLE_RADIUS_MM, 0.25, OUTLINE);
    }
  } else {
    const layout = opinionFormLayout(shape.unitCount)[label.page - 1];
    if (!layout) throw new RangeError(`label page ${label.page} is beyond the form's pages`);
    for (const box of layout.boxes) {
      strokeRect(c, box.boxRect, 0.35, RULE);
      paintRect(c, { x: box.boxRect.x, y: box.writingRect.y - 0.1, width: box.boxRect.width, height: 0.2 }, RULE);
      textBars(c, box.captionRect, box.unitIndex + 5);
    }
  }
  return { data: c.data, width, height };
}
