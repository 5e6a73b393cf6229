import type { Point, Rect } from '../layout.js';
import type { GreyImage } from '../recognize/types.js';

/** A grey raster being drawn on (internal to the generator). */
export interface Canvas extends GreyImage {
  readonly data: Uint8Array;
  /** Pixels per millimetre. */
  readonly s: number;
}

/** A drawable copy of an image. */
export const canvasOf = (image: GreyImage, pxPerMm: number): Canvas => ({
  data: new Uint8Array(image.data),
  width: image.width,
  height: image.height,
  s: pxPerMm,
});

/** Paint a rectangle (mm) with a flat grey value (printing: replaces what is there). */
export function paintRect(c: Canvas, r: Rect, value: number): void {
  const x0 = Math.max(0, Math.round(r.x * c.s));
  const x1 = Math.min(c.width, Math.round((r.x + r.width) * c.s));
  const y0 = Math.max(0, Math.round(r.y * c.s));
  const y1 = Math.min(c.height, Math.round((r.y + r.height) * c.s));
  for (let y = y0; y < y1; y += 1) c.data.fill(value, y * c.width + x0, y * c.width + x1);
}

/** Rules of a rectangle's outline, `lw` mm wide, centred on its edges. */
export function strokeRect(c: Canvas, r: Rect, lw: number, value: number): void {
  const h = lw / 2;
  paintRect(c, { x: r.x - h, y: r.y - h, width: r.width + lw, height: lw }, value);
  paintRect(c, { x: r.x - h, y: r.y + r.height - h, width: r.width + lw, height: lw }, value);
  paintRect(c, { x: r.x - h, y: r.y - h, width: lw, height: r.height + lw }, value);
  paintRect(c, { x: r.x + r.width - h, y: r.y - h, width: lw, height: r.height + lw }, value);
}

/**
 * Darken pixels by a coverage function over a box (mm): each pixel's centre in
 * mm goes to `alpha(x, y)` (0..1), and the paper is darkened multiplicatively
 * by `darkness × alpha` as ink on paper does.
 */
export function inkArea(
  c: Canvas,
  box: Rect,
  darkness: number,
  alpha: (x: number, y: number) => number,
  texture?: () => number,
): void {
  const x0 = Math.max(0, Math.floor(box.x * c.s));
  const x1 = Math.min(c.width, Math.ceil((box.x + box.width) * c.s));
  const y0 = Math.max(0, Math.floor(box.y * c.s));
  const y1 = Math.min(c.height, Math.ceil((box.y + box.height) * c.s));
  for (let py = y0; py < y1; py += 1) {
    const my = (py + 0.5) / c.s;
    for (let px = x0; px < x1; px += 1) {
      const a = alpha((px + 0.5) / c.s, my);
      if (a <= 0) continue;
      const dk = Math.min(1, darkness * (texture ? texture() : 1)) * Math.min(1, a);
      const i = py * c.width + px;
      c.data[i] = Math.round((c.data[i] as number) * (1 - dk));
    }
  }
}

/** Antialiased coverage of a distance field: 1 inside, 0 beyond half a pixel out. */
export const edge = (c: Canvas, inside: number): number => Math.max(0, Math.min(1, 0.5 + inside * c.s));

/** Distance from p to the segment a–b. */
export function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** A pen stroke along a polyline (mm), `width` mm wide (keep polylines short: the cost is box × segments). */
export function inkStroke(c: Canvas, points: readonly Point[], width: number, darkness: number): void {
  if (points.length === 0) return;
  const pad = width + 1 / c.s;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x0 = Math.min(...xs) - pad;
  const y0 = Math.min(...ys) - pad;
  const box = { x: x0, y: y0, width: Math.max(...xs) + pad - x0, height: Math.max(...ys) + pad - y0 };
  inkArea(c, box, darkness, (x, y) => {
    let d = Infinity;
    for (let i = 1; i < points.length; i += 1)
      d = Math.min(d, segmentDistance({ x, y }, points[i - 1] as Point, points[i] as Point));
    if (points.length === 1) d = Math.hypot(x - (points[0] as Point).x, y - (points[0] as Point).y);
    return edge(c, width / 2 - d);
  });
}

/** A printed circle outline (replaces pixels by `value` with antialiasing). */
export function printCircle(c: Canvas, centre: Point, r: number, lw: number, value: number): void {
  const pad = r + lw;
  const x0 = Math.max(0, Math.floor((centre.x - pad) * c.s));
  const x1 = Math.min(c.width, Math.ceil((centre.x + pad) * c.s));
  const y0 = Math.max(0, Math.floor((centre.y - pad) * c.s));
  const y1 = Math.min(c.height, Math.ceil((centre.y + pad) * c.s));
  for (let py = y0; py < y1; py += 1)
    for (let px = x0; px < x1; px += 1) {
      const d = Math.hypot((px + 0.5) / c.s - centre.x, (py + 0.5) / c.s - centre.y);
      const a = edge(c, lw / 2 - Math.abs(d - r));
      if (a <= 0) continue;
      const i = py * c.width + px;
      c.data[i] = Math.round((c.data[i] as number) * (1 - a) + value * a);
    }
}
