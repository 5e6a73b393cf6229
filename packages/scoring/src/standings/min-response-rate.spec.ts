import { describe, expect, it } from 'vitest';
import { policyJson, thrown } from '../../test/fixtures.js';
import { parsePolicy } from '../policy/parse-policy.js';
import { Tally } from '../tally/tally.js';
import { scoreTally } from './score-tally.js';

const policy = (overrides: Record<string, unknown> = {}) =>
  parsePolicy(
    policyJson({
      groups: [
        { code: 'residents', label: '城乡居民' },
        { code: 'deputies', label: '人大代表' },
      ],
      ...overrides,
    }),
  );
const tally = (shape = policy()) =>
  Tally.fromRows(
    [
      { unit: 'u', group: 'residents', level: 'satisfied', count: 10 },
      { unit: 'u', group: 'deputies', level: 'dissatisfied', count: 10 },
      { unit: 'v', group: 'residents', level: 'fairlySatisfied', count: 4 },
    ],
    shape,
  );
const participation = {
  residents: { received: 500, distributed: 1000 },
  deputies: { received: 239, distributed: 1000 },
};

describe('minResponseRate', () => {
  it.each<[string, number | undefined, typeof participation | undefined, number]>([
    ['below the minimum: the group is reported but not scored', 30, participation, 100],
    ['exactly at the minimum: scored (the bound belongs to the scored side)', 23.9, participation, 70],
    ['no minimum: every group scored', undefined, participation, 70],
    ['no participation given: every group scored', 30, undefined, 70],
  ])('%s', (_name, minResponseRate, given, score) => {
    const shape = policy(minResponseRate === undefined ? {} : { minResponseRate });
    const standing = scoreTally(tally(shape), shape, undefined, given ? { participation: given } : {}).standings.find(
      (s) => s.unit === 'u',
    );
    expect(standing?.score).toBe(score);
  });

  it('reports the excluded votes and says why, in both languages', () => {
    const shape = policy({ minResponseRate: 30 });
    const standings = scoreTally(tally(shape), shape, undefined, { participation }).standings;
    const u = standings.find((s) => s.unit === 'u');
    expect(u).toMatchObject({ ballots: 10, counted: 10 });
    expect(u?.explanation.groups?.deputies?.dissatisfied).toBe(10); // reported
    expect(u?.explanation.excludedGroups).toEqual([
      { group: 'deputies', responseRate: 23.9, minResponseRate: 30, ballots: 10 },
    ]);
    expect(u?.explanation.text.zh).toContain('人大代表回收率 23.90%，低于最低要求 30%：其评价只报告、不计分。');
    expect(u?.explanation.text.en).toContain(
      'Group 人大代表: response rate 23.90%, below the minimum 30%: its ratings are reported but not scored.',
    );
    // v had no votes from the excluded group: nothing to say
    expect(standings.find((s) => s.unit === 'v')?.explanation.excludedGroups).toBeUndefined();
  });

  it('refuses a participation figure that is not a whole number', () => {
    const shape = policy({ minResponseRate: 30 });
    const error = thrown(() =>
      scoreTally(tally(shape), shape, undefined, { participation: { deputies: { received: 1.5, distributed: 10 } } }),
    );
    expect(error).toMatchObject({ code: 'INVALID_TALLY', path: 'participation.deputies.received' });
  });
});

describe('participationFromCsv', () => {
  it('reads group, received, distributed', async () => {
    const { participationFromCsv } = await import('../tally/participation-csv.js');
    expect(participationFromCsv('group,distributed,received\nresidents,1000,500\n')).toEqual({
      residents: { received: 500, distributed: 1000 },
    });
  });

  it.each([
    ['group,received\nr,1\n', 'line 1', /lacks column distributed/],
    ['group,received,distributed\nr,x,1\n', 'line 2', /received "x" is not a whole number/],
    ['group,received,distributed\nr,2,1\n', 'line 2', /received 2 is more than distributed 1/],
    ['group,received,distributed\nr,1,1\nr,1,1\n', 'line 3', /appears twice/],
  ])('refuses %j at %s', async (csv, path, message) => {
    const { participationFromCsv } = await import('../tally/participation-csv.js');
    const error = thrown(() => participationFromCsv(csv));
    expect(error).toMatchObject({ code: 'INVALID_TALLY', path });
    expect(error.message).toMatch(message);
  });
});
