import { defineScoringStrategy } from '@pingyi/scoring';
import { defineIndicatorStrategy } from '@pingyi/server-core';
import { describe, expect, it } from 'vitest';
import { scoreWithStrategy, summarizeStandings, testPolicy } from './strategy-test-kit';

// Share of 满意 votes, or something broken when `misbehave` says so.
const share = defineScoringStrategy({
  code: 'kit/share',
  label: 'share',
  description: 'share of satisfied votes',
  args: {
    misbehave: { type: 'string', label: 'how to fail', options: ['no', 'throw', 'nan', 'range'], default: 'no' },
  },
  range: { min: 0, max: 100 },
  score(unit, args) {
    if (args.misbehave === 'throw') throw new Error('division by the moon');
    if (args.misbehave === 'nan') return Number.NaN;
    if (args.misbehave === 'range') return 140;
    return unit.counted === 0 ? null : (100 * unit.level('satisfied')) / unit.counted;
  },
});

const csv = 'unit,level,count\na,satisfied,3\na,dissatisfied,1\nb,satisfied,1\nb,dissatisfied,1\nc,unknown,4\n';

describe('scoreWithStrategy', () => {
  it('scores CSV or rows like the server, with ranks and tiers of the policy', () => {
    const tiers = [
      { code: 'good', label: '好', min: 60 },
      { code: 'poor', label: '差', min: null },
    ];
    const fromCsv = scoreWithStrategy(share, { tally: csv, policy: { tiers } });
    expect(summarizeStandings(fromCsv)).toEqual([
      { unit: 'a', valid: true, score: 75, rank: 1, tier: 'good' },
      { unit: 'b', valid: true, score: 50, rank: 2, tier: 'poor' },
      { unit: 'c', valid: false, score: null, rank: null, tier: null },
    ]);
    const fromRows = scoreWithStrategy(share, {
      tally: [
        { unit: 'a', level: 'satisfied', count: 3 },
        { unit: 'a', level: 'dissatisfied', count: 1 },
      ],
    });
    expect(fromRows.standings[0]?.score).toBe(75);
  });

  it.each([
    ['throw', 'scoring strategy "kit/share" failed for unit "a": division by the moon'],
    ['nan', 'scoring strategy "kit/share" failed for unit "a": returned NaN, not a finite number'],
    ['range', 'scoring strategy "kit/share" failed for unit "a": returned 140.00, outside its declared range 0..100'],
  ])('reports a strategy that misbehaves (%s) as STRATEGY_FAILED', (misbehave, message) => {
    expect(() => scoreWithStrategy(share, { tally: csv, args: { misbehave } })).toThrow(message);
  });

  it('checks the arguments against the declaration', () => {
    expect(() => scoreWithStrategy(share, { tally: csv, args: { misbehave: 'sometimes' } })).toThrow(
      /strategy\.args\.misbehave/,
    );
  });

  it('gives an indicator strategy the indicators, as a map or rows', () => {
    const penalty = defineIndicatorStrategy({
      code: 'kit/penalty',
      label: 'penalty',
      description: '100 − complaints',
      indicators: ['complaints'],
      args: {},
      score: (_unit, _args, _policy, indicators) => 100 - indicators.value('complaints'),
    });
    const byMap = scoreWithStrategy(penalty, {
      tally: csv,
      indicators: { a: { complaints: 30 }, b: { complaints: 10 }, c: { complaints: 0 } },
    });
    expect(summarizeStandings(byMap).map((s) => [s.unit, s.score])).toEqual([
      ['c', 100],
      ['b', 90],
      ['a', 70],
    ]);
    expect(() =>
      scoreWithStrategy(penalty, { tally: csv, indicators: [{ unit: 'a', indicator: 'complaints', value: 1 }] }),
    ).toThrow('scoring strategy "kit/penalty" failed for unit "b": indicator "complaints" has no value for unit "b"');
    const byRows = scoreWithStrategy(penalty, {
      tally: csv,
      indicators: ['a', 'b', 'c'].map((unit) => ({ unit, indicator: 'complaints', value: 5 })),
    });
    expect(byRows.standings.map((s) => [s.unit, s.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('builds the policy it scores with', () => {
    expect(testPolicy(share, { args: { misbehave: 'no' }, policy: { decimals: 1 } })).toMatchObject({
      version: 1,
      decimals: 1,
      strategy: { code: 'kit/share', args: { misbehave: 'no' } },
    });
  });
});
