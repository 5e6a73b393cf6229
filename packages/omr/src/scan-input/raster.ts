import sharp from 'sharp';
import type { GreyImage } from '../recognize/types.js';
import { ScanInputError } from './errors.js';

/** Grey from interleaved 8-bit samples of 1, 2 (grey + alpha), 3 (RGB), 4 (RGBA) channels (BT.601 luma). */
export function toGrey(data: Uint8Array, width: number, height: number, channels: number, cmyk = false): GreyImage {
  const n = width * height;
  if (channels === 1) return { data: data.length === n ? data : data.subarray(0, n), width, height };
  const out = new Uint8Array(n);
  for (let i = 0, o = 0; i < n; i += 1, o += channels) {
    if (cmyk) {
      const k = 255 - (data[o + 3] as number);
      const r = ((255 - (data[o] as number)) * k) / 255;
      const g = ((255 - (data[o + 1] as number)) * k) / 255;
      const b = ((255 - (data[o + 2] as number)) * k) / 255;
      out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    } else if (channels < 3) out[i] = data[o] as number;
    else
      out[i] = Math.round(
        0.299 * (data[o] as number) + 0.587 * (data[o + 1] as number) + 0.114 * (data[o + 2] as number),
      );
  }
  return { data: out, width, height };
}

/** Map a sharp failure to a ScanInputError ('too-large' for the pixel limit, else 'corrupt-file'). */
export function sharpError(err: unknown, what: string, page?: number, entry?: string): ScanInputError {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message))
    return new ScanInputError('too-large', `${what} exceeds the pixel limit`, entry, page);
  return new ScanInputError('corrupt-file', `${what} could not be decoded: ${message}`, entry, page);
}

/** Decode an encoded image (PNG, JPEG, TIFF page…) to grey with sharp, transparency flattened onto white. */
export async function decodeWithSharp(
  bytes: Uint8Array,
  maxPixels: number,
  options: { page?: number } = {},
): Promise<GreyImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: maxPixels, page: options.page ?? 0, failOn: 'error' })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toGrey(new Uint8Array(data.buffer, data.byteOffset, data.length), info.width, info.height, info.channels);
}

/** How many pages sharp sees in a TIFF. */
export async function tiffPageCount(bytes: Uint8Array): Promise<number> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  return meta.pages ?? 1;
}
