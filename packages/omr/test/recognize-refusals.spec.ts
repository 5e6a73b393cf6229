import { describe, expect, it } from 'vitest';
import { distortRaster } from '../src/generator/distort.js';
import { blotRect } from '../src/generator/marks.js';
import { printedPageRaster } from '../src/generator/printed.js';
import { LABEL_RECT, MARK_CENTRES } from '../src/layout.js';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { SHAPE, appraisalScan, labelOf, shapeOf } from './helpers.js';

const DPI = 150;
const S = DPI / 25.4;

describe('recognizePage: pages refused or blank', () => {
  it('says a blank page is blank, even with scanner noise', async () => {
    const white = { data: new Uint8Array(1240 * 1754).fill(250), width: 1240, height: 1754 };
    expect(await recognizePage(await distortRaster(white, { dpi: DPI, noise: 6, blur: 0.5 }), shapeOf)).toEqual({
      kind: 'blank',
    });
  });

  it('refuses an image under 100 dpi', async () => {
    const small = await appraisalScan(1, [], { dpi: 50 });
    expect(await recognizePage(small, shapeOf)).toEqual({ kind: 'refused', reason: 'image-too-small' });
  });

  it("refuses another campaign's page, with its label", async () => {
    const out = await recognizePage(await appraisalScan(1, [], { dpi: DPI }), () => null);
    expect(out).toEqual({ kind: 'refused', reason: 'other-campaign', label: labelOf(1) });
  });

  it('refuses a label whose page is beyond the sheet its campaign prints', async () => {
    const out = await recognizePage(await appraisalScan(2, [], { dpi: DPI }), () => ({ unitCount: 30, levelCount: 6 }));
    expect(out).toMatchObject({ kind: 'refused', reason: 'other-campaign' });
  });

  it('refuses a QR code that is not a Pingyi label', async () => {
    const page = printedPageRaster(labelOf(1), SHAPE, DPI, { labelText: 'https://example.com/not-a-sheet' });
    expect(await recognizePage(page, shapeOf)).toEqual({ kind: 'refused', reason: 'not-a-pingyi-label' });
  });

  it('refuses a smudged label as unreadable', async () => {
    const page = blotRect(printedPageRaster(labelOf(1), SHAPE, DPI), S, LABEL_RECT, 0.5, 4);
    expect(await recognizePage(await distortRaster(page, { dpi: DPI, noise: 3 }), shapeOf)).toEqual({
      kind: 'refused',
      reason: 'unreadable-label',
    });
  });

  it('refuses a page without its registration squares', async () => {
    const page = printedPageRaster(labelOf(1), SHAPE, DPI);
    const data = new Uint8Array(page.data);
    const m = MARK_CENTRES[3];
    for (let y = Math.round((m.y - 5) * S); y < (m.y + 5) * S; y += 1)
      data.fill(255, y * page.width + Math.round((m.x - 5) * S), y * page.width + Math.round((m.x + 5) * S));
    expect(await recognizePage({ ...page, data }, shapeOf)).toEqual({
      kind: 'refused',
      reason: 'no-registration-marks',
    });
  });
});
