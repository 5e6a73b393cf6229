import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import { assertWithinQuota, type EvaluatorGroup, parseEvaluatorGroups, totalQuota } from './evaluator-group.js';

const GROUPS = [
  { code: 'residents', label: '城乡居民', quota: 3500, weight: 3 },
  { code: 'professionals', label: '专业技术人员', quota: 1000 },
];

describe('parseEvaluatorGroups', () => {
  it('accepts groups and totals their quotas', () => {
    const groups = parseEvaluatorGroups(GROUPS);
    expect(groups).toEqual(GROUPS);
    expect(totalQuota(groups)).toBe(4500);
  });

  it.each([
    ['not a list', {}, 'evaluatorGroups: must be a list'],
    ['empty', [], 'evaluatorGroups: a campaign needs at least one evaluator group'],
    [
      'duplicate code',
      [GROUPS[0], { ...GROUPS[1], code: 'residents' }],
      'evaluatorGroups[1].code: evaluator group code "residents" is already used by evaluatorGroups[0]',
    ],
    ['bad code', [{ ...GROUPS[0], code: '城乡居民' }], 'evaluatorGroups[0].code: "城乡居民" is not a valid code'],
    ['no label', [{ ...GROUPS[0], label: '' }], 'evaluatorGroups[0].label: must not be empty'],
    ['zero quota', [{ ...GROUPS[0], quota: 0 }], 'evaluatorGroups[0].quota: must be at least 1, got 0'],
    ['fractional quota', [{ ...GROUPS[0], quota: 2.5 }], 'evaluatorGroups[0].quota: must be an integer, got 2.5'],
    ['negative weight', [{ ...GROUPS[0], weight: -1 }], 'evaluatorGroups[0].weight: must be a number ≥ 0, got -1'],
    [
      'weight not a number',
      [{ ...GROUPS[0], weight: '3' }],
      'evaluatorGroups[0].weight: must be a number ≥ 0, got "3"',
    ],
    [
      'all weights zero',
      [
        { ...GROUPS[0], weight: 0 },
        { ...GROUPS[1], weight: 0 },
      ],
      'evaluatorGroups: the weights given are all 0',
    ],
  ])('%s → INVALID_EVALUATOR_GROUPS', (_name, input, message) => {
    expect(() => parseEvaluatorGroups(input)).toThrowError(message);
    expect(() => parseEvaluatorGroups(input)).toThrowError(
      expect.objectContaining({ code: 'INVALID_EVALUATOR_GROUPS' }),
    );
  });
});

describe('assertWithinQuota', () => {
  const group: EvaluatorGroup = { code: 'cppccMembers', label: '政协委员', quota: 500 };
  it.each([
    [0, 500, 0],
    [499, 1, 0],
    [100, 250, 150],
  ])('issued %i, requested %i → %i left', (issued, requested, left) => {
    expect(assertWithinQuota(group, issued, requested)).toBe(left);
  });

  it.each([
    [500, 1, 0],
    [450, 51, 50],
    [600, 1, 0],
  ])('issued %i, requested %i → QUOTA_EXCEEDED with %i remaining', (issued, requested, remaining) => {
    try {
      assertWithinQuota(group, issued, requested);
      expect.unreachable();
    } catch (error) {
      expect(isPingyiError(error, 'QUOTA_EXCEEDED')).toBe(true);
      expect((error as Error).message).toBe(
        `count: evaluator group "cppccMembers" (政协委员) has ${remaining} of its 500 access codes left; ${requested} requested`,
      );
      expect((error as { details?: unknown }).details).toEqual({
        group: 'cppccMembers',
        quota: 500,
        issued,
        requested,
        remaining,
      });
    }
  });

  it.each([[0], [-3], [1.5]])('rejects a request of %s codes', (requested) => {
    expect(() => assertWithinQuota(group, 0, requested)).toThrowError(/count: must be a positive integer/);
  });
});
