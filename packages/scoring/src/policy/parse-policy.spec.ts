import { describe, expect, it } from 'vitest';
import { policyJson, thrown } from '../../test/fixtures.js';
import { createStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import { defineScoringStrategy } from '../strategy/scoring-strategy.js';
import { parsePolicy } from './parse-policy.js';

describe('parsePolicy', () => {
  it('reads the contract example and keeps its values', () => {
    const policy = parsePolicy(policyJson({ groups: [{ code: 'residents', label: '城乡居民', weight: 3 }] }));
    expect(policy.scale).toHaveLength(6);
    expect(policy.groups).toEqual([{ code: 'residents', label: '城乡居民', weight: 3 }]);
    expect(policy.strategy).toEqual({ code: 'weighted-mean', args: {} });
    expect(policy.tiers[0]).toEqual({ code: 'satisfied', label: '满意', min: 85 });
  });

  it('fills the documented defaults', () => {
    const policy = parsePolicy({
      version: 1,
      scale: [{ code: 'yes', points: 1 }],
      strategy: { code: 'weighted-mean' },
    });
    expect(policy).toEqual({
      version: 1,
      scale: [{ code: 'yes', label: 'yes', points: 1 }],
      unknownInDenominator: false,
      strategy: { code: 'weighted-mean', args: {} },
      minCounted: 0,
      decimals: 2,
      tiers: [],
    });
    expect('groups' in policy).toBe(false);
  });

  it('fills group and tier defaults', () => {
    const policy = parsePolicy(policyJson({ groups: [{ code: 'residents' }], tiers: [{ code: 'any', min: null }] }));
    expect(policy.groups).toEqual([{ code: 'residents', label: 'residents', weight: 1 }]);
    expect(policy.tiers).toEqual([{ code: 'any', label: 'any', min: null }]);
  });

  it('allows and drops extra fields', () => {
    const policy = parsePolicy(
      policyJson({ comment: 'for 2026', strategy: { code: 'trimmed-mean', args: { trim: 0.1, note: 'x' }, extra: 1 } }),
    );
    expect(policy.strategy).toEqual({ code: 'trimmed-mean', args: { trim: 0.1 } });
    expect('comment' in policy).toBe(false);
  });

  it('is idempotent', () => {
    const once = parsePolicy(
      policyJson({ groups: [{ code: 'a', weight: 2 }], strategy: { code: 'group-weighted-mean' } }),
    );
    expect(parsePolicy(once)).toEqual(once);
  });

  // Every error is INVALID_POLICY and names the field.
  it.each([
    ['not an object', [], '(policy)', /must be an object/],
    ['missing version', policyJson({ version: undefined }), 'version', /required/],
    ['version 2', policyJson({ version: 2 }), 'version', /unsupported policy version 2/],
    ['missing scale', policyJson({ scale: undefined }), 'scale', /required/],
    ['empty scale', policyJson({ scale: [] }), 'scale', /at least one level/],
    ['bad points', policyJson({ scale: [{ code: 'a', points: 'x' }] }), 'scale[0].points', /finite number or null/],
    [
      'duplicate level',
      policyJson({
        scale: [
          { code: 'a', points: 1 },
          { code: 'a', points: 2 },
        ],
      }),
      'scale[1].code',
      /duplicate/,
    ],
    [
      'no points at all',
      policyJson({ scale: [{ code: 'a', points: null }] }),
      'scale',
      /at least one level with points/,
    ],
    ['unknownInDenominator', policyJson({ unknownInDenominator: 'yes' }), 'unknownInDenominator', /true or false/],
    ['groups not a list', policyJson({ groups: {} }), 'groups', /list/],
    ['groups empty', policyJson({ groups: [] }), 'groups', /lists no evaluator group/],
    ['group without code', policyJson({ groups: [{ weight: 1 }] }), 'groups[0].code', /required/],
    [
      'duplicate group',
      policyJson({ groups: [{ code: 'a' }, { code: 'a' }] }),
      'groups[1].code',
      /duplicate group code "a"/,
    ],
    ['negative weight', policyJson({ groups: [{ code: 'a', weight: -1 }] }), 'groups[0].weight', /≥ 0/],
    ['weight as text', policyJson({ groups: [{ code: 'a', weight: '3' }] }), 'groups[0].weight', /number/],
    ['group label', policyJson({ groups: [{ code: 'a', label: 3 }] }), 'groups[0].label', /string/],
    ['missing strategy', policyJson({ strategy: undefined }), 'strategy', /required/],
    ['strategy not an object', policyJson({ strategy: 'weighted-mean' }), 'strategy', /object/],
    ['missing strategy code', policyJson({ strategy: { args: {} } }), 'strategy.code', /required/],
    [
      'unknown strategy',
      policyJson({ strategy: { code: 'median' } }),
      'strategy.code',
      /unknown scoring strategy "median" \(known: weighted-mean, satisfaction-rate/,
    ],
    ['args not an object', policyJson({ strategy: { code: 'weighted-mean', args: [1] } }), 'strategy.args', /object/],
    [
      'missing trim',
      policyJson({ strategy: { code: 'trimmed-mean' } }),
      'strategy.args.trim',
      /required number argument is missing/,
    ],
    [
      'trim 0.5',
      policyJson({ strategy: { code: 'trimmed-mean', args: { trim: 0.5 } } }),
      'strategy.args.trim',
      /below 0.5/,
    ],
    [
      'trim negative',
      policyJson({ strategy: { code: 'trimmed-mean', args: { trim: -0.1 } } }),
      'strategy.args.trim',
      /at least 0/,
    ],
    [
      'trim text',
      policyJson({ strategy: { code: 'trimmed-mean', args: { trim: '0.1' } } }),
      'strategy.args.trim',
      /must be a number/,
    ],
    [
      'satisfaction levels empty',
      policyJson({ strategy: { code: 'satisfaction-rate', args: { levels: [] } } }),
      'strategy.args.levels',
      /at least 1 item, not 0/,
    ],
    [
      'satisfaction level unknown',
      policyJson({ strategy: { code: 'satisfaction-rate', args: { levels: ['satisfied', 'happy'] } } }),
      'strategy.args.levels[1]',
      /"happy" is not a level of the scale/,
    ],
    [
      'satisfaction level not counted',
      policyJson({ strategy: { code: 'satisfaction-rate', args: { levels: ['unknown'] } } }),
      'strategy.args.levels[0]',
      /no-opinion level/,
    ],
    [
      'group-weighted-mean without groups',
      policyJson({ strategy: { code: 'group-weighted-mean' } }),
      'groups',
      /needs the evaluator groups/,
    ],
    [
      'group-weighted-mean, all weights 0',
      policyJson({
        groups: [
          { code: 'a', weight: 0 },
          { code: 'b', weight: 0 },
        ],
        strategy: { code: 'group-weighted-mean' },
      }),
      'groups',
      /at least one group needs a weight above 0/,
    ],
    [
      'electorate 0',
      policyJson({ strategy: { code: 'majority', args: majorityArgs({ electorate: 0 }) } }),
      'strategy.args.electorate',
      /at least 1/,
    ],
    [
      'electorate 1.5',
      policyJson({ strategy: { code: 'majority', args: majorityArgs({ electorate: 1.5 }) } }),
      'strategy.args.electorate',
      /whole number/,
    ],
    [
      'two tier codes',
      policyJson({ strategy: { code: 'majority', args: majorityArgs({ tiers: ['a', 'b'] }) } }),
      'strategy.args.tiers',
      /at least 3 items, not 2/,
    ],
    [
      'repeated tier code',
      policyJson({ strategy: { code: 'majority', args: majorityArgs({ tiers: ['a', 'b', 'a'] }) } }),
      'strategy.args.tiers[2]',
      /listed twice/,
    ],
    ['minCounted negative', policyJson({ minCounted: -1 }), 'minCounted', /whole number ≥ 0/],
    ['minCounted fraction', policyJson({ minCounted: 2.5 }), 'minCounted', /whole number ≥ 0/],
    ['decimals 11', policyJson({ decimals: 11 }), 'decimals', /0 to 10/],
    ['decimals text', policyJson({ decimals: '2' }), 'decimals', /0 to 10/],
    ['tiers not a list', policyJson({ tiers: 'x' }), 'tiers', /list/],
    ['tier without min', policyJson({ tiers: [{ code: 'a', min: 1 }, { code: 'b' }] }), 'tiers[1].min', /required/],
    [
      'tier min text',
      policyJson({
        tiers: [
          { code: 'a', min: 1 },
          { code: 'b', min: '60' },
        ],
      }),
      'tiers[1].min',
      /number or null/,
    ],
    [
      'duplicate tier',
      policyJson({
        tiers: [
          { code: 'a', min: 1 },
          { code: 'a', min: null },
        ],
      }),
      'tiers[1].code',
      /duplicate tier code/,
    ],
  ])('%s → INVALID_POLICY', (_name, json, path, message) => {
    const error = thrown(() => parsePolicy(json));
    expect(error.code).toBe('INVALID_POLICY');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('validates the arguments of a plugin strategy from the registry it is given', () => {
    const plugin = defineScoringStrategy({
      code: 'acme/floor',
      label: 'Floor',
      description: 'Points of the worst level anyone chose',
      args: {
        level: { type: 'level', label: 'Level' },
        weights: { type: 'groupWeights', label: 'Weights', required: false },
      },
      score: () => 0,
    });
    const registry = createStrategyRegistry([plugin]);
    const ok = parsePolicy(
      policyJson({
        groups: [{ code: 'residents' }],
        strategy: { code: 'acme/floor', args: { level: 'satisfied', weights: { residents: 2 } } },
      }),
      registry,
    );
    expect(ok.strategy.args).toEqual({ level: 'satisfied', weights: { residents: 2 } });
    expect(
      thrown(() => parsePolicy(policyJson({ strategy: { code: 'acme/floor', args: { level: 'satisfied' } } }))).path,
    ).toBe('strategy.code');
    const bad = thrown(() =>
      parsePolicy(
        policyJson({
          groups: [{ code: 'residents' }],
          strategy: { code: 'acme/floor', args: { level: 'satisfied', weights: { cadres: 1 } } },
        }),
        registry,
      ),
    );
    expect(bad.path).toBe('strategy.args.weights.cadres');
  });
});

function majorityArgs(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    electorate: 100,
    satisfiedLevels: ['satisfied'],
    acceptableLevels: ['satisfied', 'fairlySatisfied'],
    tiers: ['good', 'fair', 'poor'],
    ...overrides,
  };
}

describe('parsePolicy: codes with surrounding spaces', () => {
  it.each([
    [
      {
        scale: [
          { code: ' satisfied', points: 100 },
          { code: 'dissatisfied', points: 40 },
        ],
      },
      'scale[0].code',
      /must not begin or end with spaces: " satisfied"/,
    ],
    [{ tiers: [{ code: 'good ', min: 80 }] }, 'tiers[0].code', /must not begin or end with spaces: "good "/],
  ])('refuses %j naming the field', (fields, path, message) => {
    const error = thrown(() => parsePolicy(policyJson(fields)));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});
