import { describe, expect, it } from 'vitest';
import { standingsOf } from '../../../test/fixtures.js';

const strategy = (levels: string[]) => ({ strategy: { code: 'satisfaction-rate', args: { levels } } });

describe('satisfaction-rate', () => {
  it.each([
    ['201 of 20000 is exactly 1.005 → 1.01', { satisfied: 201, dissatisfied: 19799 }, ['satisfied'], {}, 1.01],
    ['two levels', { satisfied: 6, fairlySatisfied: 2, dissatisfied: 2 }, ['satisfied', 'fairlySatisfied'], {}, 80],
    ['no-opinion not counted', { satisfied: 1, dissatisfied: 2, unknown: 7 }, ['satisfied'], {}, 33.33],
    [
      'no-opinion counted',
      { satisfied: 1, dissatisfied: 2, unknown: 7 },
      ['satisfied'],
      { unknownInDenominator: true },
      10,
    ],
    ['all satisfied', { satisfied: 9 }, ['satisfied'], {}, 100],
    ['none satisfied', { dissatisfied: 9 }, ['satisfied'], {}, 0],
  ])('%s', async (_name, counts, levels, extra, score) => {
    expect((await standingsOf({ u: counts }, { ...strategy(levels), ...extra })).get('u')?.score).toBe(score);
  });

  it('may count a no-opinion level as satisfied only when it is in the denominator', async () => {
    const standing = (
      await standingsOf(
        { u: { unknown: 1, dissatisfied: 3 } },
        { ...strategy(['unknown']), unknownInDenominator: true },
      )
    ).get('u');
    expect(standing?.score).toBe(25);
  });

  it('explains with the counts of the satisfied levels', async () => {
    const standing = (
      await standingsOf(
        { u: { satisfied: 6, fairlySatisfied: 2, dissatisfied: 2 } },
        strategy(['satisfied', 'fairlySatisfied']),
      )
    ).get('u');
    expect(standing?.explanation.steps[0]).toMatchObject({
      expression: '100 × (6 + 2) ÷ 10',
      value: '80',
      exact: true,
    });
  });

  it('cannot score a unit without counted votes', async () => {
    expect((await standingsOf({ u: { unknown: 3 } }, strategy(['satisfied']))).get('u')?.valid).toBe(false);
  });
});
