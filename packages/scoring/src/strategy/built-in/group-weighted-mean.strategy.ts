import { PingyiError } from '@pingyi/domain';
import { Rational } from '../../rational/rational.js';
import { defineScoringStrategy, type ExplanationStep } from '../scoring-strategy.js';
import { meanPoints, NO_COUNTED_VOTES, parenthesize, pointsRange, show } from './points-arithmetic.js';

/**
 * `group-weighted-mean`: the weighted mean per evaluator group, then
 * Σ weight × groupScore ÷ Σ weight over the groups with counted votes.
 */
export const groupWeightedMeanStrategy = defineScoringStrategy({
  code: 'group-weighted-mean',
  label: { zh: '分类加权平均分', en: 'Group-weighted mean' },
  description: {
    zh: '先算各类评议对象的加权平均分，再按类别权重加权平均（只计对该单位有有效票的类别）',
    en: 'The weighted mean per evaluator group, then averaged by group weight over the groups that voted on the unit',
  },
  args: {},
  range: pointsRange,
  checkPolicy(policy) {
    if (!policy.groups || policy.groups.length === 0) {
      throw new PingyiError(
        'INVALID_POLICY',
        'group-weighted-mean needs the evaluator groups and their weights',
        'groups',
      );
    }
    if (policy.groups.every((group) => group.weight === 0)) {
      throw new PingyiError(
        'INVALID_POLICY',
        'every group weight is 0; at least one group needs a weight above 0',
        'groups',
      );
    }
  },
  score(unit, _args, policy) {
    const weights = new Map((policy.groups ?? []).map((group) => [group.code, group]));
    const steps: ExplanationStep[] = [];
    const terms: string[] = [];
    const weightTerms: string[] = [];
    let weighted = Rational.ZERO;
    let totalWeight = Rational.ZERO;
    for (const code of unit.groups) {
      const mean = meanPoints(unit.group(code));
      const group = weights.get(code);
      if (!mean || !group) continue;
      const weight = Rational.fromNumber(group.weight);
      steps.push({ label: { zh: `${group.label}平均分`, en: `${group.code} mean` }, ...mean });
      weighted = weighted.add(weight.mul(mean.value));
      totalWeight = totalWeight.add(weight);
      terms.push(`${group.weight}×${show(mean.value, policy.decimals)}`);
      weightTerms.push(String(group.weight));
    }
    if (steps.length === 0) return { score: null, reason: NO_COUNTED_VOTES };
    if (totalWeight.isZero()) {
      return {
        score: null,
        steps,
        reason: {
          zh: '给该单位投票的类别权重均为 0，无法计分',
          en: 'every group that voted on this unit has weight 0, so no score',
        },
      };
    }
    const value = weighted.div(totalWeight);
    steps.push({
      label: { zh: '按类别权重加权', en: 'weighted by group' },
      expression: `${parenthesize(terms)} ÷ ${parenthesize(weightTerms)}`,
      value,
    });
    return { score: value, steps };
  },
});
