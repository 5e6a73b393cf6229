import { describe, expect, it } from 'vitest';
import { policyJson, thrown } from '../../test/fixtures.js';
import { parsePolicy } from '../policy/parse-policy.js';
import { Rational } from '../rational/rational.js';
import { createStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import { defineScoringStrategy } from '../strategy/scoring-strategy.js';
import { Tally, type TallyRow } from '../tally/tally.js';
import { tallyFromCsv } from '../tally/tally-csv.js';
import { scoreTally } from './score-tally.js';
import type { Standing } from './standing.js';

// A plugin strategy that reads each unit's score from the test, so boundaries are exact.
const fixed = (scores: Record<string, number>) =>
  defineScoringStrategy({
    code: 'test/fixed',
    label: 'fixed',
    description: 'the score named in the test',
    args: {},
    score: (unit) => scores[unit.unit] ?? null,
  });

const TOP_BOTTOM = [
  { code: 'excellent', label: '优秀', top: 2 },
  { code: 'general', label: '一般', bottom: 2 },
];

/** Scores units given as `{ unit: [series, score] }` with the fixed plugin strategy. */
function rank(
  units: Record<string, [string | null, number | null]>,
  overrides: Record<string, unknown> = {},
): Standing[] {
  const scores = Object.fromEntries(
    Object.entries(units).flatMap(([unit, [, score]]) => (score === null ? [] : [[unit, score]])),
  );
  const registry = createStrategyRegistry([fixed(scores)]);
  const policy = parsePolicy(
    policyJson({ strategy: { code: 'test/fixed' }, rankWithin: 'series', rankTiers: TOP_BOTTOM, ...overrides }),
    registry,
  );
  const rows = Object.entries(units).map(([unit, [series]]): TallyRow => ({
    unit,
    level: 'satisfied',
    count: 1,
    ...(series ? { series } : {}),
  }));
  return [...scoreTally(Tally.fromRows(rows, policy), policy, registry).standings];
}
const summary = (standings: readonly Standing[]) =>
  standings.map((s) => [s.unit, s.series, s.rank, s.overallRank, s.tier]);

describe('rank tiers: ties at the boundaries', () => {
  it.each<[string, Record<string, number>, Record<string, [number, string]>]>([
    [
      'a tie across the top boundary gives all tied units the top tier',
      { a: 95, b: 90, c: 90, d: 80, e: 75, f: 70 },
      {
        a: [1, 'excellent'],
        b: [2, 'excellent'],
        c: [2, 'excellent'],
        d: [4, 'basicallySatisfied'],
        e: [5, 'general'],
        f: [6, 'general'],
      },
    ],
    [
      'a tie across the bottom boundary gives all tied units the bottom tier',
      { a: 95, b: 90, c: 80, d: 70, e: 70, f: 70 },
      {
        a: [1, 'excellent'],
        b: [2, 'excellent'],
        c: [3, 'basicallySatisfied'],
        d: [4, 'general'],
        e: [4, 'general'],
        f: [4, 'general'],
      },
    ],
    [
      'ties at both boundaries at once',
      { a: 90, b: 90, c: 90, d: 86, e: 60, f: 60 },
      {
        a: [1, 'excellent'],
        b: [1, 'excellent'],
        c: [1, 'excellent'],
        d: [4, 'satisfied'],
        e: [5, 'general'],
        f: [5, 'general'],
      },
    ],
    [
      'a tie just inside the bottom (one unit scored lower than the pair)',
      { a: 95, b: 90, c: 88, d: 70, e: 70, f: 50 },
      {
        a: [1, 'excellent'],
        b: [2, 'excellent'],
        c: [3, 'satisfied'],
        d: [4, 'general'],
        e: [4, 'general'],
        f: [6, 'general'],
      },
    ],
    [
      'a tie just outside the bottom (two units scored lower than the pair)',
      { a: 95, b: 90, c: 70, d: 70, e: 60, f: 50 },
      {
        a: [1, 'excellent'],
        b: [2, 'excellent'],
        c: [3, 'basicallySatisfied'],
        d: [3, 'basicallySatisfied'],
        e: [5, 'general'],
        f: [6, 'general'],
      },
    ],
  ])('%s', (_name, scores, expected) => {
    const standings = rank(Object.fromEntries(Object.entries(scores).map(([unit, score]) => [unit, ['s', score]])));
    expect(Object.fromEntries(standings.map((s) => [s.unit, [s.rank, s.tier]]))).toEqual(expected);
  });
});

describe('rank tiers: a series smaller than top + bottom', () => {
  it.each<[string, typeof TOP_BOTTOM, Record<string, number>, Record<string, string>]>([
    ['top listed first: both of two units are top', TOP_BOTTOM, { a: 90, b: 80 }, { a: 'excellent', b: 'excellent' }],
    [
      'bottom listed first: both of two units are bottom',
      [...TOP_BOTTOM].reverse(),
      { a: 90, b: 80 },
      { a: 'general', b: 'general' },
    ],
    [
      'three units: the middle one is top (rank 2)',
      TOP_BOTTOM,
      { a: 90, b: 80, c: 70 },
      { a: 'excellent', b: 'excellent', c: 'general' },
    ],
    ['one unit alone takes the first listed', TOP_BOTTOM, { a: 50 }, { a: 'excellent' }],
    [
      'all tied: every unit is top',
      TOP_BOTTOM,
      { a: 70, b: 70, c: 70, d: 70, e: 70 },
      { a: 'excellent', b: 'excellent', c: 'excellent', d: 'excellent', e: 'excellent' },
    ],
    [
      'all tied, bottom first: every unit is bottom',
      [...TOP_BOTTOM].reverse(),
      { a: 70, b: 70, c: 70 },
      { a: 'general', b: 'general', c: 'general' },
    ],
  ])('%s', (_name, rankTiers, scores, expected) => {
    const standings = rank(Object.fromEntries(Object.entries(scores).map(([unit, score]) => [unit, ['s', score]])), {
      rankTiers,
    });
    expect(Object.fromEntries(standings.map((s) => [s.unit, s.tier]))).toEqual(expected);
  });
});

describe('ranking within series', () => {
  const units: Record<string, [string | null, number | null]> = {
    a1: ['A', 90],
    a2: ['A', 80],
    a3: ['A', 70],
    b1: ['B', 95],
    b2: ['B', 60],
    n1: [null, 85],
    a0: ['A', null],
  };

  it('ranks within each series and overall; orders by series code, units without a series last, invalid last in their series', () => {
    expect(summary(rank(units))).toEqual([
      ['a1', 'A', 1, 2, 'excellent'],
      ['a2', 'A', 2, 4, 'excellent'],
      ['a3', 'A', 3, 5, 'general'],
      ['a0', 'A', null, null, null],
      ['b1', 'B', 1, 1, 'excellent'],
      ['b2', 'B', 2, 6, 'excellent'],
      ['n1', null, 1, 3, 'excellent'],
    ]);
  });

  it('a unit moved between series changes its rank and tier there, not its overall rank', () => {
    const registry = createStrategyRegistry([fixed({ a1: 90, a2: 80, a3: 70, b1: 95, b2: 60, n1: 85 })]);
    const policy = parsePolicy(
      policyJson({ strategy: { code: 'test/fixed' }, rankWithin: 'series', rankTiers: TOP_BOTTOM }),
      registry,
    );
    const rows = Object.entries(units).map(([unit, [series]]): TallyRow => ({
      unit,
      level: 'satisfied',
      count: 1,
      ...(series ? { series } : {}),
    }));
    const before = Tally.fromRows(rows, policy);
    const after = before.withSeries({ a1: 'B' });
    expect(after.seriesOf('a1')).toBe('B');
    expect(before.seriesOf('a1')).toBe('A');
    const moved = scoreTally(after, policy, registry).standings;
    expect(summary(moved).filter(([unit]) => String(unit).match(/^[ab]/))).toEqual([
      ['a2', 'A', 1, 4, 'excellent'],
      ['a3', 'A', 2, 5, 'excellent'],
      ['a0', 'A', null, null, null],
      ['b1', 'B', 1, 1, 'excellent'],
      ['a1', 'B', 2, 2, 'excellent'],
      ['b2', 'B', 3, 6, 'general'],
    ]);
  });

  it('explains the rank in the series and overall, and the rank tier (zh and en)', () => {
    const standings = rank(units);
    const a3 = standings.find((s) => s.unit === 'a3');
    expect(a3?.explanation.text.zh).toContain('在序列“A”中排名第 3（2 个单位得分更高）；全部单位中排名第 5。');
    expect(a3?.explanation.text.en).toContain('Rank 3 in series A (2 units scored higher); overall rank 5.');
    expect(a3?.explanation.text.zh).toContain('等次：一般（本序列后 2 名：得分更低的单位 0 个，少于 2 个）');
    expect(a3?.explanation.text.en).toContain(
      'Tier: 一般 (bottom 2 in its series: 0 units scored lower, fewer than 2)',
    );
    const n1 = standings.find((s) => s.unit === 'n1');
    expect(n1?.explanation.text.zh).toContain('在未分序列的单位中排名第 1');
    expect(n1?.explanation.text.en).toContain('Rank 1 among units without a series');
    expect(n1?.explanation.text.zh).toContain('等次：优秀（本序列前 2 名：排名第 1）');
  });

  it('rankWithin "all" with a series column: the rank is the overall rank, the order is as before, the series carried', () => {
    const standings = rank(units, { rankWithin: 'all' });
    expect(summary(standings)).toEqual([
      ['b1', 'B', 1, 1, 'excellent'],
      ['a1', 'A', 2, 2, 'excellent'],
      ['n1', null, 3, 3, 'satisfied'],
      ['a2', 'A', 4, 4, 'basicallySatisfied'],
      ['a3', 'A', 5, 5, 'general'],
      ['b2', 'B', 6, 6, 'general'],
      ['a0', 'A', null, null, null],
    ]);
    expect(standings[0]?.explanation.text.en).toContain('Rank 1.');
  });

  it('a policy without rankWithin and rankTiers scores exactly as before (rank = overall rank, score tiers)', () => {
    const standings = rank(units, { rankWithin: undefined, rankTiers: undefined });
    expect(standings.map((s) => [s.unit, s.rank, s.overallRank, s.tier])).toEqual([
      ['b1', 1, 1, 'satisfied'],
      ['a1', 2, 2, 'satisfied'],
      ['n1', 3, 3, 'satisfied'],
      ['a2', 4, 4, 'basicallySatisfied'],
      ['a3', 5, 5, 'basicallySatisfied'],
      ['b2', 6, 6, 'basicallySatisfied'],
      ['a0', null, null, null],
    ]);
  });
});

// Every built-in strategy and a plugin strategy: rank, overallRank and rank tiers follow from the scores.
describe('series and rank tiers under every strategy', () => {
  const csv = [
    'unit,group,level,count,series',
    ...[
      ['u1', 'A', [60, 20, 10, 5, 5]],
      ['u2', 'A', [40, 30, 20, 5, 5]],
      ['u3', 'A', [40, 30, 20, 5, 5]],
      ['u4', 'A', [10, 20, 30, 20, 20]],
      ['u5', 'A', [5, 10, 20, 30, 35]],
      ['v1', 'B', [70, 10, 10, 5, 5]],
      ['v2', 'B', [20, 20, 20, 20, 20]],
      ['w1', '', [30, 30, 30, 5, 5]],
    ].flatMap(([unit, series, counts]) =>
      ['residents', 'deputies'].flatMap((group, g) =>
        (counts as number[]).map(
          (count, l) =>
            `${unit},${group},${['satisfied', 'fairlySatisfied', 'basicallySatisfied', 'notVerySatisfied', 'dissatisfied'][l]},${count + g},${series}`,
        ),
      ),
    ),
  ].join('\n');
  const groups = [
    { code: 'residents', weight: 3 },
    { code: 'deputies', weight: 1 },
  ];
  const plugin = defineScoringStrategy({
    code: 'acme/bottom-share',
    label: 'bottom share',
    description: '100 − the share of the two worst levels',
    args: {},
    range: { min: 0, max: 100 },
    score: (unit) =>
      unit.counted === 0
        ? null
        : Rational.HUNDRED.sub(
            Rational.HUNDRED.mul(Rational.of(unit.sum(['notVerySatisfied', 'dissatisfied']), unit.counted)),
          ),
  });
  const registry = createStrategyRegistry([plugin]);

  it.each<[string, Record<string, unknown>]>([
    ['weighted-mean', {}],
    ['satisfaction-rate', { levels: ['satisfied', 'fairlySatisfied'] }],
    ['group-weighted-mean', {}],
    ['trimmed-mean', { trim: 0.1 }],
    ['acme/bottom-share', {}],
  ])('%s', (code, args) => {
    const policy = parsePolicy(
      policyJson({ groups, strategy: { code, args }, rankWithin: 'series', rankTiers: TOP_BOTTOM }),
      registry,
    );
    const standings = scoreTally(tallyFromCsv(csv, policy), policy, registry).standings;
    expect(standings.map((s) => s.series)).toEqual(['A', 'A', 'A', 'A', 'A', 'B', 'B', null]);
    const competition = (score: number, among: readonly Standing[]) =>
      1 + among.filter((other) => (other.score as number) > score).length;
    for (const standing of standings) {
      const scope = standings.filter((other) => other.series === standing.series);
      const score = standing.score as number;
      expect(standing.rank).toBe(competition(score, scope));
      expect(standing.overallRank).toBe(competition(score, standings));
      const lower = scope.filter((other) => (other.score as number) < score).length;
      const expected = (standing.rank as number) <= 2 ? 'excellent' : lower < 2 ? 'general' : standing.tier;
      expect([standing.unit, standing.tier]).toEqual([standing.unit, expected]);
      if ((standing.rank as number) > 2 && lower >= 2)
        expect(['satisfied', 'basicallySatisfied', 'dissatisfied']).toContain(standing.tier);
    }
    expect(new Set(standings.map((s) => s.tier))).toContain('general');
    // the tie u2 = u3 shares a rank under every strategy
    const [u2, u3] = ['u2', 'u3'].map((unit) => standings.find((s) => s.unit === unit));
    expect(u2?.rank).toBe(u3?.rank);
  });

  it('majority ranks within series but ignores rank tiers, as it ignores tiers', () => {
    const policy = parsePolicy(
      policyJson({
        groups,
        strategy: {
          code: 'majority',
          args: {
            electorate: 250,
            satisfiedLevels: ['satisfied'],
            acceptableLevels: ['satisfied', 'fairlySatisfied', 'basicallySatisfied'],
            tiers: ['satisfied', 'basicallySatisfied', 'dissatisfied'],
          },
        },
        rankWithin: 'series',
        rankTiers: TOP_BOTTOM,
      }),
      registry,
    );
    const standings = scoreTally(tallyFromCsv(csv, policy), policy, registry).standings;
    expect(standings.every((s) => ['satisfied', 'basicallySatisfied', 'dissatisfied'].includes(s.tier as string))).toBe(
      true,
    );
    expect(standings.find((s) => s.unit === 'v1')).toMatchObject({ series: 'B', rank: 1 });
  });
});

describe('the series column of a tally', () => {
  const policy = parsePolicy(policyJson());
  it('reads the series; an empty cell is no series', () => {
    const tally = tallyFromCsv('unit,level,count,series\na,satisfied,1,执法\nb,satisfied,1,\n', policy);
    expect([tally.seriesOf('a'), tally.seriesOf('b')]).toEqual(['执法', null]);
  });

  it.each([
    [
      'two series',
      'unit,level,count,series\na,satisfied,1,X\na,dissatisfied,1,Y\n',
      /line 3: unit a is in series "Y" here but in series "X" on line 2/,
    ],
    [
      'a series, then none',
      'unit,level,count,series\na,satisfied,1,X\na,dissatisfied,1,\n',
      /line 3: unit a is in no series here but in series "X" on line 2/,
    ],
  ])('refuses a unit in %s, naming the line', (_name, csv, message) => {
    const error = thrown(() => tallyFromCsv(csv, policy));
    expect(error).toMatchObject({ code: 'INVALID_TALLY', path: 'line 3' });
    expect(error.message).toMatch(message);
  });

  it('a tally without the column has no series', () => {
    expect(tallyFromCsv('unit,level,count\na,satisfied,1\n', policy).series).toEqual([null]);
  });

  it('fromRatings takes the series per unit', () => {
    const tally = Tally.fromRatings({
      scale: policy.scale,
      units: ['a', 'b'],
      unit: new Uint8Array([0, 1]),
      level: new Uint8Array([0, 0]),
      unitSeries: ['X', null],
    });
    expect(tally.series).toEqual(['X', null]);
    expect(
      thrown(() =>
        Tally.fromRatings({
          scale: policy.scale,
          units: ['a'],
          unit: new Uint8Array([0]),
          level: new Uint8Array([0]),
          unitSeries: [],
        }),
      ).path,
    ).toBe('unitSeries');
  });
});

describe('policy: rankWithin and rankTiers', () => {
  it.each<[Record<string, unknown>, string, RegExp]>([
    [{ rankWithin: 'class' }, 'rankWithin', /must be "all" or "series"/],
    [{ rankTiers: {} }, 'rankTiers', /must be a list of rank tiers/],
    [{ rankTiers: [{ code: 'x' }] }, 'rankTiers[0]', /exactly one of "top" and "bottom"/],
    [{ rankTiers: [{ code: 'x', top: 1, bottom: 1 }] }, 'rankTiers[0]', /exactly one of "top" and "bottom"/],
    [{ rankTiers: [{ code: 'x', top: 0 }] }, 'rankTiers[0].top', /whole number ≥ 1/],
    [{ rankTiers: [{ code: 'x', bottom: 1.5 }] }, 'rankTiers[0].bottom', /whole number ≥ 1/],
    [
      {
        rankTiers: [
          { code: 'x', top: 1 },
          { code: 'x', bottom: 1 },
        ],
      },
      'rankTiers[1].code',
      /duplicate tier code "x"/,
    ],
    [{ minResponseRate: 101 }, 'minResponseRate', /percentage from 0 to 100/],
  ])('%j → INVALID_POLICY at %s', (overrides, path, message) => {
    const error = thrown(() => parsePolicy(policyJson(overrides)));
    expect(error).toMatchObject({ code: 'INVALID_POLICY', path });
    expect(error.message).toMatch(message);
  });

  it("a rank tier may share a score tier's code; labels default to codes", () => {
    const policy = parsePolicy(policyJson({ rankTiers: [{ code: 'dissatisfied', bottom: 3 }] }));
    expect(policy.rankTiers).toEqual([{ code: 'dissatisfied', label: 'dissatisfied', bottom: 3 }]);
  });

  it('an old policy parses without the new fields, and parses again to itself', () => {
    const policy = parsePolicy(policyJson());
    expect(['rankWithin', 'rankTiers', 'minResponseRate'].filter((key) => key in policy)).toEqual([]);
    const withSeries = parsePolicy(policyJson({ rankWithin: 'series', rankTiers: TOP_BOTTOM, minResponseRate: 30 }));
    expect(parsePolicy(withSeries)).toEqual(withSeries);
  });
});
