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
  readonly text: { readonly zh: string; readonly en: string };
}

/** A unit's result: CONTRACTS.md §1 fields plus the explanation. */
export interface Standing {
  readonly unit: string;
  /** All ratings of the unit, every level. */
  readonly ballots: number;
  /** Ratings that count as votes. */
  readonly counted: number;
  /** False under `minCounted` or when the strategy cannot score the unit; then score, rank and tier are null. */
  readonly valid: boolean;
  /** Rounded half-up to the policy's decimals. */
  readonly score: number | null;
  /** 1-based; equal rounded scores share a rank and the next rank skips (1, 2, 2, 4). */
  readonly rank: number | null;
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
  /** Valid units by rank then unit code; invalid units last, by unit code. */
  readonly standings: readonly Standing[];
}
