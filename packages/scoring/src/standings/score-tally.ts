import { PingyiError, type RatingScale } from '@pingyi/domain';
import { localize } from '../localized-text.js';
import { parsePolicy } from '../policy/parse-policy.js';
import type { ScoringPolicy, Tier } from '../policy/scoring-policy.js';
import { Rational } from '../rational/rational.js';
import { builtInStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import type { StrategyRegistry } from '../strategy/strategy-registry.js';
import type { UnitCounts } from '../tally/level-counts.js';
import { byCodeUnits, type Tally } from '../tally/tally.js';
import { explainStanding, type TierDecision } from './explain-standing.js';
import { resolveRange, runStrategy, type CheckedOutcome } from './run-strategy.js';
import type { ExcludedGroup, ScoringResult, Standing } from './standing.js';

/** A unit on its way to a standing. */
export interface ScoredUnit {
  /** The counts that were scored (without excluded groups). */
  readonly counts: UnitCounts;
  /** Every rating of the unit, excluded groups too: what the explanation reports. */
  readonly reported: UnitCounts;
  readonly series: string | null;
  readonly outcome: CheckedOutcome | null;
  /** The score rounded to the policy's decimals; null when not valid. */
  readonly rounded: Rational | null;
  readonly reason?: { zh: string; en: string };
  readonly excludedGroups: readonly ExcludedGroup[];
}

/** Ballots received and distributed for one evaluator group (for `minResponseRate`). */
export interface GroupParticipation {
  readonly received: number;
  readonly distributed: number;
}

/** What a caller knows beyond the tally. */
export interface ScoringContext {
  /**
   * Per evaluator group code: ballots received and distributed. With the
   * policy's `minResponseRate`, a group whose 100 × received ÷ distributed is
   * below it is reported but not scored. Groups left out are always scored.
   */
  readonly participation?: Readonly<Record<string, GroupParticipation>>;
}

/**
 * Turns a tally into standings under a policy (CONTRACTS.md §1): counted and
 * ballots, rates, the strategy's score rounded half-up exactly, validity
 * (`minCounted`, or a unit the strategy cannot score), ranks with shared
 * places ("1, 2, 2, 4") within the policy's scope (`rankWithin`) and overall,
 * rank tiers then tiers, and an explanation per unit.
 *
 * The policy is validated again (cheap), so raw policy JSON works too and a
 * hand-built object gets the same errors and defaults. The tally must fit the
 * policy: the same level codes in the same order (`INVALID_TALLY` otherwise),
 * and when the policy lists groups, a tally with groups all listed there.
 * Strategies come from `registry` (the built-ins by default); a failing one
 * is a `STRATEGY_FAILED` error, never a wrong ranking. `context.participation`
 * feeds the policy's `minResponseRate`.
 */
export function scoreTally(
  tally: Tally,
  policy: ScoringPolicy,
  registry: StrategyRegistry = builtInStrategyRegistry,
  context: ScoringContext = {},
): ScoringResult {
  const checked = parsePolicy(policy, registry);
  assertTallyFitsPolicy(tally, checked);
  const strategy = registry.getOrThrow(checked.strategy.code);
  const range = resolveRange(strategy, checked);
  const label = localize(strategy.label);
  const excluded = excludedGroups(tally, checked, context);
  const scoredTally = tally.withoutGroups(excluded.map((group) => group.group));

  const scored = tally.units.map((unit): ScoredUnit => {
    const reported = tally.unitCounts(unit, checked);
    const counts = scoredTally.unitCounts(unit, checked);
    const base = {
      counts,
      reported,
      series: tally.seriesOf(unit),
      excludedGroups: excluded
        .map((group) => ({ ...group, ballots: reported.group(group.group).ballots }))
        .filter((group) => group.ballots > 0),
    };
    if (counts.counted < checked.minCounted) {
      const reason = {
        zh: `有效票 ${counts.counted} 张，少于最低要求 ${checked.minCounted} 张`,
        en: `${counts.counted} counted votes, fewer than the required ${checked.minCounted}`,
      };
      return { ...base, outcome: null, rounded: null, reason };
    }
    const outcome = runStrategy(strategy, counts, checked, range);
    return {
      ...base,
      outcome,
      rounded: outcome.score?.roundHalfUp(checked.decimals) ?? null,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
    };
  });

  const byUnit = (a: ScoredUnit, b: ScoredUnit) => byCodeUnits(a.counts.unit, b.counts.unit);
  const byScore = (a: ScoredUnit, b: ScoredUnit) =>
    (b.rounded as Rational).compare(a.rounded as Rational) || byUnit(a, b);
  const overall = competitionRanks(scored.filter((unit) => unit.rounded).sort(byScore));
  const withinSeries = checked.rankWithin === 'series';
  const rankTiers = strategy.decidesTiers ? [] : (checked.rankTiers ?? []);

  const standings: Standing[] = [];
  for (const series of withinSeries ? seriesInOrder(scored) : [undefined]) {
    const inScope = series === undefined ? scored : scored.filter((unit) => unit.series === series);
    const valid = inScope.filter((unit) => unit.rounded).sort(byScore);
    const ranks = competitionRanks(valid);
    for (const unit of valid) {
      const { rank, sharing, lower } = ranks.get(unit) as Place;
      const byPlace = rankTiers.find((tier) =>
        tier.top !== undefined ? rank <= tier.top : lower < (tier.bottom as number),
      );
      const tier: TierDecision = byPlace
        ? {
            code: byPlace.code,
            label: byPlace.label,
            min: null,
            decidedByStrategy: false,
            byPlace: { ...byPlace, rank, lower },
          }
        : strategy.decidesTiers
          ? decidedTier(unit, checked.tiers)
          : policyTier(unit.rounded as Rational, checked.tiers);
      const scope = withinSeries ? { series: unit.series } : undefined;
      standings.push(
        explainStanding(
          unit,
          checked,
          { rank, sharing, tier, overallRank: (overall.get(unit) as Place).rank, scope },
          label,
        ),
      );
    }
    for (const unit of inScope.filter((candidate) => !candidate.rounded).sort(byUnit))
      standings.push(explainStanding(unit, checked, null, label));
  }
  return { standings };
}

interface Place {
  readonly rank: number;
  /** Units sharing this rounded score. */
  readonly sharing: number;
  /** Units of the scope with a strictly lower rounded score. */
  readonly lower: number;
}

/** Competition ranks ("1, 2, 2, 4") of units already sorted by rounded score, highest first. */
function competitionRanks(sorted: readonly ScoredUnit[]): Map<ScoredUnit, Place> {
  const places = new Map<ScoredUnit, Place>();
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && (sorted[end + 1]?.rounded as Rational).equals(sorted[start]?.rounded as Rational))
      end++;
    for (let i = start; i <= end; i++)
      places.set(sorted[i] as ScoredUnit, {
        rank: start + 1,
        sharing: end - start + 1,
        lower: sorted.length - end - 1,
      });
    start = end + 1;
  }
  return places;
}

/** Series codes in output order: by code, units without a series last. */
function seriesInOrder(units: readonly ScoredUnit[]): (string | null)[] {
  const codes = [...new Set(units.flatMap((unit) => (unit.series === null ? [] : [unit.series])))].sort(byCodeUnits);
  return units.some((unit) => unit.series === null) ? [...codes, null] : codes;
}

/** Groups whose response rate is known and below the policy's minimum. */
function excludedGroups(
  tally: Tally,
  policy: ScoringPolicy,
  context: ScoringContext,
): Omit<ExcludedGroup, 'ballots'>[] {
  const min = policy.minResponseRate ?? 0;
  const participation = context.participation;
  if (min <= 0 || !participation) return [];
  return tally.groups.flatMap((group) => {
    const known = Object.hasOwn(participation, group) ? participation[group] : undefined;
    if (!known) return [];
    for (const key of ['received', 'distributed'] as const) {
      const value = known[key];
      if (!Number.isSafeInteger(value) || value < 0)
        throw new PingyiError(
          'INVALID_TALLY',
          `${key} of group "${group}" must be a whole number ≥ 0, not ${String(value)}`,
          `participation.${group}.${key}`,
        );
    }
    if (known.distributed === 0) return [];
    const rate = Rational.HUNDRED.mul(Rational.of(known.received, known.distributed));
    return rate.compare(Rational.fromNumber(min)) < 0
      ? [{ group, responseRate: rate.toNumber(policy.decimals), minResponseRate: min }]
      : [];
  });
}

function policyTier(score: Rational, tiers: readonly Tier[]): TierDecision {
  const tier = tiers.find(
    (candidate) => candidate.min === null || Rational.fromNumber(candidate.min).compare(score) <= 0,
  );
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
    throw new PingyiError(
      'INVALID_TALLY',
      `the tally's levels (${codes(tally.scale)}) differ from the policy's scale (${codes(policy.scale)})`,
      'scale',
    );
  }
  if (!policy.groups) return;
  const listed = new Set(policy.groups.map((group) => group.code));
  if (tally.groups.length === 0 && tally.units.length > 0) {
    throw new PingyiError(
      'INVALID_TALLY',
      `the tally has no evaluator groups but the policy lists them (${[...listed].join(', ')})`,
      'groups',
    );
  }
  const stray = tally.groups.find((group) => !listed.has(group));
  if (stray !== undefined) {
    throw new PingyiError(
      'INVALID_TALLY',
      `group "${stray}" of the tally is not an evaluator group of the policy (${[...listed].join(', ')})`,
      'groups',
    );
  }
}
