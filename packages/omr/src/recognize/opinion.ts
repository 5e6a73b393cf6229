import type { OpinionPageLayout } from '../layout.js';
import { pageLevels } from './bubbles.js';
import type { RectifiedPage } from './types.js';

/** A writing space holds writing when at least this share of it (less a margin) is ink. */
export const WRITTEN_INK_SHARE = 0.002;
/** The margin left out inside each writing space (its rules, a scanner's residual error), mm. */
export const WRITING_MARGIN_MM = 1.5;

/** Unit indexes of the boxes whose writing space holds ink. */
export function writtenBoxes(page: RectifiedPage, layout: OpinionPageLayout): number[] {
  const { white, black } = pageLevels(page);
  const threshold = white - 0.5 * (white - black);
  const ppm = page.pxPerMm;
  const out: number[] = [];
  for (const box of layout.boxes) {
    const r = box.writingRect;
    const x0 = Math.max(0, Math.round((r.x + WRITING_MARGIN_MM) * ppm));
    const x1 = Math.min(page.width, Math.round((r.x + r.width - WRITING_MARGIN_MM) * ppm));
    const y0 = Math.max(0, Math.round((r.y + WRITING_MARGIN_MM) * ppm));
    const y1 = Math.min(page.height, Math.round((r.y + r.height - WRITING_MARGIN_MM) * ppm));
    let ink = 0;
    for (let y = y0; y < y1; y += 1)
      for (let x = x0; x < x1; x += 1) if ((page.data[y * page.width + x] as number) < threshold) ink += 1;
    const area = Math.max(1, (x1 - x0) * (y1 - y0));
    if (ink / area >= WRITTEN_INK_SHARE) out.push(box.unitIndex);
  }
  return out;
}
