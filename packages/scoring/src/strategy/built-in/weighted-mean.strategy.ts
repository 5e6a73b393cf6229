import { defineScoringStrategy } from '../scoring-strategy.js';
import { meanPoints, NO_COUNTED_VOTES, pointsRange } from './points-arithmetic.js';

/** `weighted-mean`: Σ count × points ÷ counted (a no-opinion level in the denominator scores 0). */
export const weightedMeanStrategy = defineScoringStrategy({
  code: 'weighted-mean',
  label: { zh: '加权平均分', en: 'Weighted mean' },
  description: {
    zh: '各档票数×档次分值之和 ÷ 有效票数；计入分母的“不了解”按 0 分计',
    en: 'Σ count × points ÷ counted votes; a no-opinion level in the denominator scores 0',
  },
  args: {},
  range: pointsRange,
  score(unit) {
    const mean = meanPoints(unit);
    if (!mean) return { score: null, reason: NO_COUNTED_VOTES };
    return { score: mean.value, steps: [{ label: { zh: '加权平均分', en: 'weighted mean' }, ...mean }] };
  },
});
