import { PingyiError } from '@pingyi/domain';
import { Rational } from '../../rational/rational.js';
import { defineScoringStrategy } from '../scoring-strategy.js';

/**
 * `majority`: score = 100 × Σ count(satisfiedLevels) ÷ electorate; the tier is
 * the first code with a satisfied majority of the electorate, else the second
 * with an acceptable majority, else the third (exactly half fails).
 */
export const majorityStrategy = defineScoringStrategy({
  code: 'majority',
  label: { zh: '过半数评定', en: 'Majority of the electorate' },
  description: {
    zh: '得分 = 100 × 满意票 ÷ 应评人数；满意票过半为第一等次，否则可接受票过半为第二等次，否则第三等次（恰好一半不算过半）',
    en: 'score = 100 × satisfied votes ÷ electorate; a satisfied majority gives the first tier, else an acceptable majority the second, else the third (exactly half fails)',
  },
  args: {
    electorate: {
      type: 'integer',
      label: { zh: '应评人数', en: 'Electorate' },
      description: { zh: '有权评议每个单位的人数', en: 'How many evaluators may rate each unit' },
      min: 1,
    },
    satisfiedLevels: { type: 'levels', label: { zh: '计为满意的档次', en: 'Satisfied levels' }, min: 1 },
    acceptableLevels: { type: 'levels', label: { zh: '计为可接受的档次', en: 'Acceptable levels' }, min: 1 },
    tiers: {
      type: 'strings',
      label: { zh: '三个等次代码', en: 'Three tier codes' },
      description: {
        zh: '依次为：满意过半、可接受过半、其余',
        en: 'In order: satisfied majority, acceptable majority, otherwise',
      },
      min: 3,
      max: 3,
    },
  },
  range: { min: 0, max: 100 },
  decidesTiers: true,
  score(unit, args) {
    const electorate = args.electorate;
    if (unit.ballots > electorate) {
      throw new PingyiError(
        'ELECTORATE_EXCEEDED',
        `${unit.ballots} ballots rate this unit but the electorate is only ${electorate}`,
      );
    }
    const satisfied = unit.sum(args.satisfiedLevels);
    const acceptable = unit.sum(args.acceptableLevels);
    const [first, second, third] = args.tiers as [string, string, string];
    // Strictly more than half: 2 × votes > electorate, in integers.
    const tier = 2 * satisfied > electorate ? first : 2 * acceptable > electorate ? second : third;
    const value = Rational.HUNDRED.mul(Rational.of(satisfied, electorate));
    const rule =
      tier === first
        ? `${satisfied} > ${electorate} ÷ 2`
        : tier === second
          ? `${satisfied} ≤ ${electorate} ÷ 2 < ${acceptable}`
          : `${satisfied} ≤ ${electorate} ÷ 2, ${acceptable} ≤ ${electorate} ÷ 2`;
    return {
      score: value,
      tier,
      steps: [
        {
          label: { zh: '满意票占应评人数', en: 'satisfied share of the electorate' },
          expression: `100 × ${satisfied} ÷ ${electorate}`,
          value,
        },
        { label: { zh: `过半数线（${tier}）`, en: `majority line (${tier})` }, expression: rule },
      ],
    };
  },
});
