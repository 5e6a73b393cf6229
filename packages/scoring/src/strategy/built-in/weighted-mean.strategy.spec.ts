import { describe, expect, it } from 'vitest';
import { standingsOf } from '../../../test/fixtures.js';

const scale = (points: (number | null)[]) => points.map((p, i) => ({ code: `l${i}`, label: `L${i}`, points: p }));

describe('weighted-mean', () => {
  it.each([
    ['no-opinion left out', { satisfied: 1520, fairlySatisfied: 300, unknown: 37 }, false, 97.53, 1820],
    [
      'no-opinion in the denominator scores 0',
      { satisfied: 1520, fairlySatisfied: 300, unknown: 37 },
      true,
      95.58,
      1857,
    ],
    [
      'every level',
      { satisfied: 1, fairlySatisfied: 1, basicallySatisfied: 1, notVerySatisfied: 1, dissatisfied: 1 },
      false,
      70,
      5,
    ],
    ['a single vote', { dissatisfied: 1 }, false, 40, 1],
  ])('%s', async (_name, counts, unknownInDenominator, score, counted) => {
    const standing = (await standingsOf({ u: counts }, { unknownInDenominator })).get('u');
    expect(standing?.score).toBe(score);
    expect(standing?.counted).toBe(counted);
  });

  it('shows the arithmetic with the real figures', async () => {
    const standing = (await standingsOf({ u: { satisfied: 1520, fairlySatisfied: 300, unknown: 37 } })).get('u');
    expect(standing?.explanation.steps).toEqual([
      {
        label: { zh: '加权平均分', en: 'weighted mean' },
        expression: '(1520×100 + 300×85 + 0×70 + 0×55 + 0×40) ÷ 1820',
        value: '97.53',
        exact: false,
      },
    ]);
    expect(standing?.explanation.text.en).toContain('(1520×100 + 300×85 + 0×70 + 0×55 + 0×40) ÷ 1820 ≈ 97.53');
  });

  it('uses points exactly as written (85.5 is 171/2, 1.005 rounds up)', async () => {
    expect((await standingsOf({ u: { l0: 1, l1: 1 } }, { scale: scale([100, 85.5]), tiers: [] })).get('u')?.score).toBe(
      92.75,
    );
    expect((await standingsOf({ u: { l0: 1 } }, { scale: scale([1.005, 0]), tiers: [] })).get('u')?.score).toBe(1.01);
  });

  it('rounds negative scores half away from zero', async () => {
    expect((await standingsOf({ u: { l0: 1 } }, { scale: scale([-1.005, 1]), tiers: [] })).get('u')?.score).toBe(-1.01);
    expect(
      (await standingsOf({ u: { l0: 1, l1: 1 } }, { scale: scale([-3, 2]), tiers: [], decimals: 0 })).get('u')?.score,
    ).toBe(-1);
  });

  it('cannot score a unit without counted votes: invalid, with the reason', async () => {
    const standing = (await standingsOf({ u: { unknown: 12 } })).get('u');
    expect(standing).toMatchObject({ valid: false, score: null, rank: null, tier: null, ballots: 12, counted: 0 });
    expect(standing?.explanation.reason?.en).toBe('no counted votes, so no score');
  });
});
