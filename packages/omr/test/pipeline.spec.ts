import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { encodeGrey } from '../src/generator/distort.js';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { readScanPages } from '../src/scan-input/read-scan-pages.js';
import { appraisalScan, shapeOf } from './helpers.js';
import { misreadings, pageMarks } from './fixtures.js';

describe('a scanner PDF of a two-page sheet, end to end', () => {
  it('reads both pages, the second fed upside down', async () => {
    const marks1 = pageMarks(1);
    const marks2 = pageMarks(7).slice(0, 20);
    const doc = await PDFDocument.create();
    for (const [page, marks, upsideDown] of [
      [1, marks1, false],
      [2, marks2, true],
    ] as const) {
      const scan = await appraisalScan(page, marks, { dpi: 150, skewDeg: 0.8, noise: 4, upsideDown });
      const jpeg = await doc.embedJpg(await encodeGrey(scan, 75));
      doc.addPage([595, 842]).drawImage(jpeg, { x: 0, y: 0, width: 595, height: 842 });
    }
    const results = [];
    for await (const p of readScanPages(await doc.save(), 'sheets.pdf')) {
      if (!('image' in p)) throw p.error;
      results.push(await recognizePage(p.image, shapeOf));
    }
    const [one, two] = results;
    if (one?.kind !== 'appraisal' || two?.kind !== 'appraisal') throw new Error('not read');
    expect([one.label.page, one.upsideDown, two.label.page, two.upsideDown]).toEqual([1, false, 2, true]);
    expect(misreadings(one.rows, marks1)).toEqual([]);
    expect(misreadings(two.rows, marks2)).toEqual([]);
  });
});
