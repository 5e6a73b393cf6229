import { describe, expect, it } from 'vitest';
import { bottomTierCodes, consecutiveBottomUnits, type TieredResults } from './consecutive-bottom.js';

const strategy = { code: 'weighted-mean', args: {} };
const scoreTiers = [
  { code: 'good', label: '好', min: 85 },
  { code: 'poor', label: '差', min: null },
];
const byPlace = {
  tiers: scoreTiers,
  rankTiers: [
    { code: 'top', label: '优秀', top: 3 },
    { code: 'general', label: '一般', bottom: 3 },
  ],
  strategy,
};
const results = (policy: TieredResults['policy'], tiers: Record<string, string | null>): TieredResults => ({
  policy,
  standings: Object.entries(tiers).map(([unit, tier]) => ({ unit, tier })),
});

describe('bottomTierCodes', () => {
  it.each<[string, TieredResults['policy'], string[]]>([
    ['bottom rank tiers first', byPlace, ['general']],
    ['else the last score tier', { tiers: scoreTiers, strategy }, ['poor']],
    ['one score tier is no bottom', { tiers: [scoreTiers[0]!], strategy }, []],
    [
      'else the last tier a strategy decides',
      { tiers: [], strategy: { code: 'majority', args: { tiers: ['s', 'b', 'd'] } } },
      ['d'],
    ],
    // majority ignores tiers and rank tiers (CONTRACTS.md §1): its own last tier is the bottom even when the policy lists others
    [
      'a deciding strategy before score and rank tiers',
      { ...byPlace, strategy: { code: 'majority', args: { tiers: ['s', 'b', 'd'] } } },
      ['d'],
    ],
    ['nothing', { tiers: [], strategy }, []],
  ])('%s', (_name, policy, codes) => expect(bottomTierCodes(policy)).toEqual(codes));
});

describe('consecutiveBottomUnits', () => {
  it('marks units in the bottom tier both years, each year read with its own policy', () => {
    const previous = results({ tiers: scoreTiers, strategy }, { a: 'poor', b: 'poor', c: 'good', d: null });
    const current = results(byPlace, { a: 'general', b: 'top', c: 'general', d: 'general', e: 'general' });
    expect(consecutiveBottomUnits(current, previous)).toEqual(['a']);
  });

  it('marks nothing without a previous campaign', () => {
    expect(consecutiveBottomUnits(results(byPlace, { a: 'general' }), null)).toEqual([]);
  });
});
