import type { ScoringPolicy } from '../policy/scoring-policy.js';

/** What the consecutive-year check needs of a campaign's results: its policy and each unit's tier. */
export interface TieredResults {
  readonly policy: Pick<ScoringPolicy, 'tiers' | 'rankTiers' | 'strategy'>;
  readonly standings: readonly { readonly unit: string; readonly tier: string | null }[];
}

/**
 * The tier codes that count as a policy's bottom tier: for a strategy that
 * decides the tier itself (majority: its `tiers` argument, 不满意 last), the
 * last of those, since such a strategy ignores both `rankTiers` and `tiers`;
 * else its `bottom` rank tiers (后 N 名); without any, its last score tier when
 * it lists two or more. Empty when the policy has no bottom tier.
 */
export function bottomTierCodes(policy: TieredResults['policy']): string[] {
  const decided = policy.strategy.args.tiers;
  if (Array.isArray(decided) && decided.length >= 2 && typeof decided[decided.length - 1] === 'string')
    return [decided[decided.length - 1] as string];
  const byPlace = (policy.rankTiers ?? []).filter((tier) => tier.bottom !== undefined).map((tier) => tier.code);
  if (byPlace.length > 0) return byPlace;
  const last = policy.tiers[policy.tiers.length - 1];
  if (policy.tiers.length >= 2 && last) return [last.code];
  return [];
}

/**
 * Units in the bottom tier in both the previous campaign and this one (连续两年),
 * matched by unit code, each year read with its own policy's bottom tier
 * ({@link bottomTierCodes}); in the order of `current.standings`. Nothing when
 * there is no previous campaign. The console, the results API and the results
 * notice all call this one function.
 */
export function consecutiveBottomUnits(current: TieredResults, previous: TieredResults | null | undefined): string[] {
  if (!previous) return [];
  const bottomBefore = new Set(bottomTierCodes(previous.policy));
  const bottomNow = new Set(bottomTierCodes(current.policy));
  const before = new Set(
    previous.standings
      .filter((standing) => standing.tier !== null && bottomBefore.has(standing.tier))
      .map((standing) => standing.unit),
  );
  return current.standings
    .filter((standing) => standing.tier !== null && bottomNow.has(standing.tier) && before.has(standing.unit))
    .map((standing) => standing.unit);
}
