import type { GreyImage } from '../recognize/types.js';
import { DEFAULT_SCAN_LIMITS, type ScanLimits, ScanInputError, detectFormat } from './errors.js';
import { loadPdf, pdfPageImage } from './pdf.js';
import { decodeWithSharp, sharpError, tiffPageCount } from './raster.js';
import { zipEntries } from './zip.js';

/**
 * One page of a scan file: its image, or — when the file as a whole is sound
 * but this one page (or ZIP entry) cannot be decoded — the error, so the rest
 * can still be read. `index` is 0-based over the whole file (over every entry of a ZIP).
 */
export type ScanPage =
  | { readonly index: number; readonly image: GreyImage; readonly entry?: string }
  | { readonly index: number; readonly error: ScanInputError; readonly entry?: string };

interface Counter {
  next: number;
}

async function* pagesOf(
  file: Uint8Array,
  name: string,
  limits: ScanLimits,
  counter: Counter,
  entry: string | undefined,
): AsyncGenerator<ScanPage> {
  const format = detectFormat(file);
  const claim = (count: number): void => {
    if (counter.next + count > limits.maxPages)
      throw new ScanInputError('too-many-pages', `${name} holds more than ${limits.maxPages} pages`, entry);
  };
  const failed = (err: unknown, index: number, at = entry): ScanPage => {
    const error =
      err instanceof ScanInputError
        ? new ScanInputError(err.code, err.detail, at ?? err.entry, index)
        : new ScanInputError('corrupt-file', String(err), at, index);
    return at === undefined ? { index, error } : { index, error, entry: at };
  };
  const ok = (index: number, image: GreyImage): ScanPage =>
    entry === undefined ? { index, image } : { index, image, entry };
  if (format === 'pdf') {
    const { doc, pageCount } = await loadPdf(file);
    claim(pageCount);
    for (let p = 0; p < pageCount; p += 1) {
      const index = counter.next++;
      try {
        yield ok(index, await pdfPageImage(doc, p, limits.maxPixelsPerPage, index));
      } catch (err) {
        yield failed(err, index);
      }
    }
    return;
  }
  if (format === 'tiff') {
    let pages: number;
    try {
      pages = await tiffPageCount(file);
    } catch (err) {
      throw sharpError(err, 'TIFF', undefined, entry);
    }
    claim(pages);
    for (let p = 0; p < pages; p += 1) {
      const index = counter.next++;
      try {
        yield ok(index, await decodeWithSharp(file, limits.maxPixelsPerPage, { page: p }));
      } catch (err) {
        yield failed(sharpError(err, `TIFF page ${p + 1}`, index, entry), index);
      }
    }
    return;
  }
  if (format === 'png' || format === 'jpeg') {
    claim(1);
    const index = counter.next++;
    let image: GreyImage;
    try {
      image = await decodeWithSharp(file, limits.maxPixelsPerPage);
    } catch (err) {
      const error = sharpError(err, format.toUpperCase(), index, entry);
      if (entry === undefined) throw error;
      yield failed(error, index);
      return;
    }
    yield ok(index, image);
    return;
  }
  if (format === 'zip') {
    if (entry !== undefined) throw new ScanInputError('unsupported-format', 'a ZIP inside a ZIP', entry);
    for (const e of await zipEntries(file, limits)) {
      const bytes = await e.read();
      if (detectFormat(bytes) === null || detectFormat(bytes) === 'zip') {
        claim(1);
        const index = counter.next++;
        yield failed(new ScanInputError('unsupported-format', 'entry is not a PDF, TIFF, PNG or JPEG'), index, e.name);
        continue;
      }
      try {
        yield* pagesOf(bytes, e.name, limits, counter, e.name);
      } catch (err) {
        if (err instanceof ScanInputError && err.code !== 'corrupt-file') throw err;
        yield failed(err, counter.next++, e.name);
      }
    }
    return;
  }
  throw new ScanInputError('unsupported-format', `${name} is not a PDF, TIFF, PNG, JPEG or ZIP`, entry);
}

/**
 * The pages of an uploaded scan file — a PDF as office scanners write it (one
 * image a page: JPEG, or Flate grey/RGB 8-bit or 1-bit), a TIFF (every page),
 * a PNG or JPEG, or a ZIP of those (entries in name order) — each decoded to
 * grey. The format is told by magic bytes, not by `name`. Limits are checked
 * while reading: past one, a ScanInputError is thrown ('too-many-pages',
 * 'too-large'); a file that cannot be read at all throws 'unsupported-format'
 * or 'corrupt-file'. A page (or ZIP entry) that fails inside an otherwise
 * sound file is yielded as `{ index, error }` and reading goes on.
 */
export async function* readScanPages(
  file: Uint8Array,
  name: string,
  limits: Partial<ScanLimits> = {},
): AsyncGenerator<ScanPage> {
  yield* pagesOf(file, name, { ...DEFAULT_SCAN_LIMITS, ...limits }, { next: 0 }, undefined);
}
