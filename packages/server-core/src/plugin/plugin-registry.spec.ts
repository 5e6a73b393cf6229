import { ERROR_NAMES, PingyiError, SEED_PLAN, SEED_RATING_SCALE } from '@pingyi/domain';
import { defineScoringStrategy } from '@pingyi/scoring';
import { describe, expect, it } from 'vitest';
import { defineIndicatorStrategy } from '../indicator/indicator-strategy';
import { definePlugin, isPingyiPlugin, type PluginDefinition } from './define-plugin';
import { PluginRegistry } from './plugin-registry';

const strategy = (code: string) =>
  defineScoringStrategy({
    code,
    label: code,
    description: code,
    args: {},
    range: { min: 0, max: 100 },
    score: (unit) => (unit.counted === 0 ? null : 50),
  });

const base: PluginDefinition = { name: '@acme/pingyi-plugin-half', version: '1.0.0', compatibility: '^0.1.0' };

describe('definePlugin', () => {
  it('returns the declaration, frozen and recognizable', () => {
    const plugin = definePlugin({ ...base, strategies: [strategy('acme/half')] });
    expect(isPingyiPlugin(plugin)).toBe(true);
    expect(isPingyiPlugin({ ...base })).toBe(false);
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(plugin.strategies?.[0]?.code).toBe('acme/half');
  });

  const indicatorStrategy = defineIndicatorStrategy({
    code: 'acme/complaints',
    label: 'c',
    description: 'c',
    indicators: ['complaints'],
    args: {},
    score: (_unit, _args, _policy, indicators) => indicators.value('complaints'),
  });
  const template = { code: 'acme/standard', label: 'Standard', plan: SEED_PLAN };

  it.each<[string, Record<string, unknown>, string]>([
    ['a bad name', { name: 'Not A Package' }, 'plugin "Not A Package": name: must be an npm package name'],
    ['a bad version', { version: 'one' }, 'version: must be a version like 1.2.3, got "one"'],
    [
      'no compatibility range',
      { compatibility: undefined },
      'compatibility: must be a semver range of @pingyi/server-core versions (e.g. "^0.1.0"), got undefined',
    ],
    ['a malformed range', { compatibility: 'soon' }, 'compatibility: must be a semver range'],
    [
      'a strategy without prefix',
      { strategies: [strategy('half')] },
      'strategies[0].code: "half" needs a prefix naming the plugin, e.g. "acme/half"',
    ],
    [
      'a built-in code',
      { strategies: [strategy('majority')] },
      'strategies[0].code: "majority" is a built-in strategy',
    ],
    [
      'a strategy twice',
      { strategies: [strategy('acme/a'), strategy('acme/a')] },
      'strategies[1].code: "acme/a" is declared twice',
    ],
    [
      'something else as strategy',
      { strategies: [{ code: 'acme/x' }] },
      'strategies[0]: must be a strategy made with defineScoringStrategy() or defineIndicatorStrategy()',
    ],
    [
      'an undeclared indicator',
      { strategies: [indicatorStrategy] },
      'strategies[0]: "acme/complaints" reads indicator(s) complaints; declare them in indicators',
    ],
    ['a bad indicator', { indicators: [{ code: 'complaints' }] }, 'indicators[0].label: is required'],
    ['a bad scale preset', { scalePresets: [{ code: 'three', label: '三档', scale: [] }] }, 'scalePresets[0].scale'],
    [
      'a bad group preset',
      { groupPresets: [{ code: 'npc', label: '人大', groups: [{ code: 'deputies', label: '代表', quota: 0 }] }] },
      'groupPresets[0].groups[0].quota',
    ],
    [
      'a template without prefix',
      { templates: [{ ...template, code: 'standard' }] },
      'templates[0].code: "standard" needs a prefix',
    ],
    [
      'a broken template',
      { templates: [{ ...template, plan: { ...SEED_PLAN, phases: [] } }] },
      'templates[0].plan.phases: a plan needs at least one phase',
    ],
    [
      'a template policy with an unknown strategy',
      {
        templates: [
          { ...template, policy: { version: 1, scale: SEED_PLAN.scale, strategy: { code: 'acme/none', args: {} } } },
        ],
      },
      'templates[0].policy.strategy.code: unknown scoring strategy "acme/none"',
    ],
    ['entities without module', { entities: [class Thing {}] }, 'entities: entities need the module that uses them'],
    ['a module that is not one', { module: 'nest' as never }, 'module: must be a Nest module class or a DynamicModule'],
  ])('refuses %s, naming the plugin and the field', (_name, change, message) => {
    let caught: unknown;
    try {
      definePlugin({ ...base, ...change } as unknown as PluginDefinition);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PingyiError);
    expect((caught as PingyiError).code).toBe('INVALID_PLUGIN');
    expect((caught as PingyiError).message).toContain(message);
  });

  it("accepts a template that uses the plugin's own indicator strategy", () => {
    const policy = { version: 1, scale: SEED_PLAN.scale, strategy: { code: 'acme/complaints', args: {} } };
    const declare = [{ code: 'complaints', label: '投诉件数', min: 0 }];
    expect(() =>
      definePlugin({
        ...base,
        strategies: [indicatorStrategy],
        indicators: declare,
        templates: [{ ...template, policy, indicators: declare }],
      }),
    ).not.toThrow();
    expect(() =>
      definePlugin({
        ...base,
        strategies: [indicatorStrategy],
        indicators: declare,
        templates: [{ ...template, policy }],
      }),
    ).toThrow(
      'templates[0].indicators: the strategy acme/complaints reads complaints, which the template does not declare',
    );
  });
});

describe('PluginRegistry.create', () => {
  const plugin = (change: Partial<PluginDefinition> = {}) => definePlugin({ ...base, ...change });

  it('refuses an incompatible plugin, naming plugin, range and version', () => {
    expect(() =>
      PluginRegistry.create(
        [{ plugin: plugin({ compatibility: '^2.0.0' }), source: '@acme/pingyi-plugin-half' }],
        '0.1.0',
      ),
    ).toThrow(
      'plugin "@acme/pingyi-plugin-half" requires @pingyi/server-core ^2.0.0, but this server is version 0.1.0; install a version of the plugin made for 0.1.0',
    );
    expect(() => PluginRegistry.create([{ plugin: plugin({ compatibility: '>=0.1.0 <0.2.0' }) }], '0.2.0')).toThrow(
      /INCOMPATIBLE|requires @pingyi\/server-core >=0.1.0 <0.2.0, but this server is version 0.2.0/,
    );
  });

  it('refuses something that is not a plugin, naming where it came from', () => {
    expect(() => PluginRegistry.create([{ plugin: { ...base } as never, source: './my-plugin.cjs' }])).toThrow(
      'plugins[0] (./my-plugin.cjs) is not a plugin: export the result of definePlugin({ name, compatibility, ... })',
    );
  });

  it.each([
    [
      'the same plugin twice',
      [plugin(), plugin()],
      'the plugin name "@acme/pingyi-plugin-half" is declared by plugin "@acme/pingyi-plugin-half" and plugin "@acme/pingyi-plugin-half"',
    ],
    [
      'a strategy code in two plugins',
      [
        plugin({ strategies: [strategy('acme/a')] }),
        plugin({ name: 'other-plugin', strategies: [strategy('acme/a')] }),
      ],
      'the scoring strategy "acme/a" is declared by plugin "@acme/pingyi-plugin-half" and plugin "other-plugin"',
    ],
    [
      'an indicator declared differently',
      [
        plugin({ indicators: [{ code: 'c', label: '投诉' }] }),
        plugin({ name: 'other-plugin', indicators: [{ code: 'c', label: '投诉', max: 10 }] }),
      ],
      'plugins "@acme/pingyi-plugin-half" and "other-plugin" declare the indicator "c" differently',
    ],
  ])('refuses %s', (_name, plugins, message) => {
    expect(() => PluginRegistry.create(plugins.map((p) => ({ plugin: p })))).toThrow(message);
  });

  it('refuses duplicates with codes that have names people read (the audit log shows names)', () => {
    const template = { code: 'acme/standard', label: 'Standard', plan: SEED_PLAN };
    const preset = { code: 'acme/five', label: 'Five', scale: SEED_RATING_SCALE };
    const codeOf = (plugins: Partial<PluginDefinition>[]): string => {
      try {
        PluginRegistry.create(plugins.map((p) => ({ plugin: plugin(p) })));
      } catch (error) {
        if (error instanceof PingyiError) return error.code;
      }
      throw new Error('expected a refusal');
    };
    const codes = [
      codeOf([{}, {}]),
      codeOf([{ templates: [template] }, { name: 'other-plugin', templates: [template] }]),
      codeOf([{ scalePresets: [preset] }, { name: 'other-plugin', scalePresets: [preset] }]),
    ];
    expect(codes).toEqual(['DUPLICATE_PLUGIN', 'DUPLICATE_TEMPLATE', 'DUPLICATE_PRESET']);
    expect(codes.filter((code) => !Object.hasOwn(ERROR_NAMES, code))).toEqual([]);
  });

  it('runs init with the options and reports a refusal naming the plugin', () => {
    const seen: unknown[] = [];
    const options = { rosterSize: 420 };
    PluginRegistry.create([
      { plugin: definePlugin<{ rosterSize: number }>({ ...base, init: (o) => void seen.push(o) }), options },
    ]);
    expect(seen).toEqual([options]);
    const strict = definePlugin({
      ...base,
      init: (o) => {
        if (o === undefined) throw new Error('options.rosterSize is required');
      },
    });
    expect(() => PluginRegistry.create([{ plugin: strict }])).toThrow(
      'plugin "@acme/pingyi-plugin-half" refused to start: options.rosterSize is required',
    );
  });

  it('lists contributions with their plugin and shares an indicator declared alike', () => {
    const registry = PluginRegistry.create([
      { plugin: plugin({ strategies: [strategy('acme/a')], indicators: [{ code: 'c', label: '投诉' }] }) },
      {
        plugin: plugin({
          name: 'other-plugin',
          indicators: [{ code: 'c', label: '投诉' }],
          scalePresets: [{ code: 'three', label: '三档', scale: SEED_PLAN.scale }],
        }),
      },
    ]);
    expect(registry.strategies().map((s) => s.code)).toEqual(['acme/a']);
    expect(registry.strategyRegistry().codes()).toEqual([
      'weighted-mean',
      'satisfaction-rate',
      'group-weighted-mean',
      'trimmed-mean',
      'majority',
      'acme/a',
    ]);
    expect(registry.pluginOfStrategy('acme/a')?.name).toBe('@acme/pingyi-plugin-half');
    expect(registry.pluginOfStrategy('weighted-mean')).toBeUndefined();
    expect(registry.indicators()).toEqual([
      { plugin: '@acme/pingyi-plugin-half', value: { code: 'c', label: '投诉' } },
    ]);
    expect(registry.scalePresets().map((p) => [p.plugin, p.value.code])).toEqual([['other-plugin', 'three']]);
  });

  it('names the plugin in a failure of its strategy and leaves other errors alone', () => {
    const registry = PluginRegistry.create([{ plugin: plugin({ strategies: [strategy('acme/a')] }) }]);
    const failed = new PingyiError(
      'STRATEGY_FAILED',
      'scoring strategy "acme/a" failed for unit "u": returned NaN, not a finite number',
      undefined,
      { strategy: 'acme/a', unit: 'u' },
    );
    const attributed = registry.attributeFailure(failed) as PingyiError;
    expect(attributed.message).toBe(
      'plugin "@acme/pingyi-plugin-half" 1.0.0: scoring strategy "acme/a" failed for unit "u": returned NaN, not a finite number',
    );
    expect(attributed.details).toEqual({ strategy: 'acme/a', unit: 'u', plugin: '@acme/pingyi-plugin-half' });
    expect(registry.attributeFailure(attributed)).toBe(attributed);
    const builtIn = new PingyiError('STRATEGY_FAILED', 'x', undefined, { strategy: 'majority' });
    expect(registry.attributeFailure(builtIn)).toBe(builtIn);
    const other = new Error('boom');
    expect(registry.attributeFailure(other)).toBe(other);
  });
});
