import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../campaigns/campaign-values';
import { policyForm, policyFormField, policyFromEditor } from './policy-values';
import { argsForPolicy, type ArgDescription, defaultArgs, inputKindOf, parseStrategy } from './strategy-args';

const label = { zh: '参数', en: 'Arg' };
const arg = (name: string, type: string, extra: Partial<ArgDescription> = {}): ArgDescription => ({
  name,
  type,
  label,
  required: true,
  ...extra,
});

describe('inputKindOf', () => {
  it.each([
    [{ type: 'number' }, 'number'],
    [{ type: 'integer' }, 'integer'],
    [{ type: 'boolean' }, 'boolean'],
    [{ type: 'string' }, 'text'],
    [{ type: 'string', options: ['a', 'b'] }, 'choice'],
    [{ type: 'level' }, 'level'],
    [{ type: 'levels' }, 'levels'],
    [{ type: 'strings' }, 'list'],
    [{ type: 'strings', options: ['x'] }, 'choices'],
    [{ type: 'groupWeights' }, 'groupWeights'],
    [{ type: 'somethingNew' }, 'json'],
  ])('%o → %s', (declared, kind) => expect(inputKindOf(declared)).toBe(kind));
});

describe('parseStrategy', () => {
  const base = {
    code: 'trimmed-mean',
    labelZh: '去极值平均',
    labelEn: 'Trimmed mean',
    descriptionZh: '',
    descriptionEn: '',
    decidesTiers: false,
    rangeMin: null,
    rangeMax: null,
  };
  it('parses the declared arguments', () => {
    expect(
      parseStrategy({
        ...base,
        argsJson: JSON.stringify([arg('trim', 'number', { min: 0, max: 0.5, exclusiveMax: true })]),
      }).args[0]?.max,
    ).toBe(0.5);
  });
  it.each([['{'], ['{"trim": 1}']])('reports a malformed declaration %s with the code', (json) => {
    expect(() => parseStrategy({ ...base, argsJson: json })).toThrow(/trimmed-mean/);
  });
});

describe('defaultArgs and argsForPolicy', () => {
  const args = [
    arg('trim', 'number', { default: 0.1 }),
    arg('electorate', 'integer'),
    arg('levels', 'levels'),
    arg('tiers', 'strings'),
    arg('weights', 'groupWeights', { required: false }),
    arg('note', 'string', { required: false }),
  ];
  it('starts from the defaults', () => {
    expect(defaultArgs(args)).toEqual({ trim: 0.1, electorate: null, levels: [], tiers: [], weights: {}, note: null });
  });
  it('types form values and leaves out empty optional arguments', () => {
    expect(
      argsForPolicy(args, {
        trim: '0.2',
        electorate: '5000',
        levels: ['satisfied'],
        tiers: 'good, fair，poor',
        weights: { residents: '3', deputies: '' },
        note: '',
        stray: 1,
      }),
    ).toEqual({
      trim: 0.2,
      electorate: 5000,
      levels: ['satisfied'],
      tiers: ['good', 'fair', 'poor'],
      weights: { residents: 3 },
    });
  });
  it('sends a missing required argument as null, for the server to name it', () => {
    expect(argsForPolicy([arg('electorate', 'integer')], {})).toEqual({ electorate: null });
  });
});

describe('policy editor values', () => {
  it('round-trips the policy, keeping the scale and extra fields', () => {
    const base = { ...defaultPolicy(), groups: [{ code: 'residents', label: '城乡居民', weight: 3 }], note: 'kept' };
    const form = policyForm(base);
    form.strategy = { code: 'satisfaction-rate', args: { levels: ['satisfied', 'fairlySatisfied'] } };
    form.tiers[0] = { code: 'satisfied', label: '满意', min: '90' as unknown as number };
    const strategy = parseStrategy({
      code: 'satisfaction-rate',
      labelZh: '',
      labelEn: '',
      descriptionZh: '',
      descriptionEn: '',
      decidesTiers: false,
      rangeMin: 0,
      rangeMax: 100,
      argsJson: JSON.stringify([arg('levels', 'levels')]),
    });
    const policy = policyFromEditor(base, form, strategy);
    expect(policy.strategy).toEqual({ code: 'satisfaction-rate', args: { levels: ['satisfied', 'fairlySatisfied'] } });
    expect(policy.tiers?.[0]?.min).toBe(90);
    expect(policy.tiers?.[2]?.min).toBeNull();
    expect(policy.scale).toEqual(base.scale);
    expect(policy.groups).toEqual(base.groups);
    expect(policy.note).toBe('kept');
  });

  it.each([
    ['input.policyJson.strategy.args.trim', 'strategy.args.trim'],
    ['policyJson.tiers.1.min', 'tiers.1.min'],
    ['minCounted', 'minCounted'],
  ])('maps %s to %s', (path, field) => expect(policyFormField(path)).toBe(field));
});
