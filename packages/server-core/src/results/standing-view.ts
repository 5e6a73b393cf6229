import { type ScoringPolicy, type Standing } from '@pingyi/scoring';
import { type UnitStanding } from './dto/standings.dto';

/** What a standing is shown with: names, and the evaluator groups withheld for its unit. */
export interface StandingContext {
  readonly unitName: string | null;
  readonly policy: ScoringPolicy;
  /** Codes and labels of the groups withheld for this unit (small cells and their complements). */
  readonly withheldGroups: readonly { readonly code: string; readonly label: string }[];
  readonly smallCellK: number;
}

/**
 * The API's view of a scoring `Standing`. The explanation's per-group counts
 * are never shown (the breakdown shows them, with small cells withheld); when
 * a step of the explanation names a withheld group (e.g. that group's mean in
 * `group-weighted-mean`), all steps are withheld and the text is reduced to
 * the unit's totals and result, which are public anyway.
 */
export function toUnitStanding(standing: Standing, context: StandingContext): UnitStanding {
  const { policy } = context;
  const label = (code: string) => policy.scale.find((level) => level.code === code)?.label ?? code;
  const tierLabel = standing.tier === null ? null : (policy.tiers.find((tier) => tier.code === standing.tier)?.label ?? standing.tier);
  const explanation = standing.explanation;
  const steps = explanation.steps.map((step) => ({
    labelZh: step.label.zh,
    labelEn: step.label.en,
    expression: step.expression,
    value: step.value ?? null,
    exact: step.exact ?? null,
  }));
  const mentions = (text: string) => context.withheldGroups.some((group) => text.includes(group.code) || (group.label !== '' && text.includes(group.label)));
  const withhold = steps.some((step) => mentions(step.labelZh) || mentions(step.labelEn) || mentions(step.expression));
  const name = context.unitName ?? standing.unit;
  const text = withhold
    ? {
        zh:
          `${name}：总票 ${standing.ballots}，有效票 ${standing.counted}。` +
          (standing.valid ? `得分 ${explanation.scoreText}，排名第 ${standing.rank}${tierLabel ? `，等次：${tierLabel}` : ''}。` : `${explanation.reason?.zh ?? '无法计分'}：不计分、不排名、不定等次。`) +
          `计算步骤涉及少于 ${context.smallCellK} 票的评议对象类别，不予公开。`,
        en:
          `${standing.unit}: ${standing.ballots} ballots, ${standing.counted} counted. ` +
          (standing.valid ? `Score ${explanation.scoreText}, rank ${standing.rank}${tierLabel ? `, tier ${tierLabel}` : ''}. ` : `${explanation.reason?.en ?? 'Cannot be scored'}: no score, rank or tier. `) +
          `The steps involve an evaluator group with fewer than ${context.smallCellK} ballots and are withheld.`,
      }
    : explanation.text;
  return {
    unitCode: standing.unit,
    unitName: context.unitName,
    ballots: standing.ballots,
    counted: standing.counted,
    valid: standing.valid,
    score: standing.score,
    rank: standing.rank,
    tier: standing.tier,
    tierLabel,
    counts: Object.entries(explanation.counts).map(([level, value]) => ({ level, label: label(level), value })),
    rates: Object.entries(standing.rates).map(([level, value]) => ({ level, label: label(level), value })),
    explanation: {
      strategy: explanation.strategy,
      scoreText: explanation.scoreText,
      textZh: text.zh,
      textEn: text.en,
      reasonZh: explanation.reason?.zh ?? null,
      reasonEn: explanation.reason?.en ?? null,
      steps: withhold ? [] : steps,
      stepsWithheld: withhold,
    },
  };
}
