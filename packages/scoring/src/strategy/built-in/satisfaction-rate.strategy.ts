import { PingyiError } from '@pingyi/domain';
import { Rational } from '../../rational/rational.js';
import { defineScoringStrategy } from '../scoring-strategy.js';
import { NO_COUNTED_VOTES, parenthesize } from './points-arithmetic.js';

/** `satisfaction-rate`: 100 × Σ count(levels) ÷ counted. */
export const satisfactionRateStrategy = defineScoringStrategy({
  code: 'satisfaction-rate',
  label: { zh: '满意率', en: 'Satisfaction rate' },
  description: {
    zh: '100 × 计为满意的各档票数之和 ÷ 有效票数',
    en: '100 × the votes on the satisfied levels ÷ counted votes',
  },
  args: {
    levels: {
      type: 'levels',
      label: { zh: '计为满意的档次', en: 'Levels counted as satisfied' },
      description: { zh: '例如“满意”和“比较满意”', en: 'e.g. satisfied and fairlySatisfied' },
      min: 1,
    },
  },
  range: { min: 0, max: 100 },
  checkPolicy(policy, args) {
    args.levels.forEach((code, i) => {
      const level = policy.scale.find((candidate) => candidate.code === code);
      if (level && level.points === null && !policy.unknownInDenominator) {
        throw new PingyiError(
          'INVALID_POLICY',
          `"${code}" is a no-opinion level, which is not a counted vote unless unknownInDenominator is true`,
          `strategy.args.levels[${i}]`,
        );
      }
    });
  },
  score(unit, args) {
    if (unit.counted === 0) return { score: null, reason: NO_COUNTED_VOTES };
    const satisfied = unit.sum(args.levels);
    const value = Rational.HUNDRED.mul(Rational.of(satisfied, unit.counted));
    const terms = args.levels.map((code) => String(unit.level(code)));
    return {
      score: value,
      steps: [
        {
          label: { zh: '满意率', en: 'satisfaction rate' },
          expression: `100 × ${parenthesize(terms)} ÷ ${unit.counted}`,
          value,
        },
      ],
    };
  },
});
