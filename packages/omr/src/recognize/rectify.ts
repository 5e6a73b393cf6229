import type { Rect } from '../layout.js';
import type { Homography } from './homography.js';
import type { GreyImage, RectifiedPage } from './types.js';

/**
 * Resample `rect` (layout mm) of `image` at `pxPerMm` through `h` (layout mm →
 * image pixels), bilinear, white outside the image.
 */
export function resampleRect(image: GreyImage, h: Homography, rect: Rect, pxPerMm: number): GreyImage {
  const width = Math.round(rect.width * pxPerMm);
  const height = Math.round(rect.height * pxPerMm);
  const out = new Uint8Array(width * height);
  const src = image.data;
  const iw = image.width;
  const ih = image.height;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const step = 1 / pxPerMm;
  // The exact projection every SPAN pixels along a row, linear between (the page's perspective is slight).
  const SPAN = 16;
  const maxX = iw - 1;
  const maxY = ih - 1;
  for (let v = 0; v < height; v += 1) {
    const my = rect.y + (v + 0.5) * step;
    let mx = rect.x + 0.5 * step;
    let dw = h6 * mx + h7 * my + h8;
    let ax = (h0 * mx + h1 * my + h2) / dw - 0.5;
    let ay = (h3 * mx + h4 * my + h5) / dw - 0.5;
    let o = v * width;
    for (let u0 = 0; u0 < width; u0 += SPAN) {
      const n = Math.min(SPAN, width - u0);
      mx = rect.x + (u0 + n + 0.5) * step;
      dw = h6 * mx + h7 * my + h8;
      const bx = (h0 * mx + h1 * my + h2) / dw - 0.5;
      const by = (h3 * mx + h4 * my + h5) / dw - 0.5;
      const dx = (bx - ax) / n;
      const dy = (by - ay) / n;
      let fx = ax;
      let fy = ay;
      // the span is a straight line: when both ends lie inside the image, every pixel of it does
      const inside =
        Math.min(ax, bx) >= 0 && Math.min(ay, by) >= 0 && Math.max(ax, bx) < maxX && Math.max(ay, by) < maxY;
      for (let k = 0; k < n; k += 1, o += 1, fx += dx, fy += dy) {
        if (!inside && (fx < 0 || fy < 0 || fx >= maxX || fy >= maxY)) {
          out[o] = 255;
          continue;
        }
        const x0 = fx | 0;
        const y0 = fy | 0;
        const wx = fx - x0;
        const i = y0 * iw + x0;
        const a = src[i] as number;
        const c = src[i + iw] as number;
        const top = a + ((src[i + 1] as number) - a) * wx;
        out[o] = (top + (c + ((src[i + iw + 1] as number) - c) * wx - top) * (fy - y0) + 0.5) | 0;
      }
      ax = bx;
      ay = by;
    }
  }
  return { data: out, width, height };
}

/** The whole page at `pxPerMm`: layout mm (x, y) becomes pixel (x × pxPerMm, y × pxPerMm). */
export function rectifyPage(image: GreyImage, h: Homography, pageRect: Rect, pxPerMm: number): RectifiedPage {
  return { ...resampleRect(image, h, pageRect, pxPerMm), pxPerMm };
}
