import type { RatingScale } from '@pingyi/domain';
import type { ScoringPolicy } from '../../policy/scoring-policy.js';
import { Rational } from '../../rational/rational.js';
import type { LevelCounts } from '../../tally/level-counts.js';
import type { ScoreRange } from '../scoring-strategy.js';

/** A value with the arithmetic that produced it, written out with the figures. */
export interface Worked {
  readonly value: Rational;
  readonly expression: string;
}

export const NO_COUNTED_VOTES = { zh: '没有有效票，无法计分', en: 'no counted votes, so no score' } as const;

/** `(a + b + c)` when there is more than one term. */
export const parenthesize = (terms: readonly string[]): string =>
  terms.length > 1 ? `(${terms.join(' + ')})` : (terms[0] ?? '0');

/**
 * Σ count × points ÷ counted over the counted levels; a no-opinion level in
 * the denominator scores 0. `null` when nothing is counted.
 */
export function meanPoints(counts: LevelCounts): Worked | null {
  if (counts.counted === 0) return null;
  let total = Rational.ZERO;
  const terms: string[] = [];
  counts.scale.forEach((level, i) => {
    if (!counts.isCounted(level)) return;
    const count = counts.counts[i] ?? 0;
    const points = level.points ?? 0;
    total = total.add(Rational.of(count).mul(Rational.fromNumber(points)));
    terms.push(`${count}×${points}`);
  });
  return { value: total.div(Rational.of(counts.counted)), expression: `${parenthesize(terms)} ÷ ${counts.counted}` };
}

/** Lowest to highest points of the scale, plus 0 when no-opinion votes count as 0. */
export function pointsRange(policy: Pick<ScoringPolicy, 'scale' | 'unknownInDenominator'>): ScoreRange {
  const points = levelPoints(policy.scale);
  if (policy.unknownInDenominator && policy.scale.some((level) => level.points === null)) points.push(0);
  return { min: Math.min(...points), max: Math.max(...points) };
}

export function levelPoints(scale: RatingScale): number[] {
  return scale.flatMap((level) => (level.points === null ? [] : [level.points]));
}

/** A rational as the explanation shows it inside an expression. */
export function show(value: Rational, decimals: number): string {
  return value.isExactAt(0) ? value.toFixed(0) : value.toFixed(decimals);
}
