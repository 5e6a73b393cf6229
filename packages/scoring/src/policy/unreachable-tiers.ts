import type { Tier } from './scoring-policy.js';

/** A tier no score can reach, and the earlier tier that takes its scores. */
export interface UnreachableTier {
  readonly tier: Tier;
  readonly index: number;
  readonly shadowedBy: Tier;
}

/**
 * Tiers that can never be given because of their order: a unit gets the
 * first tier whose `min` it reaches, so a tier listed after one with a lower
 * or equal `min` (or after a `min: null` catch-all) is never reached —
 * `[{ good, min: 60 }, { excellent, min: 90 }]` gives no one "excellent".
 * A policy stays valid with them (the order is the office's); callers warn.
 */
export function unreachableTiers(tiers: readonly Tier[]): UnreachableTier[] {
  const found: UnreachableTier[] = [];
  tiers.forEach((tier, index) => {
    const shadowedBy = tiers
      .slice(0, index)
      .find((earlier) => earlier.min === null || (tier.min !== null && earlier.min <= tier.min));
    if (shadowedBy) found.push({ tier, index, shadowedBy });
  });
  return found;
}
