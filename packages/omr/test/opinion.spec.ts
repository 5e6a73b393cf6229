import { describe, expect, it } from 'vitest';
import { cropPng } from '../src/recognize/crop.js';
import { recognizePage } from '../src/recognize/recognize-page.js';
import { opinionFormLayout } from '../src/layout.js';
import sharp from 'sharp';
import { labelOf, opinionScan } from './helpers.js';

describe('recognizePage: opinion forms', () => {
  it('finds the boxes that hold writing, upside down too', async () => {
    const shape = { unitCount: 12, levelCount: 6 };
    for (const upsideDown of [false, true]) {
      const out = await recognizePage(await opinionScan([0, 2, 5], { skewDeg: 2, noise: 5, upsideDown }), () => shape);
      if (out.kind !== 'opinion') throw new Error(`refused: ${JSON.stringify(out)}`);
      expect(out.label).toEqual(labelOf(1, 'O'));
      expect(out.upsideDown).toBe(upsideDown);
      expect(out.writtenBoxes).toEqual([0, 2, 5]);
      if (!upsideDown) {
        const rect = opinionFormLayout(12)[0]!.boxes[2]!.writingRect;
        const png = await cropPng(out.page, rect, 4);
        const meta = await sharp(png).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual([
          'png',
          Math.round(rect.width * 4),
          Math.round(rect.height * 4),
        ]);
      }
    }
  });
});
