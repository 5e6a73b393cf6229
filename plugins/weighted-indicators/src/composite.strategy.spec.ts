import { createStrategyRegistry } from '@pingyi/scoring';
import { campaignConfigFromTemplate, checkCampaignConfig, listTemplates, PluginRegistry } from '@pingyi/server-core';
import { scoreWithStrategy, summarizeStandings } from '@pingyi/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index';
import { compositeStrategy } from './composite.strategy';

// Seed scale points 100/85/70/55/40, 不了解 not counted.
const tally = [
  'unit,level,count',
  'a,satisfied,8', // mean (8×100 + 2×40) ÷ 10 = 88
  'a,dissatisfied,2',
  'b,satisfied,5', // (5×100 + 5×70) ÷ 10 = 85
  'b,basicallySatisfied,5',
  'c,fairlySatisfied,10', // 85; the five 不了解 are not votes
  'c,unknown,5',
].join('\n');
const indicators = {
  a: { complaints: 10, 'inspection-score': 90 }, // complaints part 100 × (10 − 10) ÷ (10 − 0) = 0
  b: { complaints: 0, 'inspection-score': 70 }, // 100
  c: { complaints: 5, 'inspection-score': 80 }, // 50
};

describe('weighted-indicators/composite', () => {
  it('weighs satisfaction 70%, complaints 20% (normalized over units) and inspections 10%', () => {
    const result = scoreWithStrategy(compositeStrategy, { tally, indicators });
    expect(summarizeStandings(result).map((s) => [s.unit, s.score, s.rank])).toEqual([
      ['b', 86.5, 1], // 0.7×85 + 0.2×100 + 0.1×70
      ['c', 77.5, 2], // 0.7×85 + 0.2×50 + 0.1×80
      ['a', 70.6, 3], // 0.7×88 + 0.2×0 + 0.1×90
    ]);
    expect(result.standings[2]?.explanation.steps.map((step) => step.expression)).toEqual([
      '100 × mean points ÷ 100 over 10 votes',
      '100 × (10 − 10) ÷ (10 − 0)',
      'inspection-score = 90',
      '(0.70×88 + 0.20×0 + 0.10×90) ÷ 1',
    ]);
  });

  it.each([
    [
      'satisfaction only (no indicator read)',
      { satisfactionWeight: 1, complaintsWeight: 0, inspectionWeight: 0 },
      {},
      [
        ['a', 88],
        ['b', 85],
        ['c', 85],
      ],
    ],
    [
      'equal weights, exact thirds',
      { satisfactionWeight: 1, complaintsWeight: 1, inspectionWeight: 1 },
      indicators,
      [
        ['b', 85],
        ['c', 71.67],
        ['a', 59.33],
      ],
    ],
    [
      'complaints all equal: 100 for everyone',
      { satisfactionWeight: 0, complaintsWeight: 1, inspectionWeight: 0 },
      { a: { complaints: 3 }, b: { complaints: 3 }, c: { complaints: 3 } },
      [
        ['a', 100],
        ['b', 100],
        ['c', 100],
      ],
    ],
  ])('scores with %s', (_name, args, values, expected) => {
    const { standings } = scoreWithStrategy(compositeStrategy, { tally, args, indicators: values });
    expect(standings.map((s) => [s.unit, s.score])).toEqual(expected);
  });

  it('ranks within series with rank tiers, like every strategy (ties at 85 share the overall rank across series)', () => {
    const withSeries = tally
      .replace('unit,level,count', 'unit,level,count,series')
      .split('\n')
      .map((line, i) => (i === 0 ? line : `${line},${line.startsWith('c,') ? 'Y' : 'X'}`))
      .join('\n');
    const policy = {
      rankWithin: 'series',
      rankTiers: [
        { code: 'top', top: 1 },
        { code: 'low', bottom: 1 },
      ],
    };
    const { standings } = scoreWithStrategy(compositeStrategy, {
      tally: withSeries,
      args: { satisfactionWeight: 1, complaintsWeight: 0, inspectionWeight: 0 },
      policy,
    });
    expect(standings.map((s) => [s.unit, s.series, s.score, s.rank, s.overallRank, s.tier])).toEqual([
      ['a', 'X', 88, 1, 1, 'top'],
      ['b', 'X', 85, 2, 2, 'low'],
      ['c', 'Y', 85, 1, 2, 'top'],
    ]);
  });

  it('leaves a unit without counted votes unscored', () => {
    const { standings } = scoreWithStrategy(compositeStrategy, {
      tally: `${tally}\nd,unknown,7`,
      indicators: { ...indicators, d: { complaints: 1, 'inspection-score': 50 } },
    });
    expect(standings.at(-1)).toMatchObject({ unit: 'd', valid: false, score: null });
    expect(standings.at(-1)?.explanation.reason?.en).toBe('no counted votes, so no satisfaction part');
  });

  it.each([
    [
      'a missing inspection score',
      { ...indicators, c: { complaints: 5 } },
      {},
      'scoring strategy "weighted-indicators/composite" failed for unit "c": indicator "inspection-score" has no value for unit "c"',
    ],
    [
      'weights that are all 0',
      indicators,
      { satisfactionWeight: 0, complaintsWeight: 0, inspectionWeight: 0 },
      'strategy.args: the three weights are all 0',
    ],
    ['a negative weight', indicators, { complaintsWeight: -0.2 }, 'strategy.args.complaintsWeight'],
  ])('refuses %s clearly', (_name, values, args, message) => {
    expect(() => scoreWithStrategy(compositeStrategy, { tally, args, indicators: values })).toThrow(message);
  });
});

describe('the plugin', () => {
  it('is a valid plugin whose template makes a valid campaign configuration', () => {
    const registry = PluginRegistry.create([{ plugin }]);
    const templates = listTemplates(registry);
    expect(templates.map((entry) => [entry.template.code, entry.plugin])).toEqual([
      ['seed', null],
      ['weighted-indicators/seed-composite', '@pingyi/plugin-weighted-indicators'],
    ]);
    const config = campaignConfigFromTemplate(templates[1]!.template, 2027);
    expect(config.indicators.map((indicator) => indicator.code)).toEqual(['complaints', 'inspection-score']);
    expect(checkCampaignConfig(config, createStrategyRegistry(registry.strategies())).ok).toBe(true);
  });
});
