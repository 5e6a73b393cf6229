import { describe, expect, it } from 'vitest';
import { standingsOf, TIERS } from '../../../test/fixtures.js';

const majority = (electorate: number) => ({
  strategy: {
    code: 'majority',
    args: {
      electorate,
      satisfiedLevels: ['satisfied'],
      acceptableLevels: ['satisfied', 'fairlySatisfied'],
      tiers: ['good', 'fair', 'poor'],
    },
  },
  tiers: TIERS, // ignored: majority decides tiers
});

describe('majority', () => {
  it.each([
    ['a satisfied majority', { satisfied: 51, dissatisfied: 49 }, 100, 51, 'good'],
    [
      'exactly half satisfied fails, acceptable majority',
      { satisfied: 50, fairlySatisfied: 1, dissatisfied: 49 },
      100,
      50,
      'fair',
    ],
    ['exactly half acceptable fails', { satisfied: 30, fairlySatisfied: 20, dissatisfied: 50 }, 100, 30, 'poor'],
    ['absent evaluators count against', { satisfied: 40 }, 100, 40, 'poor'],
    ['odd electorate: 2 of 3 is a majority', { satisfied: 2 }, 3, 66.67, 'good'],
    ['odd electorate: 1 of 3 is not', { satisfied: 1, fairlySatisfied: 1 }, 3, 33.33, 'fair'],
  ])('%s', async (_name, counts, electorate, score, tier) => {
    const standing = (await standingsOf({ u: counts }, majority(electorate))).get('u');
    expect(standing?.score).toBe(score);
    expect(standing?.tier).toBe(tier);
  });

  it('ignores policy.tiers (85 would be 满意 there)', async () => {
    const standing = (await standingsOf({ u: { satisfied: 90, dissatisfied: 10 } }, majority(100))).get('u');
    expect(standing?.tier).toBe('good');
    expect(standing?.explanation.text.en).toContain('decided by Majority of the electorate');
    expect(standing?.explanation.text.zh).toContain('由“过半数评定”规则判定');
  });

  it('refuses more ballots than the electorate, naming strategy and unit', async () => {
    await expect(standingsOf({ 'traffic-police': { satisfied: 101 } }, majority(100))).rejects.toMatchObject({
      code: 'STRATEGY_FAILED',
      message: expect.stringMatching(
        /"majority" failed for unit "traffic-police": 101 ballots rate this unit but the electorate is only 100/,
      ),
      details: { strategy: 'majority', unit: 'traffic-police', cause: 'ELECTORATE_EXCEEDED' },
    });
  });
});
