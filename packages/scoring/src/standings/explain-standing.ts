import type { RankTier, ScoringPolicy } from '../policy/scoring-policy.js';
import { Rational } from '../rational/rational.js';
import { show } from '../strategy/built-in/points-arithmetic.js';
import type { LevelCounts } from '../tally/level-counts.js';
import type { ScoredUnit } from './score-tally.js';
import type { ExplainedStep, Explanation, Standing } from './standing.js';

/** The tier a unit got and why; null for none. `byPlace`: a rank tier, with the unit's rank and units scoring lower. */
export type TierDecision = {
  code: string;
  label: string;
  min: number | null;
  decidedByStrategy: boolean;
  byPlace?: RankTier & { rank: number; lower: number };
} | null;

/** Where a valid unit placed: its rank in its scope, how many units share the score, its tier, its overall rank. */
export interface Placing {
  readonly rank: number;
  readonly sharing: number;
  readonly tier: TierDecision;
  readonly overallRank: number;
  /** Set when ranking within series: the unit's series (null for units without one). */
  readonly scope?: { readonly series: string | null };
}

/**
 * Builds the standing of one unit, its rates and its explanation; `placing` is
 * null for an invalid unit. The explanation names the strategy by its label.
 */
export function explainStanding(
  unit: ScoredUnit,
  policy: ScoringPolicy,
  placing: Placing | null,
  strategyLabel: { zh: string; en: string } = { zh: policy.strategy.code, en: policy.strategy.code },
): Standing {
  const { counts } = unit;
  const decimals = policy.decimals;
  const scoreText = placing && unit.rounded ? unit.rounded.toFixed(decimals) : null;
  const steps = (unit.outcome?.steps ?? []).map((step): ExplainedStep => {
    const label =
      typeof step.label === 'string' ? { zh: step.label, en: step.label } : { zh: step.label.zh, en: step.label.en };
    if (!step.value) return { label, expression: step.expression };
    return {
      label,
      expression: step.expression,
      value: show(step.value, decimals),
      exact: step.value.isExactAt(decimals),
    };
  });

  const zh = [`${counts.unit}：总票 ${counts.ballots}，有效票 ${counts.counted}。`];
  const en = [`${counts.unit}: ${counts.ballots} ballots, ${counts.counted} counted.`];
  const groupLabel = (code: string) => policy.groups?.find((group) => group.code === code)?.label ?? code;
  for (const excluded of unit.excludedGroups) {
    const rate = excluded.responseRate.toFixed(decimals);
    // no count here: a group's ratings of one unit may be a small cell the server withholds
    zh.push(
      `${groupLabel(excluded.group)}回收率 ${rate}%，低于最低要求 ${excluded.minResponseRate}%：其评价只报告、不计分。`,
    );
    en.push(
      `Group ${groupLabel(excluded.group)}: response rate ${rate}%, below the minimum ${excluded.minResponseRate}%: its ratings are reported but not scored.`,
    );
  }
  for (const step of steps) {
    const result = step.value === undefined ? '' : ` ${step.exact ? '=' : '≈'} ${step.value}`;
    zh.push(`${step.label.zh}：${step.expression}${result}。`);
    en.push(`${capitalize(step.label.en)}: ${step.expression}${result}.`);
  }
  if (placing && scoreText !== null) {
    const { rank, sharing, tier, scope, overallRank } = placing;
    const why = {
      zh: [rank > 1 ? `${rank - 1} 个单位得分更高` : '', sharing > 1 ? `${sharing} 个单位并列` : '']
        .filter(Boolean)
        .join('，'),
      en: [
        rank > 1 ? `${rank - 1} ${rank === 2 ? 'unit' : 'units'} scored higher` : '',
        sharing > 1 ? `${sharing} share this score` : '',
      ]
        .filter(Boolean)
        .join(', '),
    };
    if (!scope) {
      zh.push(`得分 ${scoreText}（四舍五入保留 ${decimals} 位小数）。排名第 ${rank}${why.zh ? `（${why.zh}）` : ''}。`);
      en.push(
        `Score ${scoreText} (rounded half-up to ${decimals} places). Rank ${rank}${why.en ? ` (${why.en})` : ''}.`,
      );
    } else {
      const where =
        scope.series === null
          ? { zh: '在未分序列的单位中', en: 'among units without a series' }
          : { zh: `在序列“${scope.series}”中`, en: `in series ${scope.series}` };
      zh.push(
        `得分 ${scoreText}（四舍五入保留 ${decimals} 位小数）。${where.zh}排名第 ${rank}${why.zh ? `（${why.zh}）` : ''}；全部单位中排名第 ${overallRank}。`,
      );
      en.push(
        `Score ${scoreText} (rounded half-up to ${decimals} places). Rank ${rank} ${where.en}${why.en ? ` (${why.en})` : ''}; overall rank ${overallRank}.`,
      );
    }
    if (tier?.byPlace) {
      const { top, bottom, lower } = tier.byPlace;
      const inScope = scope ? { zh: '本序列', en: ' in its series' } : { zh: '', en: '' };
      if (top !== undefined) {
        zh.push(`等次：${tier.label}（${inScope.zh}前 ${top} 名：排名第 ${rank}）。`);
        en.push(`Tier: ${tier.label} (top ${top}${inScope.en}: rank ${rank}).`);
      } else {
        zh.push(`等次：${tier.label}（${inScope.zh}后 ${bottom} 名：得分更低的单位 ${lower} 个，少于 ${bottom} 个）。`);
        en.push(
          `Tier: ${tier.label} (bottom ${bottom}${inScope.en}: ${lower} ${lower === 1 ? 'unit' : 'units'} scored lower, fewer than ${bottom}).`,
        );
      }
    } else if (!tier) {
      zh.push('无等次（低于各等次下限）。');
      en.push('No tier (below every tier minimum).');
    } else if (tier.decidedByStrategy) {
      zh.push(`等次：${tier.label}（由“${strategyLabel.zh}”规则判定）。`);
      en.push(`Tier: ${tier.label} (decided by ${strategyLabel.en}).`);
    } else {
      const bound =
        tier.min === null
          ? { zh: '其余分数', en: 'any score' }
          : { zh: `${scoreText} ≥ ${tier.min}`, en: `${scoreText} ≥ ${tier.min}` };
      zh.push(`等次：${tier.label}（${bound.zh}）。`);
      en.push(`Tier: ${tier.label} (${bound.en}).`);
    }
  } else {
    const reason = unit.reason ?? { zh: '无法计分', en: 'cannot be scored' };
    zh.push(`${reason.zh}：不计分、不排名、不定等次。`);
    en.push(`${capitalize(reason.en)}: no score, rank or tier.`);
  }

  const { reported } = unit;
  const explanation: Explanation = {
    strategy: policy.strategy.code,
    counts: levelRecord(reported),
    ...(reported.groups.length > 0
      ? { groups: Object.fromEntries(reported.groups.map((group) => [group, levelRecord(reported.group(group))])) }
      : {}),
    steps,
    scoreText,
    ...(placing ? {} : { reason: unit.reason ?? { zh: '无法计分', en: 'cannot be scored' } }),
    ...(unit.excludedGroups.length > 0 ? { excludedGroups: unit.excludedGroups } : {}),
    text: { zh: zh.join(''), en: en.join(' ') },
  };
  return {
    unit: counts.unit,
    series: unit.series,
    ballots: counts.ballots,
    counted: counts.counted,
    valid: placing !== null,
    score: placing && unit.rounded ? unit.rounded.toNumber(decimals) : null,
    rank: placing?.rank ?? null,
    overallRank: placing?.overallRank ?? null,
    tier: placing?.tier?.code ?? null,
    rates: rates(counts, decimals),
    explanation,
  };
}

/** 100 × count ÷ counted per counted level, rounded; all 0 when nothing is counted. */
function rates(counts: LevelCounts, decimals: number): Record<string, number> {
  const result: Record<string, number> = {};
  counts.scale.forEach((level, i) => {
    if (!counts.isCounted(level)) return;
    const count = counts.counts[i] ?? 0;
    result[level.code] =
      counts.counted === 0 ? 0 : Rational.HUNDRED.mul(Rational.of(count, counts.counted)).toNumber(decimals);
  });
  return result;
}

function levelRecord(counts: LevelCounts): Record<string, number> {
  return Object.fromEntries(counts.scale.map((level, i) => [level.code, counts.counts[i] ?? 0]));
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
