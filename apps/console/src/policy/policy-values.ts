import { type PolicyJson } from '../campaigns/campaign-values';
import { argsForPolicy, type StrategyInfo } from './strategy-args';

/** The policy editor's form: the policy's own fields (the scale and groups are edited on the campaign). */
export interface PolicyForm {
  strategy: { code: string; args: Record<string, unknown> };
  minCounted: number;
  decimals: number;
  unknownInDenominator: boolean;
  tiers: { code: string; label: string; min: number | null }[];
  rankWithin: 'all' | 'series';
  /** Rank tiers as the form edits them: top or bottom N places. */
  rankTiers: { code: string; label: string; kind: 'top' | 'bottom'; places: number }[];
  minResponseRate: number;
}

export function policyForm(policy: PolicyJson): PolicyForm {
  return {
    strategy: { code: policy.strategy.code, args: { ...(policy.strategy.args ?? {}) } },
    minCounted: policy.minCounted ?? 0,
    decimals: policy.decimals ?? 2,
    unknownInDenominator: policy.unknownInDenominator ?? false,
    tiers: (policy.tiers ?? []).map((tier) => ({ ...tier })),
    rankWithin: policy.rankWithin ?? 'all',
    rankTiers: (policy.rankTiers ?? []).map((tier) => ({
      code: tier.code,
      label: tier.label,
      kind: tier.top !== undefined ? 'top' : 'bottom',
      places: tier.top ?? tier.bottom ?? 1,
    })),
    minResponseRate: policy.minResponseRate ?? 0,
  };
}

const numberOr = (value: unknown, fallback: number) =>
  value === '' || value === null || value === undefined || Number.isNaN(Number(value)) ? fallback : Number(value);

/** The campaign's policy with the editor's values; everything else (scale, groups, extra fields) kept. */
export function policyFromEditor(base: PolicyJson, values: PolicyForm, strategy: StrategyInfo | undefined): PolicyJson {
  const args = strategy ? argsForPolicy(strategy.args, values.strategy.args) : values.strategy.args;
  const policy: PolicyJson = {
    ...base,
    strategy: { code: values.strategy.code, args },
    minCounted: numberOr(values.minCounted, 0),
    decimals: numberOr(values.decimals, 2),
    unknownInDenominator: !!values.unknownInDenominator,
    tiers: (values.tiers ?? []).map((tier) => ({
      code: tier.code,
      label: tier.label,
      min: tier.min === null || (tier.min as unknown) === '' || tier.min === undefined ? null : Number(tier.min),
    })),
  };
  // left out when at their defaults, so a policy that never used them stays as it was
  delete policy.rankWithin;
  delete policy.rankTiers;
  delete policy.minResponseRate;
  if (values.rankWithin === 'series') policy.rankWithin = 'series';
  const rankTiers = (values.rankTiers ?? []).map((tier) => ({
    code: tier.code,
    label: tier.label,
    [tier.kind === 'top' ? 'top' : 'bottom']: numberOr(tier.places, 1),
  }));
  if (rankTiers.length > 0) policy.rankTiers = rankTiers;
  const minResponseRate = numberOr(values.minResponseRate, 0);
  if (minResponseRate > 0) policy.minResponseRate = minResponseRate;
  return policy;
}

/** Server paths of the policy (`policyJson.strategy.args.trim`, `input.policyJson.tiers[1].min`) → editor fields. */
export function policyFormField(field: string): string {
  return field.replace(/^(input\.)?policyJson\./, '');
}
