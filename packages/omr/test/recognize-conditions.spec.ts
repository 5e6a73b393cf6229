import { describe, expect, it } from 'vitest';
import { encodeGrey, type ScanDistortion } from '../src/generator/distort.js';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { readScanPages } from '../src/scan-input/read-scan-pages.js';
import type { GreyImage } from '../src/recognize/types.js';
import { appraisalScan, shapeOf } from './helpers.js';
import { misreadings, pageMarks } from './fixtures.js';

const CASES: [string, ScanDistortion][] = [
  ['150 dpi', { dpi: 150, noise: 5, blur: 0.6 }],
  ['300 dpi', { dpi: 300, noise: 6, blur: 1 }],
  ['skew +5°', { dpi: 200, skewDeg: 5, noise: 4 }],
  ['skew −5°, shifted', { dpi: 150, skewDeg: -5, offsetMm: { x: -3, y: 4 } }],
  ['upside down', { dpi: 150, upsideDown: true, skewDeg: 1, noise: 4 }],
  ['scaled 97%, dim and flat', { dpi: 200, scale: 0.97, brightness: -25, contrast: 0.8, noise: 5 }],
  ['JPEG q60 at 150 dpi', { dpi: 150, jpegQuality: 60, noise: 4, blur: 0.5 }],
];

async function decoded(image: GreyImage, d: ScanDistortion): Promise<GreyImage> {
  if (!d.jpegQuality) return image;
  for await (const page of readScanPages(await encodeGrey(image, d.jpegQuality), 'scan.jpg'))
    if ('image' in page) return page.image;
  throw new Error('no page');
}

describe('recognizePage: scan conditions', () => {
  it.each(CASES)('%s', async (_name, d) => {
    const marks = pageMarks(_name.length);
    const out = await recognizePage(await decoded(await appraisalScan(1, marks, d, _name.length), d), shapeOf);
    if (out.kind !== 'appraisal') throw new Error(`refused: ${JSON.stringify(out)}`);
    expect(out.upsideDown).toBe(Boolean(d.upsideDown));
    expect(misreadings(out.rows, marks)).toEqual([]);
  });
});
