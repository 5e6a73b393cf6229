import sharp from 'sharp';
import type { Rect } from '../layout.js';
import { resampleRect } from './rectify.js';
import type { RectifiedPage } from './types.js';

/**
 * A crop of a rectified page as PNG: `rect` in layout millimetres, at
 * `pxPerMm` (default: the page's own resolution), white beyond the page.
 */
export async function cropPng(page: RectifiedPage, rect: Rect, pxPerMm: number = page.pxPerMm): Promise<Uint8Array> {
  const s = page.pxPerMm;
  const identity = [s, 0, 0, 0, s, 0, 0, 0, 1];
  const img = resampleRect(page, identity, rect, pxPerMm);
  const buf = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
    .png()
    .toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}
