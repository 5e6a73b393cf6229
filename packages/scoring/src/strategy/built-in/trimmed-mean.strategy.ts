import { Rational } from '../../rational/rational.js';
import { defineScoringStrategy } from '../scoring-strategy.js';
import { parenthesize, pointsRange } from './points-arithmetic.js';

/**
 * `trimmed-mean`: over the n votes on levels with points, drop the
 * k = ⌊trim × n⌋ lowest and the k highest; the mean points of the rest.
 * Works on the counts (never expands votes), so it is O(levels).
 */
export const trimmedMeanStrategy = defineScoringStrategy({
  code: 'trimmed-mean',
  label: { zh: '去极值平均分', en: 'Trimmed mean' },
  description: {
    zh: '在有分值档次的 n 票中去掉最低和最高各 ⌊trim×n⌋ 票，取其余票的平均分（“不了解”从不计入）',
    en: 'Drop the ⌊trim × n⌋ lowest and highest of the n votes on levels with points, then average the rest (no-opinion levels never count)',
  },
  args: {
    trim: {
      type: 'number',
      label: { zh: '两端各去掉的比例', en: 'Fraction trimmed at each end' },
      description: { zh: '0 ≤ trim < 0.5，例如 0.1', en: '0 ≤ trim < 0.5, e.g. 0.1' },
      min: 0,
      max: 0.5,
      exclusiveMax: true,
    },
  },
  range: (policy) => pointsRange({ scale: policy.scale, unknownInDenominator: false }),
  score(unit, args) {
    // Levels with points from lowest to highest; equal points are interchangeable.
    const levels = unit.scale
      .map((level, i) => ({ points: level.points, count: unit.counts[i] ?? 0 }))
      .filter((level): level is { points: number; count: number } => level.points !== null)
      .sort((a, b) => a.points - b.points);
    const n = levels.reduce((total, level) => total + level.count, 0);
    if (n === 0)
      return {
        score: null,
        reason: { zh: '没有有分值档次的票，无法计分', en: 'no votes on levels with points, so no score' },
      };
    const k = Number(Rational.fromNumber(args.trim).mul(Rational.of(n)).floor());
    const kept = levels.map((level) => ({ ...level }));
    drop(kept, k);
    drop([...kept].reverse(), k); // the reversed copy holds the same objects
    const left = n - 2 * k; // ≥ 1 because trim < 0.5
    let total = Rational.ZERO;
    const terms: string[] = [];
    for (const level of [...kept].reverse()) {
      if (level.count === 0) continue;
      total = total.add(Rational.of(level.count).mul(Rational.fromNumber(level.points)));
      terms.push(`${level.count}×${level.points}`);
    }
    const value = total.div(Rational.of(left));
    return {
      score: value,
      steps: [
        {
          label: { zh: '两端各去掉票数', en: 'votes dropped at each end' },
          expression: `⌊${args.trim} × ${n}⌋`,
          value: Rational.of(k),
        },
        { label: { zh: '去极值平均分', en: 'trimmed mean' }, expression: `${parenthesize(terms)} ÷ ${left}`, value },
      ],
    };
  },
});

// Removes `k` votes from the front of `levels` (mutates the counts).
function drop(levels: { count: number }[], k: number): void {
  let remaining = k;
  for (const level of levels) {
    const taken = Math.min(level.count, remaining);
    level.count -= taken;
    remaining -= taken;
    if (remaining === 0) return;
  }
}
