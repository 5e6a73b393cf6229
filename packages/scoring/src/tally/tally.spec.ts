import { SEED_RATING_SCALE } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/fixtures.js';
import { Tally, type TallyRow } from './tally.js';

const scale = SEED_RATING_SCALE;
const groups = [{ code: 'residents' }, { code: 'cadres' }];

describe('Tally.fromRows', () => {
  it('adds up repeated rows and orders units by code', () => {
    const tally = Tally.fromRows(
      [
        { unit: 'logistics', level: 'satisfied', count: 2 },
        { unit: 'traffic-police', level: 'satisfied', count: 5 },
        { unit: 'logistics', level: 'satisfied', count: 3 },
        { unit: 'logistics', level: 'unknown', count: 1 },
      ],
      { scale },
    );
    expect(tally.units).toEqual(['logistics', 'traffic-police']);
    expect(tally.groups).toEqual([]);
    expect(tally.count('logistics', 'satisfied')).toBe(5);
    expect(tally.count('logistics', 'unknown')).toBe(1);
    expect(tally.count('nobody', 'satisfied')).toBe(0);
    expect(tally.counts).toBeInstanceOf(Float64Array);
  });

  it('keeps the policy order of groups, including groups without rows', () => {
    const tally = Tally.fromRows(
      [
        { unit: 'a', group: 'cadres', level: 'satisfied', count: 2 },
        { unit: 'a', group: 'residents', level: 'satisfied', count: 3 },
      ],
      { scale, groups: [{ code: 'retirees' }, ...groups] },
    );
    expect(tally.groups).toEqual(['retirees', 'residents', 'cadres']);
    expect(tally.count('a', 'satisfied')).toBe(5);
    expect(tally.count('a', 'satisfied', 'cadres')).toBe(2);
    expect(tally.count('a', 'satisfied', 'retirees')).toBe(0);
    expect(tally.count('a', 'satisfied', 'nobody')).toBe(0);
  });

  it('learns groups in code order when the shape lists none', () => {
    const tally = Tally.fromRows(
      [
        { unit: 'a', group: 'zeta', level: 'satisfied', count: 1 },
        { unit: 'a', group: 'alpha', level: 'dissatisfied', count: 1 },
      ],
      { scale },
    );
    expect(tally.groups).toEqual(['alpha', 'zeta']);
  });

  it('keeps counts exact far beyond 2^32', () => {
    const big = 2 ** 40 + 1;
    const tally = Tally.fromRows(
      [
        { unit: 'a', level: 'satisfied', count: big },
        { unit: 'a', level: 'satisfied', count: big },
      ],
      { scale },
    );
    expect(tally.count('a', 'satisfied')).toBe(2 * big);
  });

  it.each<[string, TallyRow[], { groups?: { code: string }[] }, string, RegExp]>([
    [
      'unknown level',
      [{ unit: 'a', level: 'happy', count: 1, line: 7 }],
      {},
      'line 7',
      /unknown level "happy" \(levels: satisfied, fairlySatisfied/,
    ],
    [
      'negative count',
      [{ unit: 'a', level: 'satisfied', count: -1, line: 3 }],
      {},
      'line 3',
      /whole number ≥ 0, not -1/,
    ],
    ['fractional count', [{ unit: 'a', level: 'satisfied', count: 1.5 }], {}, 'rows[0]', /not 1.5/],
    ['empty unit', [{ unit: ' ', level: 'satisfied', count: 1, line: 2 }], {}, 'line 2', /unit is empty/],
    [
      'group not listed',
      [{ unit: 'a', group: 'aliens', level: 'satisfied', count: 1, line: 4 }],
      { groups },
      'line 4',
      /group "aliens" is not an evaluator group of the policy \(residents, cadres\)/,
    ],
    [
      'group missing although listed',
      [{ unit: 'a', level: 'satisfied', count: 1, line: 5 }],
      { groups },
      'line 5',
      /group is missing; the policy lists evaluator groups/,
    ],
    [
      'group on some rows only',
      [
        { unit: 'a', group: 'residents', level: 'satisfied', count: 1, line: 2 },
        { unit: 'a', level: 'satisfied', count: 1, line: 3 },
      ],
      {},
      'line 3',
      /group is missing while line 2 names one/,
    ],
    [
      'sum beyond 2^53',
      [
        { unit: 'a', level: 'satisfied', count: Number.MAX_SAFE_INTEGER, line: 2 },
        { unit: 'a', level: 'satisfied', count: 1, line: 3 },
      ],
      {},
      'line 3',
      /grows beyond/,
    ],
  ])('%s → INVALID_TALLY', (_name, rows, shape, path, message) => {
    const error = thrown(() => Tally.fromRows(rows, { scale, ...shape }));
    expect(error.code).toBe('INVALID_TALLY');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('Tally.fromRatings', () => {
  const units = ['a', 'b', 'c'];
  const groupCodes = ['residents', 'cadres'];

  it('counts ratings held in typed arrays', () => {
    const tally = Tally.fromRatings({
      scale,
      units,
      groups: groupCodes,
      unit: Uint16Array.from([0, 0, 2, 2, 2, 1]),
      group: Uint8Array.from([0, 1, 1, 1, 0, 0]),
      level: Uint8Array.from([0, 0, 5, 5, 1, 4]),
    });
    expect(tally.count('a', 'satisfied')).toBe(2);
    expect(tally.count('a', 'satisfied', 'cadres')).toBe(1);
    expect(tally.count('c', 'unknown', 'cadres')).toBe(2);
    expect(tally.count('c', 'fairlySatisfied', 'residents')).toBe(1);
    expect(tally.count('b', 'dissatisfied')).toBe(1);
  });

  it('agrees with fromRows on the same ratings', () => {
    const unit = Uint32Array.from([1, 0, 1, 1]);
    const level = Uint8Array.from([2, 2, 3, 2]);
    const fromRatings = Tally.fromRatings({ scale, units, unit, level });
    const fromRows = Tally.fromRows(
      [...unit].map((u, i) => ({
        unit: units[u] as string,
        level: scale[level[i] as number]?.code as string,
        count: 1,
      })),
      { scale },
    );
    for (const code of ['a', 'b']) {
      for (const l of scale) expect(fromRatings.count(code, l.code)).toBe(fromRows.count(code, l.code));
    }
  });

  it.each([
    [
      'unit index out of range',
      { unit: Uint8Array.from([0, 3]), level: Uint8Array.from([0, 0]) },
      'ratings[1]',
      /unit 3 of 3/,
    ],
    [
      'level index out of range',
      { unit: Uint8Array.from([0, 0]), level: Uint8Array.from([0, 6]) },
      'ratings[1]',
      /level 6 of 6/,
    ],
    [
      'lengths differ',
      { unit: Uint8Array.from([0, 0]), level: Uint8Array.from([0]) },
      'level',
      /differ in length \(unit 2, level 1\)/,
    ],
    [
      'group index out of range',
      { groups: groupCodes, group: Uint8Array.from([2]), unit: Uint8Array.from([0]), level: Uint8Array.from([0]) },
      'ratings[0]',
      /group 2 of 2/,
    ],
    [
      'groups without group indexes',
      { groups: groupCodes, unit: Uint8Array.from([0]), level: Uint8Array.from([0]) },
      'group',
      /both/,
    ],
    [
      'duplicate unit code',
      { units: ['a', 'a'], unit: Uint8Array.from([0]), level: Uint8Array.from([0]) },
      'units[1]',
      /duplicate code "a"/,
    ],
  ])('%s → INVALID_TALLY', (_name, input, path, message) => {
    const error = thrown(() => Tally.fromRatings({ scale, units, ...input }));
    expect(error.code).toBe('INVALID_TALLY');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('Tally.unitCounts', () => {
  const tally = Tally.fromRows(
    [
      { unit: 'a', group: 'residents', level: 'satisfied', count: 6 },
      { unit: 'a', group: 'cadres', level: 'dissatisfied', count: 2 },
      { unit: 'a', group: 'cadres', level: 'unknown', count: 2 },
    ],
    { scale, groups },
  );

  it('reads counted as the policy does', () => {
    expect(tally.unitCounts('a').counted).toBe(8);
    expect(tally.unitCounts('a').ballots).toBe(10);
    expect(tally.unitCounts('a', { unknownInDenominator: true }).counted).toBe(10);
  });

  it('gives per-group counts and level sums', () => {
    const counts = tally.unitCounts('a');
    expect(counts.groups).toEqual(['residents', 'cadres']);
    expect(counts.group('cadres').ballots).toBe(4);
    expect(counts.group('cadres').counted).toBe(2);
    expect(counts.sum(['satisfied', 'dissatisfied'])).toBe(8);
    expect(thrown(() => counts.group('nobody')).code).toBe('UNKNOWN_GROUP');
    expect(thrown(() => counts.level('nope')).code).toBe('UNKNOWN_LEVEL');
  });

  it('refuses an unknown unit and a scale with other levels', () => {
    expect(thrown(() => tally.unitCounts('zz')).code).toBe('UNKNOWN_UNIT');
    expect(thrown(() => tally.unitCounts('a', { scale: scale.slice(1) })).code).toBe('INVALID_TALLY');
  });
});
