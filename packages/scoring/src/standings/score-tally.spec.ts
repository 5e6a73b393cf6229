import { SEED_RATING_SCALE } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { policy, policyJson, standingsOf, tally, thrown } from '../../test/fixtures.js';
import { parsePolicy } from '../policy/parse-policy.js';
import { Rational } from '../rational/rational.js';
import { createStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import { defineScoringStrategy, type StrategyOutcome } from '../strategy/scoring-strategy.js';
import { Tally } from '../tally/tally.js';
import { scoreTally } from './score-tally.js';

// Scores chosen per unit through a plugin strategy that reads them from the unit code.
function withScores(scores: Record<string, number>, overrides: Record<string, unknown> = {}) {
  const fixed = defineScoringStrategy({
    code: 'test/fixed',
    label: 'fixed',
    description: 'the score named in the test',
    args: {},
    score: (unit) => scores[unit.unit] ?? null,
  });
  const registry = createStrategyRegistry([fixed]);
  const shape = parsePolicy(policyJson({ strategy: { code: 'test/fixed' }, ...overrides }), registry);
  const counts = Object.fromEntries(Object.keys(scores).map((unit) => [unit, { satisfied: 1 }]));
  return scoreTally(tally(counts, shape), shape, registry).standings;
}

describe('scoreTally: ranking', () => {
  it('ranks by rounded score; ties share a rank and the next skips (1, 2, 2, 4)', () => {
    const standings = withScores({ d: 70, c: 90, b: 90, a: 95, e: 60 });
    expect(standings.map((s) => [s.unit, s.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['e', 5],
    ]);
  });

  it('ties on the ROUNDED score (90.004 and 89.996 are both 90.00)', () => {
    const standings = withScores({ x: 90.004, y: 89.996, z: 89.994 });
    expect(standings.map((s) => [s.unit, s.score, s.rank])).toEqual([
      ['x', 90, 1],
      ['y', 90, 1],
      ['z', 89.99, 3],
    ]);
    expect(standings[0]?.explanation.text.en).toContain('2 share this score');
  });

  it('orders equal scores by plain code-unit comparison (uppercase before lowercase)', () => {
    expect(withScores({ b: 1, B: 1, a: 1 }).map((s) => s.unit)).toEqual(['B', 'a', 'b']);
  });

  it('puts invalid units last, by code', () => {
    const counts = { zz: { satisfied: 3 }, aa: { unknown: 3 }, mm: { satisfied: 1 } };
    const shape = policy({ minCounted: 2 });
    const ordered = scoreTally(tally(counts, shape), shape).standings;
    expect(ordered.map((s) => [s.unit, s.valid, s.rank])).toEqual([
      ['zz', true, 1],
      ['aa', false, null],
      ['mm', false, null],
    ]);
  });

  it('explains the rank', () => {
    const standings = withScores({ a: 95, b: 90, c: 80 });
    expect(standings[2]?.explanation.text.zh).toContain('排名第 3（2 个单位得分更高）');
    expect(standings[1]?.explanation.text.en).toContain('Rank 2 (1 unit scored higher)');
    expect(standings[0]?.explanation.text.en).toContain('Rank 1.');
  });
});

describe('scoreTally: tiers', () => {
  it.each([
    [85, 'satisfied'],
    [84.995, 'satisfied'], // rounds to 85.00: the bound belongs to the tier
    [84.994, 'basicallySatisfied'],
    [60, 'basicallySatisfied'],
    [59.99, 'dissatisfied'],
    [-5, 'dissatisfied'],
  ])('score %s → %s', (score, tier) => {
    expect(withScores({ u: score })[0]?.tier).toBe(tier);
  });

  it('takes the first matching tier in the listed order', () => {
    const tiers = [
      { code: 'any', min: null },
      { code: 'high', min: 90 },
    ];
    expect(withScores({ u: 99 }, { tiers })[0]?.tier).toBe('any');
  });

  it('gives no tier when none matches, and says so', () => {
    const standing = withScores({ u: 10 }, { tiers: [{ code: 'high', min: 90 }] })[0];
    expect(standing?.tier).toBeNull();
    expect(standing?.explanation.text.en).toContain('No tier');
  });

  it('explains the tier bound', () => {
    expect(withScores({ u: 85 })[0]?.explanation.text.zh).toContain('等次：满意（85.00 ≥ 85）');
  });
});

describe('scoreTally: counted, rates, minCounted', () => {
  it('rates are 100 × count ÷ counted, rounded half-up exactly', async () => {
    const standing = (await standingsOf({ u: { satisfied: 201, dissatisfied: 19799, unknown: 5 } })).get('u');
    expect(standing?.rates).toEqual({
      satisfied: 1.01,
      fairlySatisfied: 0,
      basicallySatisfied: 0,
      notVerySatisfied: 0,
      dissatisfied: 99,
    }); // 98.995 → 99
  });

  it('includes no-opinion levels in rates only when they are counted', async () => {
    const standing = (await standingsOf({ u: { satisfied: 3, unknown: 1 } }, { unknownInDenominator: true })).get('u');
    expect(standing?.rates).toMatchObject({ satisfied: 75, unknown: 25 });
    expect(standing).toMatchObject({ ballots: 4, counted: 4 });
  });

  it('rates are all 0 when nothing is counted', async () => {
    const standing = (await standingsOf({ u: { unknown: 2 } })).get('u');
    expect(Object.values(standing?.rates ?? {})).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    [9, false],
    [10, true],
  ])('minCounted 10 with %i counted → valid %s', async (counted, valid) => {
    const standing = (await standingsOf({ u: { satisfied: counted, unknown: 50 } }, { minCounted: 10 })).get('u');
    expect(standing?.valid).toBe(valid);
    expect(standing?.score).toBe(valid ? 100 : null);
    if (!valid) expect(standing?.explanation.text.zh).toContain('有效票 9 张，少于最低要求 10 张');
  });

  it('minCounted counts no-opinion votes when they are in the denominator', async () => {
    expect(
      (await standingsOf({ u: { satisfied: 5, unknown: 5 } }, { minCounted: 10, unknownInDenominator: true })).get('u')
        ?.valid,
    ).toBe(true);
  });

  it('rounds to 0 places half-up', async () => {
    expect((await standingsOf({ u: { satisfied: 1, fairlySatisfied: 1 } }, { decimals: 0 })).get('u')?.score).toBe(93); // 92.5
  });

  it('serializes only rounded numbers', () => {
    const standings = withScores({ a: 1 / 3, b: 2.675, c: 1.005 }, { decimals: 2 });
    const json = JSON.stringify(standings.map(({ explanation: _e, ...rest }) => rest));
    expect(json).not.toMatch(/\d\.\d{3,}/);
    expect(standings.map((s) => s.score)).toEqual([2.68, 1.01, 0.33]);
  });
});

describe('scoreTally: fitting the policy', () => {
  it('accepts raw policy JSON and applies defaults', () => {
    const shape = policy();
    expect(scoreTally(tally({ u: { satisfied: 1 } }, shape), policyJson() as never).standings[0]?.score).toBe(100);
  });

  it('refuses a tally with other levels', () => {
    const other = Tally.fromRows([{ unit: 'u', level: 'yes', count: 1 }], {
      scale: [{ code: 'yes', label: 'yes', points: 1 }],
    });
    const error = thrown(() => scoreTally(other, policy()));
    expect(error).toMatchObject({ code: 'INVALID_TALLY', path: 'scale' });
  });

  it('refuses a tally without groups when the policy lists them', () => {
    const shape = policy({ groups: [{ code: 'residents' }] });
    const ungrouped = Tally.fromRows([{ unit: 'u', level: 'satisfied', count: 1 }], { scale: SEED_RATING_SCALE });
    expect(thrown(() => scoreTally(ungrouped, shape)).message).toMatch(/no evaluator groups but the policy lists them/);
  });

  it('refuses a tally group the policy does not list', () => {
    const shape = policy({ groups: [{ code: 'residents' }] });
    const grouped = Tally.fromRows([{ unit: 'u', group: 'aliens', level: 'satisfied', count: 1 }], {
      scale: SEED_RATING_SCALE,
    });
    expect(thrown(() => scoreTally(grouped, shape)).message).toMatch(
      /group "aliens" of the tally is not an evaluator group/,
    );
  });

  it('scores an empty tally to no standings', () => {
    const shape = policy();
    expect(scoreTally(Tally.fromRows([], shape), shape).standings).toEqual([]);
  });
});

describe('scoreTally: a failing strategy is an error, never a ranking', () => {
  const run = (
    score: () => StrategyOutcome,
    extra: { range?: { min: number; max: number }; decidesTiers?: boolean } = {},
  ) => {
    const strategy = defineScoringStrategy({
      code: 'test/bad',
      label: 'bad',
      description: 'bad',
      args: {},
      ...extra,
      score,
    });
    const registry = createStrategyRegistry([strategy]);
    const shape = parsePolicy(policyJson({ strategy: { code: 'test/bad' } }), registry);
    return () => scoreTally(tally({ 'legal-affairs': { satisfied: 1 } }, shape), shape, registry);
  };

  it.each<[string, () => StrategyOutcome, Parameters<typeof run>[1], RegExp]>([
    [
      'throws',
      () => {
        throw new Error('boom');
      },
      {},
      /boom/,
    ],
    ['returns NaN', () => Number.NaN, {}, /returned NaN, not a finite number/],
    ['returns Infinity in an object', () => ({ score: Number.POSITIVE_INFINITY }), {}, /not a finite number/],
    ['returns a string', () => '90' as never, {}, /returned the string "90", not a score/],
    ['returns undefined', () => undefined as never, {}, /returned nothing, not a score/],
    ['returns a string score', () => ({ score: '90' }) as never, {}, /as its score, not a number/],
    [
      'leaves its range',
      () => 101,
      { range: { min: 0, max: 100 } },
      /returned 101.00, outside its declared range 0..100/,
    ],
    ['returns a tier without declaring it', () => ({ score: 1, tier: 'x' }), {}, /does not declare decidesTiers/],
    ['decides tiers but gives none', () => 1, { decidesTiers: true }, /returned no tier/],
    ['returns bad steps', () => ({ score: 1, steps: [{ label: 'x' }] }) as never, {}, /malformed explanation steps/],
  ])('%s → STRATEGY_FAILED naming strategy and unit', (_name, score, extra, message) => {
    const error = thrown(run(score, extra));
    expect(error.code).toBe('STRATEGY_FAILED');
    expect(error.message).toMatch(/scoring strategy "test\/bad" failed for unit "legal-affairs"/);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ strategy: 'test/bad', unit: 'legal-affairs' });
  });

  it('accepts a plain number, exactly from its shortest decimal text', () => {
    expect(run(() => 92.345)().standings[0]?.score).toBe(92.35);
    expect(run(() => Rational.of(201, 200))().standings[0]?.score).toBe(1.01);
  });

  it('accepts null with a plain-string reason', () => {
    const standing = run(() => ({ score: null, reason: 'not today' }))().standings[0];
    expect(standing?.valid).toBe(false);
    expect(standing?.explanation.reason).toEqual({ zh: 'not today', en: 'not today' });
  });
});
