import { deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ScanInputError } from '../src/scan-input/errors.js';
import { readScanPages, type ScanPage } from '../src/scan-input/read-scan-pages.js';
import { crc32, makeZip } from './helpers.js';

const W = 120;
const H = 90;
/** A grey test picture: left half black, right half white. */
const grey = (): Uint8Array => Uint8Array.from({ length: W * H }, (_, i) => (i % W < W / 2 ? 0 : 255));
const encode = async (kind: 'png' | 'jpeg' | 'rgb-jpeg'): Promise<Uint8Array> => {
  const img = sharp(grey(), { raw: { width: W, height: H, channels: 1 } });
  const buf =
    kind === 'png'
      ? await img.png().toBuffer()
      : kind === 'jpeg'
        ? await img.jpeg().toBuffer()
        : await img.toColourspace('srgb').jpeg().toBuffer();
  return new Uint8Array(buf);
};

async function all(file: Uint8Array, name = 'scan', limits = {}): Promise<ScanPage[]> {
  const out: ScanPage[] = [];
  for await (const p of readScanPages(file, name, limits)) out.push(p);
  return out;
}

async function failure(file: Uint8Array, limits = {}): Promise<ScanInputError> {
  try {
    await all(file, 'scan', limits);
  } catch (err) {
    if (err instanceof ScanInputError) return err;
    throw err;
  }
  throw new Error('no error');
}

function looksRight(p: ScanPage | undefined, w = W, h = H): void {
  if (!p || !('image' in p)) throw new Error(`not an image: ${JSON.stringify(p)}`);
  expect([p.image.width, p.image.height]).toEqual([w, h]);
  expect(p.image.data.length).toBe(w * h);
  expect(p.image.data[Math.floor(h / 2) * w + 5]).toBeLessThan(40);
  expect(p.image.data[Math.floor(h / 2) * w + w - 5]).toBeGreaterThan(215);
}

/** A PDF whose pages each hold one image XObject, as scanners write them. */
async function scannerPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const jpeg of [await encode('jpeg'), await encode('rgb-jpeg')]) {
    const img = await doc.embedJpg(jpeg);
    doc.addPage([W, H]).drawImage(img, { x: 0, y: 0, width: W, height: H });
  }
  const raw = (bits: 8 | 1, rgb = false): Uint8Array => {
    if (bits === 8) return rgb ? Uint8Array.from([...grey()].flatMap((v) => [v, v, v])) : grey();
    const row = Math.ceil(W / 8);
    const out = new Uint8Array(row * H);
    grey().forEach((v, i) => {
      if (v) out[Math.floor(i / W) * row + ((i % W) >> 3)]! |= 0x80 >> ((i % W) & 7);
    });
    return out;
  };
  for (const [bits, rgb] of [
    [8, false],
    [1, false],
    [8, true],
  ] as const) {
    const stream = doc.context.flateStream(raw(bits, rgb), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: W,
      Height: H,
      ColorSpace: rgb ? 'DeviceRGB' : 'DeviceGray',
      BitsPerComponent: bits,
    });
    const page = doc.addPage([W, H]);
    page.node.setXObject(PDFName.of('Im0'), doc.context.register(stream));
  }
  doc.addPage([W, H]); // a page without an image
  return doc.save();
}

describe('readScanPages', () => {
  it('reads PNG and JPEG files by their magic bytes, whatever the name', async () => {
    looksRight((await all(await encode('png'), 'scan.jpg'))[0]);
    looksRight((await all(await encode('rgb-jpeg'), 'scan.png'))[0]);
  });

  it('reads a scanner PDF: JPEG pages, Flate grey, 1-bit and RGB pages; a page with no image is an error item', async () => {
    const pages = await all(await scannerPdf(), 'scan.pdf');
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const p of pages.slice(0, 5)) looksRight(p);
    const last = pages[5]!;
    expect('error' in last && last.error.code).toBe('unsupported-format');
  });

  it('reads every page of a multi-page TIFF', async () => {
    const png = Buffer.from(await encode('png'));
    const tiff = await sharp([png, png, png], { join: { animated: true } })
      .tiff()
      .toBuffer();
    const pages = await all(new Uint8Array(tiff));
    expect(pages).toHaveLength(3);
    for (const p of pages) looksRight(p);
  });

  it('reads a ZIP in name order, skipping directories and __MACOSX, counting pages over entries', async () => {
    const pdf = await scannerPdf();
    const zip = makeZip([
      { name: 'b.jpg', data: await encode('jpeg') },
      { name: 'a/', data: new Uint8Array() },
      { name: '__MACOSX/._b.jpg', data: new Uint8Array([1, 2, 3]) },
      { name: 'a/1.png', data: await encode('png') },
      { name: 'c.pdf', data: pdf },
      { name: 'd.txt', data: new TextEncoder().encode('hello') },
    ]);
    const pages = await all(zip, 'scans.zip');
    expect(pages.map((p) => [p.index, p.entry])).toEqual([
      [0, 'a/1.png'],
      [1, 'b.jpg'],
      ...[2, 3, 4, 5, 6, 7].map((i) => [i, 'c.pdf']),
      [8, 'd.txt'],
    ]);
    looksRight(pages[0]);
    looksRight(pages[1]);
    expect('error' in pages[8]! && pages[8].error.code).toBe('unsupported-format');
  });

  it('refuses what is not a scan, a corrupt PDF and a truncated image', async () => {
    expect((await failure(new TextEncoder().encode('just text'))).code).toBe('unsupported-format');
    expect((await failure(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n%%EOF'))).code).toBe('corrupt-file');
    const pdf = await scannerPdf();
    expect((await failure(pdf.slice(0, 400))).code).toBe('corrupt-file');
    expect((await failure((await encode('png')).slice(0, 60))).code).toBe('corrupt-file');
    expect((await failure(makeZip([]).slice(0, 10))).code).toBe('corrupt-file');
  });

  it('reports a PDF broken anywhere (truncated, bytes overwritten, objects renamed) as a ScanInputError, never a crash', async () => {
    const pdf = await scannerPdf();
    const text = Buffer.from(pdf).toString('latin1');
    const variants: Uint8Array[] = [];
    for (let cut = 1; cut < 40; cut += 1) variants.push(pdf.slice(0, Math.floor((pdf.length * cut) / 40)));
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) as number;
    for (let k = 0; k < 150; k += 1) {
      const copy = pdf.slice();
      for (let j = 0; j < 8; j += 1) copy[next(copy.length)] = next(256);
      variants.push(copy);
    }
    for (const [from, to] of [
      ['/Root', '/Rooo'],
      ['/Pages', '/Pagez'],
      ['/Kids', '/Kidz'],
      ['/Type /Page\n', '/Type /Pagz\n'],
      ['/Resources', '/Resourcez'],
      ['/XObject', '/XObjecz'],
      ['/Width', '/Widtz'],
      ['/Length', '/Lengtz'],
      ['/Filter', '/Filtez'],
      ['/MediaBox', '/MediaBoz'],
      ['obj', 'obz'],
      ['R', '0'],
    ] as [string, string][])
      variants.push(new Uint8Array(Buffer.from(text.split(from).join(to), 'latin1')));
    for (const file of variants) {
      try {
        for (const page of await all(file, 'scan.pdf'))
          if ('error' in page) expect(page.error).toBeInstanceOf(ScanInputError);
      } catch (err) {
        if (!(err instanceof ScanInputError)) throw err;
        expect(['corrupt-file', 'unsupported-format']).toContain(err.code);
      }
    }
  });

  it('stops at the page and pixel limits', async () => {
    const err = await failure(await scannerPdf(), { maxPages: 3 });
    expect([err.code, err.detail]).toEqual(['too-many-pages', 'scan holds more than 3 pages']);
    expect((await failure(await encode('png'), { maxPixelsPerPage: 1000 })).code).toBe('too-large');
    const pdfPages = await all(await scannerPdf(), 'scan.pdf', { maxPixelsPerPage: 1000 });
    expect(
      pdfPages.every((p) => 'error' in p && p.error.code === (p.index === 5 ? 'unsupported-format' : 'too-large')),
    ).toBe(true);
    const zip = makeZip([
      { name: 'a.png', data: await encode('png') },
      { name: 'b.png', data: await encode('png') },
    ]);
    expect((await failure(zip, { maxPages: 1 })).code).toBe('too-many-pages');
    expect((await failure(zip, { maxZipEntries: 1 })).code).toBe('too-large');
  });

  it('stops a ZIP bomb as it inflates: per entry and in total', async () => {
    const zeros = new Uint8Array(3_000_000);
    const bomb = makeZip([
      { name: 'bomb.png', data: zeros, deflated: { raw: deflateRawSync(zeros), crc: crc32(zeros) } },
    ]);
    expect(bomb.length).toBeLessThan(10_000);
    const err = await failure(bomb, { maxZipEntryBytes: 1_000_000 });
    expect([err.code, err.entry]).toEqual(['too-large', 'bomb.png']);
    const png = await encode('png');
    const two = makeZip([
      { name: 'a.png', data: png },
      { name: 'b.png', data: png },
    ]);
    expect((await failure(two, { maxZipTotalBytes: png.length + 10 })).code).toBe('too-large');
  });
});
