import { SEED_RATING_SCALE } from '@pingyi/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policy } from '../../test/fixtures.js';
import type { ScoringPolicy } from '../policy/scoring-policy.js';
import { Tally, type TallyRow } from '../tally/tally.js';
import { scoreTally } from './score-tally.js';

const GROUPS = [
  { code: 'residents', weight: 3 },
  { code: 'professionals', weight: 1 },
  { code: 'retirees', weight: 0.5 },
];
const levels = SEED_RATING_SCALE.map((level) => level.code);
const points = SEED_RATING_SCALE.flatMap((level) => (level.points === null ? [] : [level.points]));

const row = fc.record({
  unit: fc.constantFrom('traffic-police', 'legal-affairs', 'logistics', 'general-office'),
  group: fc.constantFrom(...GROUPS.map((group) => group.code)),
  level: fc.constantFrom(...levels),
  count: fc.nat({ max: 5000 }),
});

const strategies = [
  { code: 'weighted-mean' },
  { code: 'satisfaction-rate', args: { levels: ['satisfied', 'fairlySatisfied'] } },
  { code: 'group-weighted-mean' },
  { code: 'trimmed-mean', args: { trim: 0.2 } },
  {
    code: 'majority',
    args: {
      electorate: 10 ** 9,
      satisfiedLevels: ['satisfied'],
      acceptableLevels: ['satisfied', 'fairlySatisfied'],
      tiers: ['a', 'b', 'c'],
    },
  },
];
const policies = strategies.map((strategy) =>
  policy({ groups: GROUPS, strategy, minCounted: 3, unknownInDenominator: strategy.code === 'satisfaction-rate' }),
);
const anyPolicy = fc.constantFrom(...policies);

const score = (rows: TallyRow[], shape: ScoringPolicy) => scoreTally(Tally.fromRows(rows, shape), shape).standings;

describe('scoreTally properties', () => {
  it('row order never changes a result', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), anyPolicy, fc.infiniteStream(fc.nat()), (rows, shape, random) => {
        const shuffled: TallyRow[] = [...rows];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (random.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as TallyRow, shuffled[i] as TallyRow];
        }
        expect(score(shuffled, shape)).toEqual(score(rows, shape));
      }),
    );
  });

  it('splitting a row into two rows with the same key changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        anyPolicy,
        (rows, at, share, shape) => {
          const i = at % rows.length;
          const target = rows[i] as TallyRow;
          const first = Math.floor(target.count * share);
          const split = [
            ...rows.slice(0, i),
            { ...target, count: first },
            { ...target, count: target.count - first },
            ...rows.slice(i + 1),
          ];
          expect(score(split, shape)).toEqual(score(rows, shape));
        },
      ),
    );
  });

  it('a mean-type score stays within the scale points', () => {
    const means = policies.filter((shape) =>
      ['weighted-mean', 'group-weighted-mean', 'trimmed-mean'].includes(shape.strategy.code),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom(...means), (rows, shape) => {
        for (const standing of score(rows, shape)) {
          if (standing.score === null) continue;
          expect(standing.score).toBeGreaterThanOrEqual(Math.min(...points));
          expect(standing.score).toBeLessThanOrEqual(Math.max(...points));
        }
      }),
    );
  });

  it('ranks are consistent with scores, and rates of a valid unit add up to 100 within rounding', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), anyPolicy, (rows, shape) => {
        const standings = score(rows, shape).filter((standing) => standing.valid);
        standings.forEach((standing, i) => {
          const higher = standings.filter((other) => (other.score as number) > (standing.score as number)).length;
          expect(standing.rank).toBe(higher + 1);
          if (i > 0) expect(standing.score).toBeLessThanOrEqual(standings[i - 1]?.score as number);
          const sum = Object.values(standing.rates).reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.005 * Object.keys(standing.rates).length + 1e-9);
        });
      }),
    );
  });

  it('fromRatings and fromRows agree', () => {
    const ratings = fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 }), fc.nat({ max: 5 })), { maxLength: 200 });
    fc.assert(
      fc.property(ratings, anyPolicy, (list, shape) => {
        const units = ['u0', 'u1', 'u2', 'u3'];
        const groups = GROUPS.map((group) => group.code);
        const fromRatings = Tally.fromRatings({
          scale: shape.scale,
          units,
          groups,
          unit: Uint8Array.from(list.map(([u]) => u)),
          group: Uint8Array.from(list.map(([, g]) => g)),
          level: Uint8Array.from(list.map(([, , l]) => l)),
        });
        const rows = list.map(([u, g, l]) => ({
          unit: units[u] as string,
          group: groups[g] as string,
          level: levels[l] as string,
          count: 1,
        }));
        const fromRows = Tally.fromRows(rows, shape);
        // fromRatings knows units without ratings; compare the units both have.
        const scored = new Map(scoreTally(fromRatings, shape).standings.map((standing) => [standing.unit, standing]));
        for (const standing of scoreTally(fromRows, shape).standings)
          expect(scored.get(standing.unit)?.score).toEqual(standing.score);
      }),
    );
  });
});
