import { SEED_RATING_SCALE } from '@pingyi/domain';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { thrown } from '../../test/fixtures.js';
import { validateArgs, type ArgDefinitions, type ArgValues } from './strategy-args.js';

const context = { scale: SEED_RATING_SCALE, groups: [{ code: 'residents' }, { code: 'cadres' }] };

const definitions = {
  share: { type: 'number', label: 'Share', min: 0, max: 1, exclusiveMax: true },
  size: { type: 'integer', label: 'Size', min: 1, max: 9 },
  strict: { type: 'boolean', label: 'Strict', default: false },
  mode: { type: 'string', label: 'Mode', options: ['fast', 'slow'], required: false },
  floor: { type: 'level', label: 'Floor', default: 'dissatisfied' },
  good: { type: 'levels', label: 'Good', min: 1 },
  names: { type: 'strings', label: 'Names', max: 2, required: false },
  weights: { type: 'groupWeights', label: 'Weights', required: false },
} as const satisfies ArgDefinitions;

const valid = { share: 0.25, size: 3, good: ['satisfied'] };

describe('validateArgs', () => {
  it('returns typed values with defaults filled in and extra keys dropped', () => {
    const values = validateArgs(definitions, { ...valid, mode: 'fast', extra: true }, context);
    expect(values).toEqual({
      share: 0.25,
      size: 3,
      strict: false,
      mode: 'fast',
      floor: 'dissatisfied',
      good: ['satisfied'],
    });
  });

  it('types values from the declaration (like Vendure ConfigArgValues)', () => {
    type Values = ArgValues<typeof definitions>;
    expectTypeOf<Values['share']>().toEqualTypeOf<number>();
    expectTypeOf<Values['strict']>().toEqualTypeOf<boolean>();
    expectTypeOf<Values['mode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Values['floor']>().toEqualTypeOf<string>();
    expectTypeOf<Values['good']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<Values['weights']>().toEqualTypeOf<Readonly<Record<string, number>> | undefined>();
  });

  it('treats null and a missing object like no arguments', () => {
    expect(thrown(() => validateArgs(definitions, null, context)).path).toBe('strategy.args.share');
    expect(validateArgs({}, undefined, context)).toEqual({});
  });

  it.each([
    [
      'missing required',
      { size: 3, good: ['satisfied'] },
      'strategy.args.share',
      /required number argument is missing/,
    ],
    ['NaN', { ...valid, share: Number.NaN }, 'strategy.args.share', /must be a number/],
    ['exclusive max', { ...valid, share: 1 }, 'strategy.args.share', /below 1/],
    ['integer', { ...valid, size: 2.5 }, 'strategy.args.size', /whole number/],
    ['integer max', { ...valid, size: 10 }, 'strategy.args.size', /at most 9/],
    ['boolean', { ...valid, strict: 'yes' }, 'strategy.args.strict', /true or false/],
    ['option', { ...valid, mode: 'medium' }, 'strategy.args.mode', /"medium" is not an allowed value \(fast, slow\)/],
    ['empty string', { ...valid, mode: '' }, 'strategy.args.mode', /non-empty string/],
    ['level', { ...valid, floor: 'meh' }, 'strategy.args.floor', /not a level of the scale/],
    ['levels not a list', { ...valid, good: 'satisfied' }, 'strategy.args.good', /must be a list/],
    ['levels item', { ...valid, good: ['satisfied', 4] }, 'strategy.args.good[1]', /non-empty string, not 4/],
    ['levels repeat', { ...valid, good: ['satisfied', 'satisfied'] }, 'strategy.args.good[1]', /listed twice/],
    ['too many strings', { ...valid, names: ['a', 'b', 'c'] }, 'strategy.args.names', /at most 2 items/],
    ['weights not an object', { ...valid, weights: [1] }, 'strategy.args.weights', /object of weights/],
    [
      'weights unknown group',
      { ...valid, weights: { nobody: 1 } },
      'strategy.args.weights.nobody',
      /not an evaluator group/,
    ],
    ['weights negative', { ...valid, weights: { residents: -2 } }, 'strategy.args.weights.residents', /≥ 0/],
  ])('%s → INVALID_POLICY', (_name, raw, path, message) => {
    const error = thrown(() => validateArgs(definitions, raw, context));
    expect(error.code).toBe('INVALID_POLICY');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('copies lists, so later edits of the input change nothing', () => {
    const raw = { ...valid, good: ['satisfied'] };
    const values = validateArgs(definitions, raw, context);
    raw.good.push('unknown');
    expect(values.good).toEqual(['satisfied']);
  });
});
