import sharp from 'sharp';
import type { GreyImage } from '../recognize/types.js';
import { resampleRect } from '../recognize/rectify.js';
import { createPrng } from './prng.js';

/** How a scanner renders a page: every field optional (defaults: 200 dpi, no distortion, PNG). */
export interface ScanDistortion {
  /** The resolution the page raster was drawn at and the scan keeps (px per inch). */
  readonly dpi?: number;
  /** Rotation of the page on the glass, degrees (the canvas grows to hold it, as a skewed feed does). */
  readonly skewDeg?: number;
  /** Shift of the page in the scan, mm. */
  readonly offsetMm?: { readonly x: number; readonly y: number };
  /** Scale error of the scanner (1 = none). */
  readonly scale?: number;
  /** Standard deviation of grey noise, 0..255. */
  readonly noise?: number;
  /** Gaussian blur sigma, px (≥ 0.3 to have an effect). */
  readonly blur?: number;
  /** Added to every grey value. */
  readonly brightness?: number;
  /** Multiplies the distance from mid-grey. */
  readonly contrast?: number;
  /** The page fed the wrong way round. */
  readonly upsideDown?: boolean;
  /** Encode as JPEG at this quality; PNG when absent. */
  readonly jpegQuality?: number;
  /** Seed of the noise. */
  readonly seed?: number;
}

/** Test fixture: `page` as a scanner would see it, still raw grey (see scanDistort for encoded bytes). */
export async function distortRaster(page: GreyImage, d: ScanDistortion = {}): Promise<GreyImage> {
  const { width, height } = page;
  const dpi = d.dpi ?? 200;
  // one resampling (bilinear) for the page turned over, the skew, the scale error and the shift;
  // the canvas grows to hold the turned page, as a skewed feed's scan does
  const angle = ((d.skewDeg ?? 0) * Math.PI) / 180 + (d.upsideDown ? Math.PI : 0);
  const scale = d.scale ?? 1;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const W = Math.round((Math.abs(width * cos) + Math.abs(height * sin)) * scale);
  const H = Math.round((Math.abs(width * sin) + Math.abs(height * cos)) * scale);
  const ox = W / 2 + ((d.offsetMm?.x ?? 0) * dpi) / 25.4;
  const oy = H / 2 + ((d.offsetMm?.y ?? 0) * dpi) / 25.4;
  // output (X, Y) → source: centre + R⁻¹ (X − ox, Y − oy) / scale
  const a = cos / scale;
  const b = sin / scale;
  const inverse = [a, b, width / 2 - a * ox - b * oy, -b, a, height / 2 + b * ox - a * oy, 0, 0, 1];
  let turned = resampleRect(page, inverse, { x: 0, y: 0, width: W, height: H }, 1);
  // the lens's blur before the sensor's noise
  if ((d.blur ?? 0) >= 0.3) {
    const blurred = await sharp(turned.data, { raw: { width: W, height: H, channels: 1 } })
      .blur(d.blur)
      .toColourspace('b-w')
      .raw()
      .toBuffer();
    turned = { data: new Uint8Array(blurred.buffer, blurred.byteOffset, blurred.length), width: W, height: H };
  }
  const data = turned.data;
  const rng = createPrng(d.seed ?? 7);
  // Gaussian noise from a tile read at a random offset per row (a fresh draw per pixel costs more than the rest)
  const TILE = 1 << 16;
  const tile = new Float32Array(TILE);
  const sigma = d.noise ?? 0;
  if (sigma > 0) for (let i = 0; i < TILE; i += 1) tile[i] = rng.gauss() * sigma;
  const contrast = d.contrast ?? 1;
  const brightness = d.brightness ?? 0;
  // grey value → after contrast and brightness (the clamped array rounds and clips), as a table
  const level = new Float32Array(256);
  for (let v = 0; v < 256; v += 1) level[v] = (v - 128) * contrast + 128 + brightness;
  const clamped = new Uint8ClampedArray(W * H);
  for (let y = 0, o = 0; y < H; y += 1) {
    const off = rng.int(0, TILE);
    for (let x = 0; x < W; x += 1, o += 1)
      clamped[o] = (level[data[o] as number] as number) + (tile[(off + x) & (TILE - 1)] as number);
  }
  return { data: new Uint8Array(clamped.buffer), width: W, height: H };
}

/** Encode a grey raster as PNG, or JPEG at `jpegQuality`. */
export async function encodeGrey(image: GreyImage, jpegQuality?: number): Promise<Uint8Array> {
  const img = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } });
  const buf = jpegQuality
    ? await img.jpeg({ quality: jpegQuality }).toBuffer()
    : await img.png({ compressionLevel: 1 }).toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

/**
 * Test fixture: the bytes a scanner would write for `page` (PNG, or JPEG when
 * `jpegQuality` is set), skewed, shifted, scaled, noisy, blurred and re-levelled as asked.
 */
export async function scanDistort(page: GreyImage, d: ScanDistortion = {}): Promise<Uint8Array> {
  return encodeGrey(await distortRaster(page, d), d.jpegQuality);
}
