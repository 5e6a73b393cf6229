import { PingyiError, type RatingScale } from '@pingyi/domain';
import { parsePolicy } from '../policy/parse-policy.js';
import type { ScoringPolicy, Tier } from '../policy/scoring-policy.js';
import { Rational } from '../rational/rational.js';
import { builtInStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import type { StrategyRegistry } from '../strategy/strategy-registry.js';
import type { UnitCounts } from '../tally/level-counts.js';
import { byCodeUnits, type Tally } from '../tally/tally.js';
import { explainStanding, type TierDecision } from './explain-standing.js';
import { resolveRange, runStrategy, type CheckedOutcome } from './run-strategy.js';
import type { ScoringResult, Standing } from './standing.js';

/** A unit on its way to a standing. */
export interface ScoredUnit {
  readonly counts: UnitCounts;
  readonly outcome: CheckedOutcome | null;
  /** The score rounded to the policy's decimals; null when not valid. */
  readonly rounded: Rational | null;
  readonly reason?: { zh: string; en: string };
}

/**
 * Turns a tally into standings under a policy (CONTRACTS.md §1): counted and
 * ballots, rates, the strategy's score rounded half-up exactly, validity
 * (`minCounted`, or a unit the strategy cannot score), ranks with shared
 * places ("1, 2, 2, 4"), tiers, and an explanation per unit.
 *
 * The policy is validated again (cheap), so raw policy JSON works too and a
 * hand-built object gets the same errors and defaults. The tally must fit the
 * policy: the same level codes in the same order (`INVALID_TALLY` otherwise),
 * and when the policy lists groups, a tally with groups all listed there.
 * Strategies come from `registry` (the built-ins by default); a failing one
 * is a `STRATEGY_FAILED` error, never a wrong ranking.
 */
export function scoreTally(tally: Tally, policy: ScoringPolicy, registry: StrategyRegistry = builtInStrategyRegistry): ScoringResult {
  const checked = parsePolicy(policy, registry);
  assertTallyFitsPolicy(tally, checked);
  const strategy = registry.getOrThrow(checked.strategy.code);
  const range = resolveRange(strategy, checked);

  const scored = tally.units.map((unit): ScoredUnit => {
    const counts = tally.unitCounts(unit, checked);
    if (counts.counted < checked.minCounted) {
      const reason = {
        zh: `有效票 ${counts.counted} 张，少于最低要求 ${checked.minCounted} 张`,
        en: `${counts.counted} counted votes, fewer than the required ${checked.minCounted}`,
      };
      return { counts, outcome: null, rounded: null, reason };
    }
    const outcome = runStrategy(strategy, counts, checked, range);
    return { counts, outcome, rounded: outcome.score?.roundHalfUp(checked.decimals) ?? null, ...(outcome.reason ? { reason: outcome.reason } : {}) };
  });

  const byUnit = (a: ScoredUnit, b: ScoredUnit) => byCodeUnits(a.counts.unit, b.counts.unit);
  const valid = scored.filter((unit) => unit.rounded).sort((a, b) => (b.rounded as Rational).compare(a.rounded as Rational) || byUnit(a, b));
  const invalid = scored.filter((unit) => !unit.rounded).sort(byUnit);

  const sharing = new Map<string, number>();
  for (const unit of valid) sharing.set(String(unit.rounded), (sharing.get(String(unit.rounded)) ?? 0) + 1);
  const standings: Standing[] = [];
  valid.forEach((unit, i) => {
    const previous = valid[i - 1];
    const tied = previous && (previous.rounded as Rational).equals(unit.rounded as Rational);
    const rank = tied ? (standings[i - 1]?.rank as number) : i + 1;
    const tier = strategy.decidesTiers ? decidedTier(unit, checked.tiers) : policyTier(unit.rounded as Rational, checked.tiers);
    standings.push(explainStanding(unit, checked, { rank, sharing: sharing.get(String(unit.rounded)) ?? 1, tier }));
  });
  for (const unit of invalid) standings.push(explainStanding(unit, checked, null));
  return { standings };
}

function policyTier(score: Rational, tiers: readonly Tier[]): TierDecision {
  const tier = tiers.find((candidate) => candidate.min === null || Rational.fromNumber(candidate.min).compare(score) <= 0);
  return tier ? { code: tier.code, label: tier.label, min: tier.min, decidedByStrategy: false } : null;
}

function decidedTier(unit: ScoredUnit, tiers: readonly Tier[]): TierDecision {
  const code = unit.outcome?.tier;
  if (!code) return null;
  return { code, label: tiers.find((tier) => tier.code === code)?.label ?? code, min: null, decidedByStrategy: true };
}

function assertTallyFitsPolicy(tally: Tally, policy: ScoringPolicy): void {
  const codes = (scale: RatingScale) => scale.map((level) => level.code).join(', ');
  if (codes(tally.scale) !== codes(policy.scale)) {
    throw new PingyiError('INVALID_TALLY', `the tally's levels (${codes(tally.scale)}) differ from the policy's scale (${codes(policy.scale)})`, 'scale');
  }
  if (!policy.groups) return;
  const listed = new Set(policy.groups.map((group) => group.code));
  if (tally.groups.length === 0 && tally.units.length > 0) {
    throw new PingyiError('INVALID_TALLY', `the tally has no evaluator groups but the policy lists them (${[...listed].join(', ')})`, 'groups');
  }
  const stray = tally.groups.find((group) => !listed.has(group));
  if (stray !== undefined) {
    throw new PingyiError('INVALID_TALLY', `group "${stray}" of the tally is not an evaluator group of the policy (${[...listed].join(', ')})`, 'groups');
  }
}
