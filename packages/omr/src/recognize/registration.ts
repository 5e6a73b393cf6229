import { MARK_CENTRES, MARK_SIZE_MM, PAGE_WIDTH_MM, type Point } from '../layout.js';
import type { GreyImage } from './types.js';

/** A registration-square candidate of the reduced image: its pixel count, box and centroid. */
interface Blob {
  area: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  cx: number;
  cy: number;
}

/** Each corner's search window, as a share of the image's width and height. */
export const MARK_WINDOW_SHARE = { x: 0.3, y: 0.22 };
/** A blob is a registration square when its area is within this factor range of the expected square's. */
export const MARK_AREA_RANGE = [0.45, 1.8] as const;
/** …its box no more oblong than this… */
export const MARK_MAX_ASPECT = 1.35;
/** The least share of its bounding box a registration square fills (a square turned 5° fills ≈ 0.85). */
export const MARK_MIN_FILL = 0.62;
/** The four centres must form the layout's rectangle to within this relative error. */
export const MARK_GEOMETRY_TOLERANCE = 0.05;

/** The dark connected blobs of a window of the image (4-connected, dark = below `threshold`). */
function blobs(
  img: GreyImage,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  threshold: number,
  minArea: number,
): Blob[] {
  const w = x1 - x0;
  const h = y1 - y0;
  const seen = new Uint8Array(w * h);
  const stack = new Int32Array(w * h);
  const out: Blob[] = [];
  for (let sy = 0; sy < h; sy += 1)
    for (let sx = 0; sx < w; sx += 1) {
      const s = sy * w + sx;
      if (seen[s] || (img.data[(sy + y0) * img.width + sx + x0] as number) >= threshold) continue;
      seen[s] = 1;
      let top = 0;
      stack[top++] = s;
      const b: Blob = { area: 0, minX: sx, maxX: sx, minY: sy, maxY: sy, cx: 0, cy: 0 };
      while (top > 0) {
        const p = stack[--top] as number;
        const px = p % w;
        const py = (p - px) / w;
        b.area += 1;
        b.cx += px;
        b.cy += py;
        if (px < b.minX) b.minX = px;
        if (px > b.maxX) b.maxX = px;
        if (py < b.minY) b.minY = py;
        if (py > b.maxY) b.maxY = py;
        // the four neighbours, inline (a closure per pixel costs more than the search)
        let q = p - 1;
        if (px > 0 && !seen[q] && (img.data[(py + y0) * img.width + px - 1 + x0] as number) < threshold) {
          seen[q] = 1;
          stack[top++] = q;
        }
        q = p + 1;
        if (px < w - 1 && !seen[q] && (img.data[(py + y0) * img.width + px + 1 + x0] as number) < threshold) {
          seen[q] = 1;
          stack[top++] = q;
        }
        q = p - w;
        if (py > 0 && !seen[q] && (img.data[(py - 1 + y0) * img.width + px + x0] as number) < threshold) {
          seen[q] = 1;
          stack[top++] = q;
        }
        q = p + w;
        if (py < h - 1 && !seen[q] && (img.data[(py + 1 + y0) * img.width + px + x0] as number) < threshold) {
          seen[q] = 1;
          stack[top++] = q;
        }
      }
      if (b.area < minArea) continue;
      b.cx = b.cx / b.area + x0 + 0.5;
      b.cy = b.cy / b.area + y0 + 0.5;
      b.minX += x0;
      b.maxX += x0;
      b.minY += y0;
      b.maxY += y0;
      out.push(b);
    }
  return out;
}

/** The centre of a square near `at` in the full image: the centroid of its dark pixels (sub-pixel). */
function refine(img: GreyImage, at: Point, half: number, threshold: number): Point {
  const x0 = Math.max(0, Math.floor(at.x - half));
  const x1 = Math.min(img.width, Math.ceil(at.x + half));
  const y0 = Math.max(0, Math.floor(at.y - half));
  const y1 = Math.min(img.height, Math.ceil(at.y + half));
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y < y1; y += 1)
    for (let x = x0; x < x1; x += 1)
      if ((img.data[y * img.width + x] as number) < threshold) {
        n += 1;
        sx += x + 0.5;
        sy += y + 0.5;
      }
  return n === 0 ? at : { x: sx / n, y: sy / n };
}

/**
 * The centres of the four registration squares in `full` (image pixels),
 * image corners top-left, top-right, bottom-left, bottom-right, found in the
 * reduced image `small` (`factor` times smaller) and refined in `full`; null
 * when a corner has no square or the four do not form the sheet's rectangle.
 */
export function findRegistrationMarks(
  full: GreyImage,
  small: GreyImage,
  factor: number,
  threshold: number,
): [Point, Point, Point, Point] | null {
  const pxPerMm = Math.min(small.width, small.height) / PAGE_WIDTH_MM;
  const side = MARK_SIZE_MM * pxPerMm;
  const expected = side * side;
  const wx = Math.round(small.width * MARK_WINDOW_SHARE.x);
  const wy = Math.round(small.height * MARK_WINDOW_SHARE.y);
  const found: Point[] = [];
  for (const [right, bottom] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    const x0 = right ? small.width - wx : 0;
    const y0 = bottom ? small.height - wy : 0;
    const cornerX = right ? small.width : 0;
    const cornerY = bottom ? small.height : 0;
    let best: Blob | null = null;
    let bestDistance = Infinity;
    for (const b of blobs(small, x0, y0, x0 + wx, y0 + wy, threshold, expected * MARK_AREA_RANGE[0])) {
      const bw = b.maxX - b.minX + 1;
      const bh = b.maxY - b.minY + 1;
      if (b.area > expected * MARK_AREA_RANGE[1]) continue;
      if (Math.max(bw, bh) / Math.min(bw, bh) > MARK_MAX_ASPECT || b.area / (bw * bh) < MARK_MIN_FILL) continue;
      const distance = Math.hypot(b.cx - cornerX, b.cy - cornerY);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = b;
      }
    }
    if (!best) return null;
    const half = (Math.sqrt(best.area) * 0.5 + 2.5) * factor;
    found.push(refine(full, { x: best.cx * factor, y: best.cy * factor }, half, threshold));
  }
  const [tl, tr, bl, br] = found as [Point, Point, Point, Point];
  const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
  const top = dist(tl, tr);
  const bottomSide = dist(bl, br);
  const left = dist(tl, bl);
  const rightSide = dist(tr, br);
  const across = (MARK_CENTRES[1].x - MARK_CENTRES[0].x) as number;
  const down = (MARK_CENTRES[2].y - MARK_CENTRES[0].y) as number;
  const tol = MARK_GEOMETRY_TOLERANCE;
  if (Math.abs(top / bottomSide - 1) > tol || Math.abs(left / rightSide - 1) > tol) return null;
  if (Math.abs((left + rightSide) / (top + bottomSide) / (down / across) - 1) > tol) return null;
  return [tl, tr, bl, br];
}
