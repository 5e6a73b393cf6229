import { describe, expect, it } from 'vitest';
import { classifyRow, type BubbleMeasure } from '../src/recognize/classify.js';
import { createPrng } from '../src/generator/prng.js';
import { expectedReading } from '../src/generator/marks.js';

const empty: BubbleMeasure = { darkness: 0, ink: 0, edgeInk: 0, inkOffset: 0 };
const filled: BubbleMeasure = { darkness: 0.9, ink: 0.95, edgeInk: 0.9, inkOffset: 0.05 };
const tick: BubbleMeasure = { darkness: 0.2, ink: 0.2, edgeInk: 0.1, inkOffset: 0.5 };
const faint: BubbleMeasure = { darkness: 0.2, ink: 0, edgeInk: 0, inkOffset: 0 };
const sliver: BubbleMeasure = { darkness: 0.1, ink: 0.13, edgeInk: 0.3, inkOffset: 1.2 };

describe('classifyRow', () => {
  it.each([
    ['one fill', [empty, filled, empty], { kind: 'mark', level: 1 }],
    ['one tick', [tick, empty, empty], { kind: 'mark', level: 0 }],
    ['nothing', [empty, empty, empty], { kind: 'blank' }],
    ['two marks', [filled, empty, tick], { kind: 'review', reason: 'double', candidate: null }],
    ['a mark beside a smudge', [faint, empty, filled], { kind: 'review', reason: 'erasure', candidate: 2 }],
    ['faint only', [empty, faint, empty], { kind: 'review', reason: 'faint', candidate: 1 }],
    ['a sliver at the edge', [empty, empty, sliver], { kind: 'review', reason: 'faint', candidate: 2 }],
  ] as const)('%s', (_name, measures, reading) => {
    expect(classifyRow(measures)).toEqual(reading);
  });
});

describe('generator basics', () => {
  it('draws the same numbers from the same seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('says how each mark ought to read', () => {
    expect(expectedReading({ kind: 'fill', level: 2 })).toEqual({ kind: 'mark', level: 2 });
    expect(expectedReading({ kind: 'fill', level: 2, coverage: 0.1 })).toEqual({ kind: 'doubtful' });
    expect(expectedReading({ kind: 'fill', level: 2, ink: 'faint' })).toEqual({ kind: 'doubtful' });
    expect(expectedReading({ kind: 'cross', level: 1 })).toEqual({ kind: 'mark', level: 1 });
    expect(expectedReading({ kind: 'double', levels: [0, 1] })).toEqual({ kind: 'doubtful' });
    expect(expectedReading({ kind: 'erased', erasedLevel: 0, level: 1 })).toEqual({ kind: 'doubtful' });
    expect(expectedReading({ kind: 'stray', level: null })).toEqual({ kind: 'blank' });
    expect(expectedReading({ kind: 'blank' })).toEqual({ kind: 'blank' });
  });
});
