import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { type Rect, type RectifiedPage } from '@pingyi/omr';
import sharp from 'sharp';

/** The resolution page images are kept at: 6 px/mm (about 150 dpi), enough to read handwriting again. */
const KEPT_PX_PER_MM = 6;
/** How much a crop for review is enlarged, so a mark is seen without zooming. */
const CROP_PX_PER_MM = 8;

/**
 * The page images of scanned batches, in `<dataDir>/scans/<batch id>/`,
 * under random names (no order, no time): greyscale PNG, upright and
 * deskewed, at {@link KEPT_PX_PER_MM}. They are deleted with their batch's
 * scans and served only as crops, to the office, like the ballots.
 */
export class ScanImageStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'scans');
  }

  private folder(batchId: number): string {
    return path.join(this.root, String(Math.trunc(batchId)));
  }

  /** Keeps a recognised page; answers the file's name. */
  async keep(batchId: number, page: RectifiedPage): Promise<string> {
    const name = `${randomUUID()}.png`;
    await fsp.mkdir(this.folder(batchId), { recursive: true });
    const scale = KEPT_PX_PER_MM / page.pxPerMm;
    await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
      .resize(Math.round(page.width * scale), Math.round(page.height * scale))
      .png({ compressionLevel: 9, palette: false })
      .toFile(path.join(this.folder(batchId), name));
    return name;
  }

  /** A rectangle of a kept page (layout millimetres), as PNG. */
  async crop(batchId: number, name: string, rect: Rect): Promise<Buffer> {
    const file = this.pathOf(batchId, name);
    const image = sharp(file);
    const { width = 0, height = 0 } = await image.metadata();
    const left = Math.max(0, Math.floor(rect.x * KEPT_PX_PER_MM));
    const top = Math.max(0, Math.floor(rect.y * KEPT_PX_PER_MM));
    const cropWidth = Math.min(width - left, Math.ceil(rect.width * KEPT_PX_PER_MM));
    const cropHeight = Math.min(height - top, Math.ceil(rect.height * KEPT_PX_PER_MM));
    const zoom = CROP_PX_PER_MM / KEPT_PX_PER_MM;
    return image
      .extract({ left, top, width: Math.max(1, cropWidth), height: Math.max(1, cropHeight) })
      .resize(Math.round(cropWidth * zoom), Math.round(cropHeight * zoom))
      .png()
      .toBuffer();
  }

  /** Removes images written for a file whose reading failed (nothing of it is kept). */
  async forget(batchId: number, names: readonly string[]): Promise<void> {
    await Promise.all(names.map((name) => fsp.rm(this.pathOf(batchId, name), { force: true })));
  }

  /** Removes every image of a batch. */
  async removeBatch(batchId: number): Promise<void> {
    await fsp.rm(this.folder(batchId), { recursive: true, force: true });
  }

  private pathOf(batchId: number, name: string): string {
    if (!/^[0-9a-f-]{36}\.png$/.test(name)) throw new Error(`not a page image's name: ${name}`);
    return path.join(this.folder(batchId), name);
  }
}
