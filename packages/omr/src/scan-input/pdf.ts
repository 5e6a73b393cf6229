import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import type { GreyImage } from '../recognize/types.js';
import { ScanInputError } from './errors.js';
import { decodeWithSharp, sharpError, toGrey } from './raster.js';

/** A page's largest image XObject (scanners write one image a page). */
interface PageImage {
  readonly stream: PDFRawStream;
  readonly width: number;
  readonly height: number;
}

const num = (dict: PDFDict, key: string): number | undefined => {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : undefined;
};

const names = (obj: PDFObject | undefined, doc: PDFDocument): string[] => {
  const v = obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
  if (v instanceof PDFName) return [v.decodeText()];
  if (v instanceof PDFArray) return v.asArray().flatMap((x) => names(x, doc));
  return [];
};

function largestImage(doc: PDFDocument, resources: PDFDict | undefined, depth = 0): PageImage | null {
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  let best: PageImage | null = null;
  for (const [, ref] of xobjects.entries()) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const subtype = names(stream.dict.get(PDFName.of('Subtype')), doc)[0];
    if (subtype === 'Form' && depth < 3) {
      const inner = largestImage(doc, stream.dict.lookup(PDFName.of('Resources')) as PDFDict | undefined, depth + 1);
      if (inner && (!best || inner.width * inner.height > best.width * best.height)) best = inner;
      continue;
    }
    if (subtype !== 'Image') continue;
    const width = num(stream.dict, 'Width') ?? 0;
    const height = num(stream.dict, 'Height') ?? 0;
    if (!best || width * height > best.width * best.height) best = { stream, width, height };
  }
  return best;
}

/** Colour components of an image's colour space, and whether it is CMYK / indexed (null: unknown). */
function colourSpace(
  doc: PDFDocument,
  dict: PDFDict,
): { n: number; cmyk: boolean; palette?: Uint8Array; base?: number } | null {
  const raw = dict.get(PDFName.of('ColorSpace'));
  const cs = raw instanceof PDFRef ? doc.context.lookup(raw) : raw;
  if (dict.lookup(PDFName.of('ImageMask'))?.toString() === 'true') return { n: 1, cmyk: false };
  if (cs instanceof PDFName) {
    const name = cs.decodeText();
    if (name === 'DeviceGray' || name === 'CalGray' || name === 'G') return { n: 1, cmyk: false };
    if (name === 'DeviceRGB' || name === 'RGB') return { n: 3, cmyk: false };
    if (name === 'DeviceCMYK' || name === 'CMYK') return { n: 4, cmyk: true };
    return null;
  }
  if (cs instanceof PDFArray) {
    const kind = names(cs.get(0), doc)[0];
    if (kind === 'ICCBased') {
      const icc = doc.context.lookup(cs.get(1));
      const n = icc instanceof PDFRawStream ? (num(icc.dict, 'N') ?? 3) : 3;
      return { n, cmyk: n === 4 };
    }
    if (kind === 'CalRGB') return { n: 3, cmyk: false };
    if (kind === 'CalGray') return { n: 1, cmyk: false };
    if (kind === 'Indexed') {
      const baseRaw = doc.context.lookup(cs.get(1));
      const base =
        baseRaw instanceof PDFName
          ? baseRaw.decodeText() === 'DeviceGray'
            ? 1
            : baseRaw.decodeText() === 'DeviceCMYK'
              ? 4
              : 3
          : 3;
      const lookup = doc.context.lookup(cs.get(3));
      const palette =
        lookup instanceof PDFRawStream
          ? lookup.contents
          : lookup && 'asBytes' in lookup
            ? (lookup as unknown as { asBytes(): Uint8Array }).asBytes()
            : undefined;
      return palette ? { n: 1, cmyk: false, palette, base } : null;
    }
  }
  return null;
}

/** Undo PNG predictors (PDF Predictor ≥ 10): each row led by its filter byte. */
function unpredict(data: Uint8Array, rowBytes: number, bpp: number, rows: number): Uint8Array {
  const out = new Uint8Array(rowBytes * rows);
  for (let r = 0; r < rows; r += 1) {
    const filter = data[r * (rowBytes + 1)] ?? 0;
    const src = r * (rowBytes + 1) + 1;
    const o = r * rowBytes;
    for (let i = 0; i < rowBytes; i += 1) {
      const x = data[src + i] ?? 0;
      const a = i >= bpp ? (out[o + i - bpp] as number) : 0;
      const b = r > 0 ? (out[o - rowBytes + i] as number) : 0;
      const c = r > 0 && i >= bpp ? (out[o - rowBytes + i - bpp] as number) : 0;
      let v = x;
      if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      out[o + i] = v & 255;
    }
  }
  return out;
}

async function decodeImage(doc: PDFDocument, img: PageImage, maxPixels: number, page: number): Promise<GreyImage> {
  const { stream, width, height } = img;
  if (width * height > maxPixels)
    throw new ScanInputError('too-large', `page image ${width}×${height} exceeds the pixel limit`, undefined, page);
  if (width < 1 || height < 1) throw new ScanInputError('corrupt-file', 'page image has no size', undefined, page);
  const filters = names(stream.dict.get(PDFName.of('Filter')), doc);
  const last = filters[filters.length - 1];
  if (last === 'DCTDecode' || last === 'DCT') {
    if (filters.length > 1)
      throw new ScanInputError('unsupported-format', `image filters ${filters.join(', ')}`, undefined, page);
    try {
      return await decodeWithSharp(stream.contents, maxPixels);
    } catch (err) {
      throw sharpError(err, 'page JPEG', page);
    }
  }
  if (filters.some((f) => f !== 'FlateDecode' && f !== 'Fl'))
    throw new ScanInputError(
      'unsupported-format',
      `image filter ${filters.join(', ')} (only DCTDecode and FlateDecode)`,
      undefined,
      page,
    );
  const cs = colourSpace(doc, stream.dict);
  if (!cs) throw new ScanInputError('unsupported-format', 'image colour space', undefined, page);
  const bits = num(stream.dict, 'BitsPerComponent') ?? 1;
  if (bits !== 8 && bits !== 1) throw new ScanInputError('unsupported-format', `${bits}-bit image`, undefined, page);
  const rowBytes = Math.ceil((width * cs.n * bits) / 8);
  let data: Uint8Array = stream.contents;
  try {
    if (filters.length > 0) data = inflateSync(data, { maxOutputLength: (rowBytes + 1) * height + 1024 });
  } catch (err) {
    throw new ScanInputError(
      'corrupt-file',
      `page image could not be inflated: ${(err as Error).message}`,
      undefined,
      page,
    );
  }
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  const predictor = parms instanceof PDFDict ? (num(parms, 'Predictor') ?? 1) : 1;
  if (predictor >= 10) data = unpredict(data, rowBytes, Math.max(1, (cs.n * bits) >> 3), height);
  else if (predictor !== 1) throw new ScanInputError('unsupported-format', `predictor ${predictor}`, undefined, page);
  if (data.length < rowBytes * height)
    throw new ScanInputError('corrupt-file', 'page image data is short', undefined, page);
  if (bits === 1) {
    const decode = stream.dict.lookup(PDFName.of('Decode'));
    const inverted = decode instanceof PDFArray && (decode.get(0) as PDFNumber | undefined)?.asNumber?.() === 1;
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) {
        const bit = ((data[y * rowBytes + (x >> 3)] as number) >> (7 - (x & 7))) & 1;
        out[y * width + x] = bit === (inverted ? 0 : 1) ? 255 : 0;
      }
    return { data: out, width, height };
  }
  if (cs.palette) {
    const base = cs.base ?? 3;
    const expanded = new Uint8Array(width * height * base);
    for (let i = 0; i < width * height; i += 1)
      for (let k = 0; k < base; k += 1) expanded[i * base + k] = cs.palette[(data[i] as number) * base + k] ?? 0;
    return toGrey(expanded, width, height, base, base === 4);
  }
  return toGrey(data, width, height, cs.n, cs.cmyk);
}

/** Turn an image by the page's /Rotate (multiples of 90°), as a viewer would show it. */
async function rotated(image: GreyImage, angle: number): Promise<GreyImage> {
  const a = ((angle % 360) + 360) % 360;
  if (a === 0 || a % 90 !== 0) return image;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 1 } })
    .rotate(a)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/**
 * Load a PDF and count its pages (ScanInputError 'corrupt-file' when it does
 * not parse, its page tree is broken or it has no pages): pdf-lib parses
 * lazily, so a broken catalog only shows when the pages are counted. An
 * invalid object refuses the file (leniency would have pdf-lib log a line for
 * each one, and a hostile file holds millions).
 */
export async function loadPdf(file: Uint8Array): Promise<{ doc: PDFDocument; pageCount: number }> {
  let doc: PDFDocument;
  let pageCount: number;
  try {
    doc = await PDFDocument.load(file, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    pageCount = doc.getPageCount();
  } catch (err) {
    throw new ScanInputError('corrupt-file', `PDF does not parse: ${(err as Error).message}`);
  }
  if (pageCount === 0) throw new ScanInputError('corrupt-file', 'PDF has no pages');
  return { doc, pageCount };
}

/** Page `index` (0-based) of a loaded PDF as grey: its largest image, decoded and turned by /Rotate. */
export async function pdfPageImage(
  doc: PDFDocument,
  index: number,
  maxPixels: number,
  fileIndex: number,
): Promise<GreyImage> {
  const page = doc.getPage(index);
  const resRaw = page.node.getInheritableAttribute(PDFName.of('Resources'));
  const resources = resRaw instanceof PDFRef ? doc.context.lookup(resRaw) : resRaw;
  const img = largestImage(doc, resources instanceof PDFDict ? resources : undefined);
  if (!img)
    throw new ScanInputError('unsupported-format', 'PDF page holds no image (not a scan?)', undefined, fileIndex);
  return rotated(await decodeImage(doc, img, maxPixels, fileIndex), page.getRotation().angle);
}
