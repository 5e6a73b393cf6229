import { describe, expect, it } from 'vitest';
import { type PolicyJson } from '../campaigns/campaign-values';
import { policyForm, policyFromEditor } from './policy-values';

const base: PolicyJson = {
  version: 1,
  scale: [{ code: 'satisfied', label: '满意', points: 100 }],
  strategy: { code: 'weighted-mean', args: {} },
  minCounted: 0,
  decimals: 2,
  tiers: [{ code: 'ok', label: '合格', min: null }],
};

describe('the policy editor: ranking within series, rank tiers, the minimum response rate', () => {
  it('leaves a policy that never used them exactly as it was', () => {
    expect(policyFromEditor(base, policyForm(base), undefined)).toEqual({ ...base, unknownInDenominator: false });
  });

  it('writes rankWithin, rankTiers (top or bottom N) and minResponseRate, and reads them back', () => {
    const form = {
      ...policyForm(base),
      rankWithin: 'series' as const,
      rankTiers: [
        { code: 'top', label: '优秀', kind: 'top' as const, places: 3 },
        { code: 'low', label: '一般', kind: 'bottom' as const, places: '2' as unknown as number },
      ],
      minResponseRate: 30,
    };
    const policy = policyFromEditor(base, form, undefined);
    expect(policy).toMatchObject({
      rankWithin: 'series',
      rankTiers: [
        { code: 'top', label: '优秀', top: 3 },
        { code: 'low', label: '一般', bottom: 2 },
      ],
      minResponseRate: 30,
    });
    expect(policyForm(policy)).toMatchObject({
      rankWithin: 'series',
      rankTiers: [
        { kind: 'top', places: 3 },
        { kind: 'bottom', places: 2 },
      ],
      minResponseRate: 30,
    });
    // back to the defaults: the fields are left out again
    const cleared = policyFromEditor(
      policy,
      { ...policyForm(policy), rankWithin: 'all', rankTiers: [], minResponseRate: 0 },
      undefined,
    );
    expect(['rankWithin', 'rankTiers', 'minResponseRate'].filter((key) => key in cleared)).toEqual([]);
  });
});
