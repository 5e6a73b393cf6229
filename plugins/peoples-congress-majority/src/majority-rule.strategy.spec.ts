import { PluginRegistry } from '@pingyi/server-core';
import { scoreWithStrategy, summarizeStandings } from '@pingyi/testing';
import { describe, expect, it } from 'vitest';
import plugin from './index';
import { majorityRuleStrategy } from './majority-rule.strategy';
import { parsePeoplesCongressOptions } from './plugin-options';

const rule = majorityRuleStrategy(() => ({ rosterSize: 10 }));

// Ten deputies on the roster; abstentions count against a unit.
const tally = [
  'unit,level,count',
  'a,satisfied,6', // 6 > 10 ÷ 2: 满意
  'a,dissatisfied,2',
  'b,satisfied,5', // 5 is not a majority; 5 + 1 acceptable is: 基本满意
  'b,basicallySatisfied,1',
  'c,satisfied,5', // exactly half: 不满意
  'c,notVerySatisfied,4',
].join('\n');

describe('peoples-congress/majority', () => {
  it('decides tiers by a majority of the roster, not of the ballots returned', () => {
    expect(summarizeStandings(scoreWithStrategy(rule, { tally }))).toEqual([
      { unit: 'a', valid: true, score: 60, rank: 1, tier: 'satisfied' },
      { unit: 'b', valid: true, score: 50, rank: 2, tier: 'basicallySatisfied' },
      { unit: 'c', valid: true, score: 50, rank: 2, tier: 'dissatisfied' },
    ]);
  });

  it.each([
    ['the plugin option', {}, {}, 10, 'b', 'basicallySatisfied'],
    ['the policy argument over the option', { electorate: 12 }, {}, 12, 'b', 'dissatisfied'],
    ["the unit's deputies indicator over both", { electorate: 12 }, { b: { deputies: 9 } }, 9, 'b', 'satisfied'],
  ])('takes the electorate from %s', (_source, args, indicators, electorate, unit, tier) => {
    const { standings } = scoreWithStrategy(rule, { tally, args, indicators });
    const standing = standings.find((s) => s.unit === unit);
    expect(standing?.tier).toBe(tier);
    expect(standing?.explanation.steps[0]?.expression).toMatch(new RegExp(`^${electorate} \\(`));
  });

  it("counts only the deputies' evaluator group when asked", () => {
    const grouped =
      'unit,group,level,count\na,deputies,satisfied,4\na,residents,satisfied,90\nb,deputies,satisfied,6\n';
    const { standings } = scoreWithStrategy(rule, { tally: grouped, args: { group: 'deputies' } });
    expect(standings.map((s) => [s.unit, s.score, s.tier])).toEqual([
      ['b', 60, 'satisfied'],
      ['a', 40, 'dissatisfied'],
    ]);
    expect(() =>
      scoreWithStrategy(rule, {
        tally: grouped,
        args: { group: 'deputies' },
        policy: { groups: [{ code: 'residents' }, { code: 'deputies' }] },
      }),
    ).not.toThrow();
    expect(() =>
      scoreWithStrategy(rule, {
        tally: grouped,
        args: { group: 'npc' },
        policy: { groups: [{ code: 'residents' }, { code: 'deputies' }] },
      }),
    ).toThrow('strategy.args.group: "npc" is not an evaluator group of the policy (residents, deputies)');
  });

  it.each([
    [
      'no electorate anywhere',
      majorityRuleStrategy(() => ({})),
      tally,
      'failed for unit "a": no electorate for unit "a": enter its "deputies" indicator',
    ],
    [
      'more ballots than deputies',
      rule,
      'unit,level,count\na,satisfied,11\n',
      'failed for unit "a": 11 ballots rate this unit but the electorate is only 10',
    ],
    ['a group the tally lacks', rule, tally, 'failed for unit "a": the tally has no evaluator group "deputies"'],
  ])('fails clearly with %s', (_name, strategy, csv, message) => {
    const args = _name === 'a group the tally lacks' ? { group: 'deputies' } : {};
    expect(() => scoreWithStrategy(strategy, { tally: csv, args })).toThrow(message);
  });
});

describe('the plugin', () => {
  it('declares its strategy, indicator and presets for this server', () => {
    expect(plugin.name).toBe('@pingyi/plugin-peoples-congress-majority');
    expect(plugin.strategies?.map((s) => s.code)).toEqual(['peoples-congress/majority']);
    expect(plugin.indicators?.map((i) => i.code)).toEqual(['deputies']);
    const registry = PluginRegistry.create([{ plugin, options: { rosterSize: 420 } }]);
    expect(registry.scalePresets().map((p) => p.value.code)).toEqual(['peoples-congress/three-levels']);
  });

  it.each([
    [undefined, {}],
    [{ rosterSize: 420 }, { rosterSize: 420 }],
    [{ rosterSize: 0 }, 'options.rosterSize must be a whole number of deputies ≥ 1, got 0'],
    [{ rosterSize: '420' }, 'options.rosterSize must be a whole number of deputies ≥ 1, got "420"'],
    [[420], 'options must be an object like { "rosterSize": 420 }, got [420]'],
  ])('reads the options %j', (options, expected) => {
    if (typeof expected === 'string') {
      expect(() => parsePeoplesCongressOptions(options)).toThrow(expected);
      expect(() => PluginRegistry.create([{ plugin, options }])).toThrow(
        `plugin "@pingyi/plugin-peoples-congress-majority" refused to start: ${expected}`,
      );
    } else expect(parsePeoplesCongressOptions(options)).toEqual(expected);
  });

  it('uses the rosterSize the config file gives it', () => {
    PluginRegistry.create([{ plugin, options: { rosterSize: 8 } }]);
    const [strategy] = plugin.strategies ?? [];
    expect(
      summarizeStandings(scoreWithStrategy(strategy!, { tally: 'unit,level,count\na,satisfied,5\n' }))[0],
    ).toMatchObject({ score: 62.5, tier: 'satisfied' });
  });
});
