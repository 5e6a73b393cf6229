import { SEED_RATING_SCALE } from '@pingyi/domain';
import {
  createStrategyRegistry,
  parsePolicy,
  scoreTally,
  type ScoringResult,
  type ScoringStrategy,
  Tally,
  tallyFromCsv,
  type TallyRow,
} from '@pingyi/scoring';
import {
  bindIndicators,
  IndicatorTable,
  type IndicatorValueRow,
  type IndicatorValuesByUnit,
} from '@pingyi/server-core';

/** What a strategy is tested against: a tally, its arguments, policy changes and indicators. */
export interface StrategyTestInput {
  /** Tally rows, or CSV text (`unit,group,level,count`, CONTRACTS.md §2). */
  readonly tally: readonly TallyRow[] | string;
  /** The strategy's arguments (`policy.strategy.args`). */
  readonly args?: Readonly<Record<string, unknown>>;
  /**
   * Policy fields to set (CONTRACTS.md §1): `scale`, `groups`, `tiers`,
   * `minCounted`, `decimals`, `unknownInDenominator`. Default: the seed's
   * six-level scale, no groups, no tiers, two decimals.
   */
  readonly policy?: Readonly<Record<string, unknown>>;
  /** Per-unit indicator values: `{ unit: { indicator: value } }` or rows. */
  readonly indicators?: IndicatorValuesByUnit | readonly IndicatorValueRow[];
}

/** A standing reduced to what tests usually compare. */
export interface StandingSummary {
  readonly unit: string;
  readonly valid: boolean;
  readonly score: number | null;
  readonly rank: number | null;
  readonly tier: string | null;
}

/** The policy a test scores with: the seed scale unless `policy` says otherwise, naming the strategy with `args`. */
export function testPolicy(
  strategy: Pick<ScoringStrategy, 'code'>,
  input: Pick<StrategyTestInput, 'args' | 'policy'> = {},
): Record<string, unknown> {
  return {
    version: 1,
    scale: SEED_RATING_SCALE.map(({ code, label, points }) => ({ code, label, points })),
    ...input.policy,
    strategy: { code: strategy.code, args: { ...input.args } },
  };
}

/**
 * Scores a tally with a strategy exactly as the server does, without a
 * server: the policy is checked with the strategy's argument declarations
 * (`INVALID_POLICY` naming the field), an indicator strategy reads
 * `indicators`, and a strategy that throws, returns a non-number or leaves
 * its range is a `STRATEGY_FAILED` error naming the strategy and unit.
 *
 * ```ts
 * const { standings } = scoreWithStrategy(compositeStrategy, {
 *   tally: 'unit,level,count\ntraffic-police,satisfied,80\n…',
 *   args: { complaintsWeight: 0.2 },
 *   indicators: { 'traffic-police': { complaints: 12, 'inspection-score': 90 } },
 * });
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any strategy, whatever its argument types
export function scoreWithStrategy(strategy: ScoringStrategy<any>, input: StrategyTestInput): ScoringResult {
  const table = Array.isArray(input.indicators)
    ? IndicatorTable.fromRows(input.indicators as readonly IndicatorValueRow[])
    : IndicatorTable.fromUnits((input.indicators ?? {}) as IndicatorValuesByUnit);
  const registry = createStrategyRegistry(bindIndicators([strategy], table));
  const policy = parsePolicy(testPolicy(strategy, input), registry);
  const tally =
    typeof input.tally === 'string'
      ? tallyFromCsv(input.tally, policy)
      : Tally.fromRows(input.tally as TallyRow[], policy);
  return scoreTally(tally, policy, registry);
}

/** Unit, validity, score, rank and tier of each standing, in standings order. */
export function summarizeStandings(result: ScoringResult): StandingSummary[] {
  return result.standings.map((standing) => ({
    unit: standing.unit,
    valid: standing.valid,
    score: standing.score,
    rank: standing.rank,
    tier: standing.tier,
  }));
}
