import { describe, expect, it } from 'vitest';
import { standingsOf } from '../../../test/fixtures.js';

const trimmed = (trim: number, extra: Record<string, unknown> = {}) => ({
  strategy: { code: 'trimmed-mean', args: { trim } },
  ...extra,
});

describe('trimmed-mean', () => {
  it.each<[string, Record<string, number>, number, number, Record<string, unknown>?]>([
    ['trim 0 is the plain mean of the point votes', { satisfied: 1, dissatisfied: 1, unknown: 9 }, 0, 70],
    [
      'no-opinion never counts, even in the denominator',
      { satisfied: 1, dissatisfied: 1, unknown: 9 },
      0,
      70,
      { unknownInDenominator: true },
    ],
    ['k = ⌊0.1 × 1860⌋ = 186 from each end', { satisfied: 1540, fairlySatisfied: 300, dissatisfied: 20 }, 0.1, 98.65],
    ['dropping crosses levels', { satisfied: 2, basicallySatisfied: 6, dissatisfied: 2 }, 0.3, 70],
    ['one vote, k = 0', { fairlySatisfied: 1 }, 0.49, 85],
    ['three votes, k = 1 leaves the middle one', { satisfied: 1, basicallySatisfied: 1, dissatisfied: 1 }, 0.34, 70],
    ['two votes, trim 0.49: k = 0', { satisfied: 1, dissatisfied: 1 }, 0.49, 70],
    // In floating point 0.29 × 100 = 28.999999999999996; exactly it is 29.
    ['k computed exactly', { satisfied: 29, basicallySatisfied: 42, dissatisfied: 29 }, 0.29, 70],
  ])('%s', async (_name, counts, trim, score, extra = {}) => {
    expect((await standingsOf({ u: counts }, trimmed(trim, extra))).get('u')?.score).toBe(score);
  });

  it('explains k and the votes left', async () => {
    const standing = (
      await standingsOf({ u: { satisfied: 1540, fairlySatisfied: 300, dissatisfied: 20 } }, trimmed(0.1))
    ).get('u');
    expect(standing?.explanation.steps.map((step) => [step.expression, step.value])).toEqual([
      ['⌊0.1 × 1860⌋', '186'],
      ['(1354×100 + 134×85) ÷ 1488', '98.65'],
    ]);
  });

  it('cannot score a unit with no votes on levels with points (n − 2k would be 0)', async () => {
    const standing = (await standingsOf({ u: { unknown: 5 } }, trimmed(0.2, { unknownInDenominator: true }))).get('u');
    expect(standing).toMatchObject({ valid: false, counted: 5 });
    expect(standing?.explanation.reason?.en).toMatch(/no votes on levels with points/);
  });
});
