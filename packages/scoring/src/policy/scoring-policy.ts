import type { RatingScale } from '@pingyi/domain';

/** An evaluator group of a policy and its weight (used by `group-weighted-mean`). */
export interface PolicyGroup {
  readonly code: string;
  /** Defaults to the code. */
  readonly label: string;
  /** Finite and ≥ 0; defaults to 1. */
  readonly weight: number;
}

/** A named band of rounded scores (满意 / 基本满意 / 不满意). */
export interface Tier {
  readonly code: string;
  /** Defaults to the code. */
  readonly label: string;
  /** Lowest rounded score in the tier (inclusive), or `null` for "any score". */
  readonly min: number | null;
}

/**
 * A tier given by place within the ranking scope (CONTRACTS.md §1 "Series and
 * rank tiers"): exactly one of `top` and `bottom`, a whole number ≥ 1.
 */
export interface RankTier {
  readonly code: string;
  /** Defaults to the code. */
  readonly label: string;
  /** The unit's `rank` is ≤ top (units tied at the boundary all get it). */
  readonly top?: number;
  /** Fewer than `bottom` valid units of the scope scored strictly lower. */
  readonly bottom?: number;
}

/** Where a unit's `rank` is counted: among all valid units, or within its series. */
export type RankWithin = 'all' | 'series';

/** The strategy a policy names and its validated arguments (defaults filled in). */
export interface PolicyStrategy {
  readonly code: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/**
 * How a tally becomes standings: the scoring policy of CONTRACTS.md §1, as
 * returned by {@link parsePolicy} with every default filled in. It is plain
 * data: store it as JSON, send it to a console, read it from a file.
 */
export interface ScoringPolicy {
  readonly version: 1;
  /** Levels ordered best to worst; `points: null` marks a no-opinion level. */
  readonly scale: RatingScale;
  /** Whether no-opinion ratings count as votes (scoring 0 points). Default `false`. */
  readonly unknownInDenominator: boolean;
  /**
   * Evaluator groups, when the policy lists them. Then every tally row must
   * name one of them. Absent (undefined) when the policy lists none.
   */
  readonly groups?: readonly PolicyGroup[];
  readonly strategy: PolicyStrategy;
  /** Units with fewer counted votes are not valid (no score, rank or tier). Default 0. */
  readonly minCounted: number;
  /** Places scores and rates are rounded to, half-up. 0 to 10; default 2. */
  readonly decimals: number;
  /** Checked in order; the first whose `min` is null or ≤ the rounded score applies. Default `[]`. */
  readonly tiers: readonly Tier[];
  /**
   * `"all"` or `"series"`: the scope a unit's `rank` and rank tiers are counted
   * in. Absent (as in every policy written before series) means `"all"`.
   */
  readonly rankWithin?: RankWithin;
  /** Checked in order and before `tiers`, within the ranking scope. Absent means none. */
  readonly rankTiers?: readonly RankTier[];
  /**
   * Lowest response rate (percent, 0 to 100) of an evaluator group whose votes
   * are scored; a group below it is reported but not scored. Applies only when
   * the caller gives the groups' participation to `scoreTally`. Absent means 0.
   */
  readonly minResponseRate?: number;
}

/** Highest `decimals` a policy may ask for: more would not survive as a JSON number. */
export const MAX_DECIMALS = 10;
