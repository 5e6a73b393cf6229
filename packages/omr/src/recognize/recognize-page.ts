import {
  MARK_CENTRES,
  MM_PER_INCH,
  PAGE_HEIGHT_MM,
  PAGE_WIDTH_MM,
  type Point,
  appraisalSheetLayout,
  opinionFormLayout,
} from '../layout.js';
import { decodeSheetLabel } from '../sheet-label.js';
import { readRows } from './bubbles.js';
import { type Homography, solveHomography } from './homography.js';
import { boxDownsample, histogram, percentile } from './image-ops.js';
import { decodeLabelRegion, labelInk, labelRegion } from './label.js';
import { writtenBoxes } from './opinion.js';
import { rectifyPage } from './rectify.js';
import { findRegistrationMarks } from './registration.js';
import type { GreyImage, PageOutcome, ShapeOf } from './types.js';

/** Below this resolution (the image's short side taken as A4's 210 mm) a page is refused as too small. */
export const MIN_DPI = 95;
/** The resolution of the rectified page the reader measures on. */
export const RECTIFIED_PX_PER_MM = 8;
/** The reader looks for the registration squares (and measures ink) on a copy reduced to about this resolution (an integer factor, rounded). */
export const SEARCH_PX_PER_MM = 4;
/** A page is blank when under this share of its pixels (a border left out) is ink. */
export const BLANK_INK_SHARE = 2e-4;
/** …where ink is darker than this share of the paper's white. */
export const BLANK_INK_LEVEL = 0.6;

function inkShare(small: GreyImage, white: number): number {
  const mx = Math.round(small.width * 0.03);
  const my = Math.round(small.height * 0.03);
  const limit = white * BLANK_INK_LEVEL;
  let ink = 0;
  for (let y = my; y < small.height - my; y += 1)
    for (let x = mx; x < small.width - mx; x += 1) if ((small.data[y * small.width + x] as number) < limit) ink += 1;
  return ink / Math.max(1, (small.width - 2 * mx) * (small.height - 2 * my));
}

/**
 * Read one scanned page: refuse it when too small, say when it is blank, find
 * its registration squares, bring it upright into the layout's frame, read its
 * QR label, and then its bubbles (appraisal sheet) or which boxes hold writing
 * (opinion form). Doubtful rows are never read as a level: they come back as
 * 'review'.
 */
export async function recognizePage(image: GreyImage, shapeOf: ShapeOf): Promise<PageOutcome> {
  const shortSide = Math.min(image.width, image.height);
  if ((shortSide / PAGE_WIDTH_MM) * MM_PER_INCH < MIN_DPI) return { kind: 'refused', reason: 'image-too-small' };
  const factor = Math.max(1, Math.round(shortSide / PAGE_WIDTH_MM / SEARCH_PX_PER_MM));
  const small = boxDownsample(image, factor);
  const hist = histogram(small.data);
  const white = percentile(hist, 0.9);
  if (inkShare(small, white) < BLANK_INK_SHARE) return { kind: 'blank' };
  const black = percentile(hist, 0.002);
  const threshold = (white + black) / 2;
  const marks = findRegistrationMarks(image, small, factor, threshold);
  if (!marks) return { kind: 'refused', reason: 'no-registration-marks' };
  const [tl, tr, bl, br] = marks;
  const orientations: { upsideDown: boolean; h: Homography }[] = [];
  for (const [upsideDown, seen] of [
    [false, [tl, tr, bl, br]],
    [true, [br, bl, tr, tl]],
  ] as [boolean, Point[]][]) {
    const h = solveHomography(MARK_CENTRES, seen);
    if (h) orientations.push({ upsideDown, h });
  }
  const regions = orientations.map((o) => ({ ...o, region: labelRegion(image, o.h) }));
  regions.sort((a, b) => labelInk(b.region) - labelInk(a.region));
  let text: string | null = null;
  let chosen = regions[0];
  for (const r of regions) {
    text = decodeLabelRegion(r.region);
    if (text !== null) {
      chosen = r;
      break;
    }
  }
  if (text === null || !chosen) return { kind: 'refused', reason: 'unreadable-label' };
  const label = decodeSheetLabel(text);
  if (!label) return { kind: 'refused', reason: 'not-a-pingyi-label' };
  const shape = shapeOf(label);
  if (!shape) return { kind: 'refused', reason: 'other-campaign', label };
  const pageRect = { x: 0, y: 0, width: PAGE_WIDTH_MM, height: PAGE_HEIGHT_MM };
  if (label.kind === 'A') {
    const layout = appraisalSheetLayout(shape.unitCount, shape.levelCount).pages[label.page - 1];
    if (!layout || layout.pages !== label.pages) return { kind: 'refused', reason: 'other-campaign', label };
    const page = rectifyPage(image, chosen.h, pageRect, RECTIFIED_PX_PER_MM);
    return { kind: 'appraisal', label, upsideDown: chosen.upsideDown, rows: readRows(page, layout), page };
  }
  const layout = opinionFormLayout(shape.unitCount)[label.page - 1];
  if (!layout || layout.pages !== label.pages) return { kind: 'refused', reason: 'other-campaign', label };
  const page = rectifyPage(image, chosen.h, pageRect, RECTIFIED_PX_PER_MM);
  return { kind: 'opinion', label, upsideDown: chosen.upsideDown, writtenBoxes: writtenBoxes(page, layout), page };
}
