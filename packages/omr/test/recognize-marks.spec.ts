import { describe, expect, it } from 'vitest';
import { recognizePage } from '../src/recognize/recognize-page.js';
import type { MarkSpec } from '../src/generator/marks.js';
import { appraisalScan, labelOf, shapeOf } from './helpers.js';
import { ALL_KINDS, misreadings, pageMarks } from './fixtures.js';

describe('recognizePage: marks', () => {
  it('reads every kind of mark as it should, on a lightly skewed noisy scan', async () => {
    const marks = pageMarks();
    const out = await recognizePage(
      await appraisalScan(1, marks, { skewDeg: 1.5, noise: 5, blur: 0.7, offsetMm: { x: 1, y: -2 } }),
      shapeOf,
    );
    if (out.kind !== 'appraisal') throw new Error(`refused: ${JSON.stringify(out)}`);
    expect(out.label).toEqual(labelOf(1));
    expect(out.upsideDown).toBe(false);
    expect(out.rows).toHaveLength(60);
    expect(out.rows[0]?.unitIndex).toBe(0);
    expect(misreadings(out.rows, marks)).toEqual([]);
    const reason = (i: number): unknown => {
      const r = out.rows[i]?.reading;
      return r?.kind === 'review' ? r.reason : r?.kind;
    };
    const at = (kind: string): number => ALL_KINDS.findIndex((m) => JSON.stringify(m).includes(kind));
    expect(reason(at('"double"'))).toBe('double');
    expect(reason(at('"faint"'))).toBe('faint');
    expect(reason(at('"erasedLevel":2'))).toBe('erasure');
    const fills = out.rows[0]!.fills;
    expect(fills[0]).toBeGreaterThan(0.7);
    expect(Math.max(...fills.slice(1))).toBeLessThan(0.05);
  });

  it('reads page 2 (20 units, left block only) with its unit indexes', async () => {
    const marks = pageMarks(3).slice(0, 20);
    const out = await recognizePage(await appraisalScan(2, marks, { dpi: 150, noise: 4 }), shapeOf);
    if (out.kind !== 'appraisal') throw new Error(`refused: ${JSON.stringify(out)}`);
    expect(out.rows.map((r) => r.unitIndex)).toEqual(Array.from({ length: 20 }, (_, i) => 60 + i));
    expect(misreadings(out.rows, marks)).toEqual([]);
  });

  it("sends a pen sliver along a bubble's outline (6 % of it) to review, never reads it as blank", async () => {
    // the 2,000-sheet bench once read three of these as blank rows: their ink lay past the measured disk
    const marks: MarkSpec[] = Array.from({ length: 60 }, (_, i) => ({
      kind: 'fill',
      level: i % 6,
      ink: 'pen',
      coverage: 0.06,
    }));
    for (const dpi of [150, 200, 300]) {
      const out = await recognizePage(await appraisalScan(1, marks, { dpi, noise: 4, blur: 0.5 }, dpi), shapeOf);
      if (out.kind !== 'appraisal') throw new Error(`refused: ${JSON.stringify(out)}`);
      expect(out.rows.filter((r) => r.reading.kind !== 'review').map((r) => [dpi, r.unitIndex])).toEqual([]);
    }
  });
});
