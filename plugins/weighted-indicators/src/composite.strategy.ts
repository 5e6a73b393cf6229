import { PingyiError } from '@pingyi/domain';
import { type ExplanationStep, Rational, type ScoringPolicy, type UnitCounts } from '@pingyi/scoring';
import { defineIndicatorStrategy, type UnitIndicators } from '@pingyi/server-core';
import { COMPLAINTS, INSPECTION_SCORE } from './indicators';

/** The strategy's code in policies. */
export const COMPOSITE_CODE = 'weighted-indicators/composite';

const show = (value: Rational): string =>
  value.isExactAt(2) ? value.toFixed(value.isExactAt(0) ? 0 : 2) : `≈${value.toFixed(2)}`;

/**
 * A composite rule of the kind published schemes use: public satisfaction
 * 70% + complaints 20% + inspections 10% (weights are arguments).
 *
 * - satisfaction: the tally's weighted mean as a share of the scale's top
 *   points, × 100 (a no-opinion level counted in the denominator scores 0);
 * - complaints: fewer is better, normalized over the units that have a value:
 *   100 × (most − this unit's) ÷ (most − fewest); 100 for all when equal;
 * - inspections: the `inspection-score` indicator, 0 to 100.
 *
 * Score = Σ weight × part ÷ Σ weight, exact. A part whose weight is 0 is not
 * read, so its indicator may be left out.
 */
export const compositeStrategy = defineIndicatorStrategy({
  code: COMPOSITE_CODE,
  label: { zh: '综合评分（满意度 + 投诉 + 明查暗访）', en: 'Composite (satisfaction + complaints + inspections)' },
  description: {
    zh: '综合得分 = 满意度得分 × 权重 + 投诉得分（越少越好，按各单位最多最少归一）× 权重 + 明查暗访得分 × 权重，再除以权重之和',
    en: 'Σ weight × part ÷ Σ weight over public satisfaction, complaints (fewer is better, normalized over units) and the inspection score',
  },
  indicators: [COMPLAINTS.code, INSPECTION_SCORE.code],
  args: {
    satisfactionWeight: {
      type: 'number',
      label: { zh: '满意度权重', en: 'Satisfaction weight' },
      min: 0,
      default: 0.7,
    },
    complaintsWeight: { type: 'number', label: { zh: '投诉权重', en: 'Complaints weight' }, min: 0, default: 0.2 },
    inspectionWeight: { type: 'number', label: { zh: '明查暗访权重', en: 'Inspection weight' }, min: 0, default: 0.1 },
  },
  range: { min: 0, max: 100 },
  checkPolicy(policy, args) {
    if (args.satisfactionWeight + args.complaintsWeight + args.inspectionWeight <= 0) {
      throw new PingyiError(
        'INVALID_POLICY',
        'the three weights are all 0: at least one must be above 0',
        'strategy.args',
      );
    }
    if (!policy.scale.some((level) => level.points !== null && level.points > 0)) {
      throw new PingyiError(
        'INVALID_POLICY',
        'the scale needs a level with points above 0 to turn the mean into a share',
        'scale',
      );
    }
  },
  score(unit, args, policy, indicators) {
    const parts: { weight: Rational; value: Rational; step: ExplanationStep }[] = [];
    const add = (weight: number, read: () => { value: Rational; step: ExplanationStep }): void => {
      if (weight > 0) parts.push({ weight: Rational.fromNumber(weight), ...read() });
    };
    const satisfaction = satisfactionOf(unit, policy);
    if (!satisfaction && args.satisfactionWeight > 0)
      return {
        score: null,
        reason: { zh: '没有有效票，无法计算满意度', en: 'no counted votes, so no satisfaction part' },
      };
    if (satisfaction) add(args.satisfactionWeight, () => satisfaction);
    add(args.complaintsWeight, () => complaintsOf(indicators));
    add(args.inspectionWeight, () => {
      const value = Rational.fromNumber(indicators.value(INSPECTION_SCORE.code));
      return {
        value,
        step: {
          label: { zh: '明查暗访得分', en: 'inspection score' },
          expression: `${INSPECTION_SCORE.code} = ${show(value)}`,
          value,
        },
      };
    });
    const weights = parts.reduce((sum, part) => sum.add(part.weight), Rational.ZERO);
    const total = parts.reduce((sum, part) => sum.add(part.weight.mul(part.value)), Rational.ZERO);
    const score = total.div(weights);
    const expression = `(${parts.map((part) => `${show(part.weight)}×${show(part.value)}`).join(' + ')}) ÷ ${show(weights)}`;
    return {
      score,
      steps: [
        ...parts.map((part) => part.step),
        { label: { zh: '综合得分', en: 'composite score' }, expression, value: score },
      ],
    };
  },
});

function satisfactionOf(unit: UnitCounts, policy: ScoringPolicy): { value: Rational; step: ExplanationStep } | null {
  if (unit.counted === 0) return null;
  const top = Math.max(...policy.scale.flatMap((level) => (level.points === null ? [] : [level.points])));
  let sum = Rational.ZERO;
  policy.scale.forEach((level, i) => {
    if (level.points !== null) sum = sum.add(Rational.of(unit.counts[i] ?? 0).mul(Rational.fromNumber(level.points)));
  });
  const value = sum.div(Rational.of(unit.counted)).div(Rational.fromNumber(top)).mul(Rational.HUNDRED);
  return {
    value,
    step: {
      label: { zh: '满意度得分', en: 'satisfaction' },
      expression: `100 × mean points ÷ ${top} over ${unit.counted} votes`,
      value,
    },
  };
}

function complaintsOf(indicators: UnitIndicators): { value: Rational; step: ExplanationStep } {
  const own = indicators.value(COMPLAINTS.code);
  const all = [...indicators.column(COMPLAINTS.code).values()];
  const most = Math.max(...all);
  const fewest = Math.min(...all);
  const value =
    most === fewest
      ? Rational.HUNDRED
      : Rational.HUNDRED.mul(Rational.fromNumber(most - own)).div(Rational.fromNumber(most - fewest));
  const expression =
    most === fewest ? `every unit has ${own}: 100` : `100 × (${most} − ${own}) ÷ (${most} − ${fewest})`;
  return {
    value,
    step: { label: { zh: '投诉得分（越少越好）', en: 'complaints (fewer is better)' }, expression, value },
  };
}
