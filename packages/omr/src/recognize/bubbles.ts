import { BUBBLE_INNER_RADIUS_MM, BUBBLE_RADIUS_MM, MARK_CENTRES, type SheetPageLayout } from '../layout.js';
import { type BubbleMeasure, EDGE_RING_MM, INK_LEVEL, classifyRow } from './classify.js';
import { histogram, percentile } from './image-ops.js';
import type { RecognizedRow, RectifiedPage } from './types.js';

/** How far a row's bubbles may sit from where the marks put them (residual registration error), mm. */
export const ROW_SEARCH_MM = 0.6;
const RING_POINTS = 48;

/** The paper's white and the print's black on a rectified page (from the page's histogram and the registration squares). */
export function pageLevels(page: RectifiedPage): { white: number; black: number } {
  const white = percentile(histogram(page.data, 7), 0.7);
  const half = Math.round(2 * page.pxPerMm);
  let sum = 0;
  let n = 0;
  for (const m of MARK_CENTRES) {
    const cx = Math.round(m.x * page.pxPerMm);
    const cy = Math.round(m.y * page.pxPerMm);
    for (let y = cy - half; y < cy + half; y += 1)
      for (let x = cx - half; x < cx + half; x += 1) {
        sum += page.data[y * page.width + x] as number;
        n += 1;
      }
  }
  const black = Math.min(sum / n, white - 40);
  return { white, black };
}

/** Pixel offsets (dx, dy pairs) within `outer` of a centre and beyond `inner`. */
function offsets(outer: number, inner = -1): Int32Array {
  const r = Math.floor(outer);
  const out: number[] = [];
  for (let dy = -r; dy <= r; dy += 1)
    for (let dx = -r; dx <= r; dx += 1) {
      const d2 = dx * dx + dy * dy;
      if (d2 <= outer * outer && d2 > inner * inner) out.push(dx, dy);
    }
  return Int32Array.from(out);
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor(s.length / 2)] as number);
};

/**
 * Every row of an appraisal page: each bubble found within ±ROW_SEARCH_MM
 * (the shift of the row that best lays its printed outlines), measured inside
 * BUBBLE_INNER_RADIUS_MM against the page's white and black, less the page's
 * typical empty bubble, then classified.
 */
export function readRows(page: RectifiedPage, layout: SheetPageLayout): RecognizedRow[] {
  const { white, black } = pageLevels(page);
  const span = white - black;
  const ppm = page.pxPerMm;
  const w = page.width;
  const d = page.data;
  const ring: number[] = [];
  for (let k = 0; k < RING_POINTS; k += 1) {
    const a = (2 * Math.PI * k) / RING_POINTS;
    ring.push(Math.round(Math.cos(a) * BUBBLE_RADIUS_MM * ppm), Math.round(Math.sin(a) * BUBBLE_RADIUS_MM * ppm));
  }
  const disk = offsets(BUBBLE_INNER_RADIUS_MM * ppm);
  const edgeRing = offsets((BUBBLE_INNER_RADIUS_MM + EDGE_RING_MM) * ppm, BUBBLE_INNER_RADIUS_MM * ppm);
  const search = Math.round(ROW_SEARCH_MM * ppm);
  const pad = search + Math.ceil(BUBBLE_RADIUS_MM * ppm) + 1;
  const inside = (x: number, y: number): boolean => x >= pad && y >= pad && x < w - pad && y < page.height - pad;
  const raw: BubbleMeasure[][] = layout.rows.map((row) => {
    const centres = row.bubbles.map((b) => ({ x: Math.floor(b.x * ppm), y: Math.floor(b.y * ppm) }));
    let best = -1;
    let bx = 0;
    let by = 0;
    const ringScore = (sx: number, sy: number): number => {
      let sum = 0;
      for (const c of centres) {
        const base = (c.y + sy) * w + c.x + sx;
        for (let k = 0; k < ring.length; k += 2)
          sum += 255 - (d[base + (ring[k + 1] as number) * w + (ring[k] as number)] as number);
      }
      // prefer the unshifted place on a tie
      return sum - (Math.abs(sx) + Math.abs(sy)) * 0.01;
    };
    if (centres.every((c) => inside(c.x, c.y))) {
      // coarse (every other pixel), then the best's neighbours
      for (let sy = -search; sy <= search; sy += 2)
        for (let sx = -search; sx <= search; sx += 2) {
          const score = ringScore(sx, sy);
          if (score > best) [best, bx, by] = [score, sx, sy];
        }
      const [cx, cy] = [bx, by];
      for (let sy = Math.max(-search, cy - 1); sy <= Math.min(search, cy + 1); sy += 1)
        for (let sx = Math.max(-search, cx - 1); sx <= Math.min(search, cx + 1); sx += 1) {
          if (sx === cx && sy === cy) continue;
          const score = ringScore(sx, sy);
          if (score > best) [best, bx, by] = [score, sx, sy];
        }
    }
    return centres.map((c) => {
      const cx = c.x + bx;
      const cy = c.y + by;
      const measure = (set: Int32Array): { dark: number; ink: number; offset: number } => {
        let dark = 0;
        let ink = 0;
        let sx = 0;
        let sy = 0;
        for (let k = 0; k < set.length; k += 2) {
          const x = cx + (set[k] as number);
          const y = cy + (set[k + 1] as number);
          const v = x >= 0 && y >= 0 && x < w && y < page.height ? (d[y * w + x] as number) : 255;
          const t = Math.max(0, Math.min(1, (white - v) / span));
          dark += t;
          if (t > INK_LEVEL) {
            ink += 1;
            sx += set[k] as number;
            sy += set[k + 1] as number;
          }
        }
        const n = set.length / 2;
        return { dark: dark / n, ink: ink / n, offset: ink === 0 ? 0 : Math.hypot(sx / ink, sy / ink) / ppm };
      };
      const inner = measure(disk);
      return { darkness: inner.dark, ink: inner.ink, edgeInk: measure(edgeRing).ink, inkOffset: inner.offset };
    });
  });
  const all = raw.flat();
  const baseDark = Math.min(0.1, median(all.map((m) => m.darkness)));
  const baseInk = Math.min(0.05, median(all.map((m) => m.ink)));
  const baseEdge = Math.min(0.05, median(all.map((m) => m.edgeInk)));
  return layout.rows.map((row, i) => {
    const measures = (raw[i] as BubbleMeasure[]).map((m) => ({
      darkness: Math.max(0, (m.darkness - baseDark) / (1 - baseDark)),
      ink: Math.max(0, (m.ink - baseInk) / (1 - baseInk)),
      edgeInk: Math.max(0, (m.edgeInk - baseEdge) / (1 - baseEdge)),
      inkOffset: m.inkOffset,
    }));
    return { unitIndex: row.unitIndex, reading: classifyRow(measures), fills: measures.map((m) => m.darkness) };
  });
}
