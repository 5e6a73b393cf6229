import jsqrModule from 'jsqr';
import { LABEL_RECT } from '../layout.js';
import type { Homography } from './homography.js';
import { histogram, otsu } from './image-ops.js';
import { resampleRect } from './rectify.js';
import type { GreyImage } from './types.js';

type JsQr = (typeof jsqrModule)['default'];
// jsqr is CommonJS: its default export is module.exports under Node's ESM, `.default` under a bundler's interop.
const jsQR: JsQr = typeof jsqrModule === 'function' ? (jsqrModule as unknown as JsQr) : jsqrModule.default;

/** The label region is resampled at this resolution for the QR decoder (≈ 7.6 px a module). */
export const LABEL_PX_PER_MM = 9;

function rgba(img: GreyImage, map: (v: number) => number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0, o = 0; i < img.data.length; i += 1, o += 4) {
    const v = map(img.data[i] as number);
    out[o] = v;
    out[o + 1] = v;
    out[o + 2] = v;
    out[o + 3] = 255;
  }
  return out;
}

/** The label region of the image as seen through `h` (layout mm → image px). */
export const labelRegion = (image: GreyImage, h: Homography): GreyImage =>
  resampleRect(image, h, LABEL_RECT, LABEL_PX_PER_MM);

/** Mean darkness (0..1) of the label region's middle, where the QR's modules are. */
export function labelInk(region: GreyImage): number {
  const m = Math.round(region.width * 0.2);
  let sum = 0;
  let n = 0;
  for (let y = m; y < region.height - m; y += 2)
    for (let x = m; x < region.width - m; x += 2) {
      sum += 255 - (region.data[y * region.width + x] as number);
      n += 1;
    }
  return n === 0 ? 0 : sum / n / 255;
}

/** The text of the QR code in a label region, or null when no code decodes (as is, then binarised). */
export function decodeLabelRegion(region: GreyImage): string | null {
  const options = { inversionAttempts: 'dontInvert' as const };
  const first = jsQR(
    rgba(region, (v) => v),
    region.width,
    region.height,
    options,
  );
  if (first) return first.data;
  const t = otsu(histogram(region.data));
  for (const threshold of [t, t - 25, t + 25]) {
    const found = jsQR(
      rgba(region, (v) => (v < threshold ? 0 : 255)),
      region.width,
      region.height,
      options,
    );
    if (found) return found.data;
  }
  return null;
}
