import { type ScoringPolicy, type Standing } from '@pingyi/scoring';
import { type UnitResponse, type UnitStanding } from './dto/standings.dto';

/** What a standing is shown with: names, and the evaluator groups withheld for its unit. */
export interface StandingContext {
  readonly unitName: string | null;
  readonly policy: ScoringPolicy;
  /** Codes and labels of the groups withheld for this unit (small cells and their complements). */
  readonly withheldGroups: readonly { readonly code: string; readonly label: string }[];
  readonly smallCellK: number;
  readonly series?: { readonly code: string; readonly label: string } | null;
  readonly response?: () => Promise<UnitResponse>;
  readonly bottomTier?: boolean;
  readonly consecutiveBottom?: boolean;
  /** Evaluator group labels by code. */
  readonly groupLabels?: ReadonlyMap<string, string>;
}

/** The scoring library opens an explanation with the unit's code (`traffic-police：总票…`): people read its name. */
function named(text: { zh: string; en: string }, code: string, name: string): { zh: string; en: string } {
  const swap = (value: string, separator: string) =>
    value.startsWith(`${code}${separator}`) ? `${name}${value.slice(code.length)}` : value;
  return { zh: swap(text.zh, '：'), en: swap(text.en, ':') };
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
  const tierLabel =
    standing.tier === null
      ? null
      : ([...(policy.rankTiers ?? []), ...policy.tiers].find((tier) => tier.code === standing.tier)?.label ??
        standing.tier);
  const notScored = (explanation_: Standing['explanation']) =>
    (explanation_.excludedGroups ?? []).map((group) => ({
      groupCode: group.group,
      groupLabel: context.groupLabels?.get(group.group) ?? group.group,
      responseRate: group.responseRate,
      minResponseRate: group.minResponseRate,
    }));
  const explanation = standing.explanation;
  const steps = explanation.steps.map((step) => ({
    labelZh: step.label.zh,
    labelEn: step.label.en,
    expression: step.expression,
    value: step.value ?? null,
    exact: step.exact ?? null,
  }));
  const mentions = (text: string) =>
    context.withheldGroups.some(
      (group) => text.includes(group.code) || (group.label !== '' && text.includes(group.label)),
    );
  const withhold = steps.some((step) => mentions(step.labelZh) || mentions(step.labelEn) || mentions(step.expression));
  const name = context.unitName ?? standing.unit;
  const notScoredGroups = notScored(explanation);
  const inSeries = policy.rankWithin === 'series';
  const where = {
    zh: inSeries ? (context.series ? `在序列“${context.series.label}”中` : '在未分序列的单位中') : '',
    en: inSeries ? (context.series ? ` in series ${context.series.label}` : ' among units without a series') : '',
  };
  const ranks = {
    zh: `${where.zh}排名第 ${standing.rank}${inSeries ? `；全部单位中排名第 ${standing.overallRank}` : ''}`,
    en: `rank ${standing.rank}${where.en}${inSeries ? `; overall rank ${standing.overallRank}` : ''}`,
  };
  const text = withhold
    ? {
        zh:
          `${name}：总票 ${standing.ballots}，有效票 ${standing.counted}。` +
          notScoredGroups
            .map(
              (group) =>
                `${group.groupLabel}回收率 ${group.responseRate}%，低于最低要求 ${group.minResponseRate}%：其评价只报告、不计分。`,
            )
            .join('') +
          (standing.valid
            ? `得分 ${explanation.scoreText}，${ranks.zh}${tierLabel ? `，等次：${tierLabel}` : ''}。`
            : `${explanation.reason?.zh ?? '无法计分'}：不计分、不排名、不定等次。`) +
          `计算步骤涉及少于 ${context.smallCellK} 票的评议对象类别，不予公开。`,
        en:
          `${name}: ${standing.ballots} ballots, ${standing.counted} counted. ` +
          notScoredGroups
            .map(
              (group) =>
                `Group ${group.groupLabel}: response rate ${group.responseRate}%, below the minimum ${group.minResponseRate}%: its ratings are reported but not scored. `,
            )
            .join('') +
          (standing.valid
            ? `Score ${explanation.scoreText}, ${ranks.en}${tierLabel ? `, tier ${tierLabel}` : ''}. `
            : `${explanation.reason?.en ?? 'Cannot be scored'}: no score, rank or tier. `) +
          `The steps involve an evaluator group with fewer than ${context.smallCellK} ballots and are withheld.`,
      }
    : named(explanation.text, standing.unit, name);
  // the scoring library names groups and series by code: people read labels
  const labelled = withhold ? text : relabel(text, context);
  const consecutive = context.consecutiveBottom
    ? { zh: `连续两年（上一年度与本年度）处于末位等次。`, en: 'In the bottom tier two years running (连续两年).' }
    : null;
  const shown = consecutive
    ? { zh: `${labelled.zh}${consecutive.zh}`, en: `${labelled.en} ${consecutive.en}` }
    : labelled;
  return {
    unitCode: standing.unit,
    unitName: context.unitName,
    ballots: standing.ballots,
    counted: standing.counted,
    valid: standing.valid,
    score: standing.score,
    rank: standing.rank,
    overallRank: standing.overallRank,
    series: standing.series,
    seriesLabel: context.series?.label ?? standing.series,
    tier: standing.tier,
    tierLabel,
    counts: Object.entries(explanation.counts).map(([level, value]) => ({ level, label: label(level), value })),
    rates: Object.entries(standing.rates).map(([level, value]) => ({ level, label: label(level), value })),
    explanation: {
      strategy: explanation.strategy,
      scoreText: explanation.scoreText,
      textZh: shown.zh,
      textEn: shown.en,
      reasonZh: explanation.reason?.zh ?? null,
      reasonEn: explanation.reason?.en ?? null,
      steps: withhold ? [] : steps,
      stepsWithheld: withhold,
    },
    ...(context.response ? { pendingResponse: context.response } : {}),
    bottomTier: context.bottomTier ?? false,
    consecutiveBottom: context.consecutiveBottom ?? false,
    notScoredGroups,
  };
}

function relabel(text: { zh: string; en: string }, context: StandingContext): { zh: string; en: string } {
  let { zh, en } = text;
  const series = context.series;
  if (series && series.label !== series.code) {
    zh = zh.replace(`在序列“${series.code}”中`, `在序列“${series.label}”中`);
    en = en.replace(`in series ${series.code}`, `in series ${series.label}`);
  }
  for (const [code, label] of context.groupLabels ?? []) {
    if (code === label) continue;
    zh = zh.replaceAll(`${code}回收率`, `${label}回收率`);
    en = en.replaceAll(`Group ${code}:`, `Group ${label}:`);
  }
  return { zh, en };
}
