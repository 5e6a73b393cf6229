import { PingyiError, type Level, type RatingScale } from '@pingyi/domain';

/**
 * Rating counts per level of the scale for one unit (or one unit and one
 * evaluator group), with the policy's reading of which levels are votes.
 */
export class LevelCounts {
  /** All ratings, every level. */
  readonly ballots: number;
  /** Ratings that count as votes: levels with points, plus no-opinion levels when `unknownInDenominator`. */
  readonly counted: number;

  constructor(
    readonly scale: RatingScale,
    /** One count per level, in scale order. */
    readonly counts: ArrayLike<number>,
    readonly unknownInDenominator: boolean,
  ) {
    let ballots = 0;
    let counted = 0;
    scale.forEach((level, i) => {
      const count = counts[i] ?? 0;
      ballots += count;
      if (this.isCounted(level)) counted += count;
    });
    this.ballots = ballots;
    this.counted = counted;
  }

  /** Whether ratings on this level are votes (in `counted`). */
  isCounted(level: Level): boolean {
    return level.points !== null || this.unknownInDenominator;
  }

  /** The count on one level; an unknown code is an error (a strategy bug, not data). */
  level(code: string): number {
    const index = this.scale.findIndex((level) => level.code === code);
    if (index < 0)
      throw new PingyiError(
        'UNKNOWN_LEVEL',
        `"${code}" is not a level of the scale (${this.scale.map((l) => l.code).join(', ')})`,
      );
    return this.counts[index] ?? 0;
  }

  /** The summed count of several levels. */
  sum(codes: readonly string[]): number {
    return codes.reduce((total, code) => total + this.level(code), 0);
  }
}

/** One unit's counts: the whole unit, and per evaluator group when the tally has groups. */
export class UnitCounts extends LevelCounts {
  constructor(
    readonly unit: string,
    scale: RatingScale,
    counts: ArrayLike<number>,
    unknownInDenominator: boolean,
    /** Evaluator group codes of the tally; empty when it has no groups. */
    readonly groups: readonly string[],
    private readonly byGroup: readonly LevelCounts[],
  ) {
    super(scale, counts, unknownInDenominator);
  }

  /** The counts of one evaluator group; an unknown code is an error. */
  group(code: string): LevelCounts {
    const index = this.groups.indexOf(code);
    const counts = this.byGroup[index];
    if (!counts)
      throw new PingyiError(
        'UNKNOWN_GROUP',
        `"${code}" is not an evaluator group of the tally (${this.groups.join(', ') || 'none'})`,
      );
    return counts;
  }
}
