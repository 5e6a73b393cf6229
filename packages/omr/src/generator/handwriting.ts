import type { OpinionPageLayout, Point } from '../layout.js';
import type { GreyImage } from '../recognize/types.js';
import { canvasOf, inkStroke } from './draw.js';
import { createPrng } from './prng.js';

/**
 * Test fixture: handwriting-like scribbles (lines of pen "words") in the
 * writing space of the boxes of `units` (unit indexes) on an upright opinion
 * form page raster at `pxPerMm`. Returns a new image.
 */
export function writeOpinions(
  page: GreyImage,
  pxPerMm: number,
  layout: OpinionPageLayout,
  units: readonly number[],
  seed = 1,
): GreyImage {
  const c = canvasOf(page, pxPerMm);
  const rng = createPrng(seed);
  for (const box of layout.boxes) {
    if (!units.includes(box.unitIndex)) continue;
    const r = box.writingRect;
    const lines = rng.int(1, 4);
    for (let line = 0; line < lines; line += 1) {
      const baseline = r.y + 6 + line * 7;
      let x = r.x + rng.range(3, 8);
      const end = r.x + r.width * rng.range(0.3, 0.95);
      while (x < end) {
        const glyphs = rng.int(2, 6);
        for (let g = 0; g < glyphs; g += 1) {
          const pts: Point[] = [];
          for (let k = 0; k < 5; k += 1) pts.push({ x: x + rng.range(0, 4), y: baseline - rng.range(0, 4.5) });
          inkStroke(c, pts, 0.4, 0.9);
          x += rng.range(4, 5.5);
        }
        x += rng.range(3, 6);
      }
    }
  }
  return { data: c.data, width: c.width, height: c.height };
}
