import sharp from 'sharp';
import type { GreyImage } from '../recognize/types.js';
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
  const raw = { raw: { width, height, channels: 1 as const } };
  let img = sharp(page.data, raw);
  if (d.upsideDown) img = img.flip().flop();
  const skew = ((d.skewDeg ?? 0) * Math.PI) / 180;
  const scale = d.scale ?? 1;
  if (skew !== 0 || scale !== 1) {
    // one resampling for the skew and the scale error; the canvas grows to hold the turned page
    const cos = Math.cos(skew) * scale;
    const sin = Math.sin(skew) * scale;
    img = img.affine(
      [
        [cos, -sin],
        [sin, cos],
      ],
      { background: '#ffffff', interpolator: sharp.interpolators.bilinear },
    );
  }
  // the lens's blur before the sensor's noise
  if ((d.blur ?? 0) >= 0.3) img = img.blur(d.blur);
  const turned = await img.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  const info = turned.info;
  // an affine with a background may add an alpha channel: keep the grey
  const data =
    info.channels === 1
      ? turned.data
      : Uint8Array.from({ length: info.width * info.height }, (_, i) => turned.data[i * info.channels] as number);
  const W = info.width;
  const H = info.height;
  const dpi = d.dpi ?? 200;
  const dx = Math.round(((d.offsetMm?.x ?? 0) * dpi) / 25.4);
  const dy = Math.round(((d.offsetMm?.y ?? 0) * dpi) / 25.4);
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
  const white = level[255] as number;
  const clamped = new Uint8ClampedArray(W * H);
  for (let y = 0; y < H; y += 1) {
    const sy = y - dy;
    const rowInside = sy >= 0 && sy < H;
    const off = rng.int(0, TILE);
    const x0 = rowInside ? Math.max(0, dx) : W;
    const x1 = rowInside ? Math.min(W, W + dx) : W;
    let o = y * W;
    for (let x = 0; x < x0; x += 1, o += 1) clamped[o] = white + (tile[(off + x) & (TILE - 1)] as number);
    for (let x = x0, si = sy * W + x0 - dx; x < x1; x += 1, o += 1, si += 1)
      clamped[o] = (level[data[si] as number] as number) + (tile[(off + x) & (TILE - 1)] as number);
    for (let x = x1; x < W; x += 1, o += 1) clamped[o] = white + (tile[(off + x) & (TILE - 1)] as number);
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
