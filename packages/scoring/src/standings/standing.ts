/** One line of the arithmetic in an explanation, numbers already written out. */
export interface ExplainedStep {
  readonly label: { readonly zh: string; readonly en: string };
  readonly expression: string;
  /** The result rounded half-up to the policy's decimals (whole numbers without decimals); absent for a comparison. */
  readonly value?: string;
  /** False when `value` is rounded (the text then says ≈). */
  readonly exact?: boolean;
}

/**
 * Why a unit got its score, rank and tier: the counts, the strategy's
 * arithmetic as steps, and the same as text in Chinese and English, so an
 * office can answer "why did we come 7th?".
 */
export interface Explanation {
  readonly strategy: string;
  /** Ratings per level (every level, in scale order). */
  readonly counts: Readonly<Record<string, number>>;
  /** Ratings per evaluator group and level, when the tally has groups. */
  readonly groups?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly steps: readonly ExplainedStep[];
  /** The score rounded, as decimal text with exactly `decimals` places; null when not valid. */
  readonly scoreText: string | null;
  /** Why the unit is not valid. */
  readonly reason?: { readonly zh: string; readonly en: string };
  /**
   * Evaluator groups below the policy's `minResponseRate`: their ratings of
   * the unit are reported (in `counts` and `groups`) but not scored.
   */
  readonly excludedGroups?: readonly ExcludedGroup[];
  readonly text: { readonly zh: string; readonly en: string };
}

/** An evaluator group reported but not scored, and why. */
export interface ExcludedGroup {
  readonly group: string;
  /** 100 × received ÷ distributed, rounded like the score. */
  readonly responseRate: number;
  readonly minResponseRate: number;
  /** This unit's ratings from the group (reported, not scored). */
  readonly ballots: number;
}

/** A unit's result: CONTRACTS.md §1 fields plus the explanation. */
export interface Standing {
  readonly unit: string;
  /** The unit's series (序列/类别) from the tally; null for none. */
  readonly series: string | null;
  /** All ratings of the unit, every level. */
  readonly ballots: number;
  /** Ratings that count as votes. */
  readonly counted: number;
  /** False under `minCounted` or when the strategy cannot score the unit; then score, rank and tier are null. */
  readonly valid: boolean;
  /** Rounded half-up to the policy's decimals. */
  readonly score: number | null;
  /**
   * 1-based, within the policy's ranking scope (all units, or the unit's
   * series with `rankWithin: "series"`); equal rounded scores share a rank
   * and the next rank skips (1, 2, 2, 4).
   */
  readonly rank: number | null;
  /** The rank among all valid units, whatever the scope; null when not valid. */
  readonly overallRank: number | null;
  readonly tier: string | null;
  /**
   * For every counted level: 100 × count ÷ counted, rounded like the score.
   * When nothing is counted every rate is 0, so the keys never change.
   */
  readonly rates: Readonly<Record<string, number>>;
  readonly explanation: Explanation;
}

/** What {@link scoreTally} returns. */
export interface ScoringResult {
  /**
   * Valid units by rank then unit code; invalid units last, by unit code.
   * With `rankWithin: "series"`, first by series code (units without a
   * series last), then so within each series.
   */
  readonly standings: readonly Standing[];
}
