import { describe, expect, expectTypeOf, it } from 'vitest';
import { thrown } from '../../test/fixtures.js';
import { Rational } from '../rational/rational.js';
import { builtInStrategies, createStrategyRegistry } from './built-in/built-in-strategies.js';
import { describeStrategy } from './describe-strategy.js';
import { defineScoringStrategy } from './scoring-strategy.js';
import { StrategyRegistry } from './strategy-registry.js';

const median = defineScoringStrategy({
  code: 'acme/median',
  label: { zh: '中位数', en: 'Median' },
  description: { zh: '中间一票的分值', en: 'Points of the middle vote' },
  args: {
    minShare: { type: 'number', label: { zh: '最低占比', en: 'Minimum share' }, min: 0, max: 1, default: 0 },
    levels: { type: 'levels', label: 'Levels', required: false },
  },
  range: { min: 0, max: 100 },
  score(_unit, args) {
    expectTypeOf(args.minShare).toEqualTypeOf<number>();
    expectTypeOf(args.levels).toEqualTypeOf<readonly string[] | undefined>();
    return Rational.of(1);
  },
});

describe('defineScoringStrategy', () => {
  it('returns the definition, frozen', () => {
    expect(median.code).toBe('acme/median');
    expect(Object.isFrozen(median)).toBe(true);
  });

  it.each([
    ['bad code', { code: 'has space' }, 'code', /not a strategy code/],
    ['empty code', { code: '' }, 'code', /not a strategy code/],
    ['no score function', { score: 3 }, 'score', /function/],
    ['unknown arg type', { args: { x: { type: 'date', label: 'x' } } }, 'args.x.type', /unknown argument type "date"/],
    [
      'min above max',
      { args: { x: { type: 'number', label: 'x', min: 2, max: 1 } } },
      'args.x',
      /min 2 is above max 1/,
    ],
    [
      'default of the wrong type',
      { args: { x: { type: 'integer', label: 'x', default: '3' } } },
      'args.x.default',
      /does not fit type integer/,
    ],
    ['range upside down', { range: { min: 100, max: 0 } }, 'range', /min 100 is above max 0/],
  ])('%s → INVALID_STRATEGY', (_name, override, path, message) => {
    const definition = { code: 'acme/x', label: 'x', description: 'x', args: {}, score: () => 0, ...override };
    const error = thrown(() => defineScoringStrategy(definition as never));
    expect(error.code).toBe('INVALID_STRATEGY');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('describeStrategy', () => {
  it('is plain JSON a console can draw a form from', () => {
    const description = describeStrategy(median);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(description).toEqual({
      code: 'acme/median',
      label: { zh: '中位数', en: 'Median' },
      description: { zh: '中间一票的分值', en: 'Points of the middle vote' },
      args: [
        {
          name: 'minShare',
          type: 'number',
          label: { zh: '最低占比', en: 'Minimum share' },
          required: false,
          default: 0,
          min: 0,
          max: 1,
        },
        { name: 'levels', type: 'levels', label: { zh: 'Levels', en: 'Levels' }, required: false },
      ],
      range: { min: 0, max: 100 },
      decidesTiers: false,
    });
  });

  it.each(builtInStrategies.map((strategy) => [strategy.code, strategy] as const))(
    'describes built-in %s as JSON',
    (_code, strategy) => {
      const description = describeStrategy(strategy);
      expect(JSON.parse(JSON.stringify(description))).toEqual(description);
      expect(description.label.zh).not.toBe('');
      expect(description.label.en).not.toBe('');
    },
  );

  it('marks majority as deciding tiers and trimmed-mean trim as required below 0.5', () => {
    const byCode = new Map(builtInStrategies.map((strategy) => [strategy.code, describeStrategy(strategy)]));
    expect(byCode.get('majority')?.decidesTiers).toBe(true);
    expect(byCode.get('trimmed-mean')?.args[0]).toMatchObject({
      name: 'trim',
      required: true,
      max: 0.5,
      exclusiveMax: true,
    });
    expect(byCode.get('weighted-mean')?.range).toBeUndefined(); // depends on the scale
  });
});

describe('StrategyRegistry', () => {
  it('holds the five built-ins in the contract order, plus plugins', () => {
    const registry = createStrategyRegistry([median]);
    expect(registry.codes()).toEqual([
      'weighted-mean',
      'satisfaction-rate',
      'group-weighted-mean',
      'trimmed-mean',
      'majority',
      'acme/median',
    ]);
    expect(registry.get('acme/median')).toBe(median);
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.list()).toHaveLength(6);
  });

  it('refuses a duplicate code, even for a built-in', () => {
    const clash = defineScoringStrategy({ ...median, code: 'weighted-mean' });
    const error = thrown(() => createStrategyRegistry([clash]));
    expect(error.code).toBe('DUPLICATE_STRATEGY');
    expect(error.message).toMatch(/"weighted-mean" is already registered/);
    expect(thrown(() => new StrategyRegistry([median, median])).code).toBe('DUPLICATE_STRATEGY');
  });

  it('getOrThrow names the known codes', () => {
    const error = thrown(() => new StrategyRegistry([median]).getOrThrow('x'));
    expect(error.code).toBe('UNKNOWN_STRATEGY');
    expect(error.message).toMatch(/unknown scoring strategy "x" \(known: acme\/median\)/);
  });
});
