import type { ScoringPolicy } from '../policy/scoring-policy.js';
import { Rational } from '../rational/rational.js';
import { show } from '../strategy/built-in/points-arithmetic.js';
import type { LevelCounts } from '../tally/level-counts.js';
import type { ScoredUnit } from './score-tally.js';
import type { ExplainedStep, Explanation, Standing } from './standing.js';

/** The tier a unit got and why; null for none. */
export type TierDecision = { code: string; label: string; min: number | null; decidedByStrategy: boolean } | null;

/** Where a valid unit placed: its rank, how many units share the score, its tier. */
export interface Placing {
  readonly rank: number;
  readonly sharing: number;
  readonly tier: TierDecision;
}

/** Builds the standing of one unit, its rates and its explanation; `placing` is null for an invalid unit. */
export function explainStanding(unit: ScoredUnit, policy: ScoringPolicy, placing: Placing | null): Standing {
  const { counts } = unit;
  const decimals = policy.decimals;
  const scoreText = placing && unit.rounded ? unit.rounded.toFixed(decimals) : null;
  const steps = (unit.outcome?.steps ?? []).map((step): ExplainedStep => {
    const label = typeof step.label === 'string' ? { zh: step.label, en: step.label } : { zh: step.label.zh, en: step.label.en };
    if (!step.value) return { label, expression: step.expression };
    return { label, expression: step.expression, value: show(step.value, decimals), exact: step.value.isExactAt(decimals) };
  });

  const zh = [`${counts.unit}：总票 ${counts.ballots}，有效票 ${counts.counted}。`];
  const en = [`${counts.unit}: ${counts.ballots} ballots, ${counts.counted} counted.`];
  for (const step of steps) {
    const result = step.value === undefined ? '' : ` ${step.exact ? '=' : '≈'} ${step.value}`;
    zh.push(`${step.label.zh}：${step.expression}${result}。`);
    en.push(`${capitalize(step.label.en)}: ${step.expression}${result}.`);
  }
  if (placing && scoreText !== null) {
    const { rank, sharing, tier } = placing;
    const why = {
      zh: [rank > 1 ? `${rank - 1} 个单位得分更高` : '', sharing > 1 ? `${sharing} 个单位并列` : ''].filter(Boolean).join('，'),
      en: [rank > 1 ? `${rank - 1} ${rank === 2 ? 'unit' : 'units'} scored higher` : '', sharing > 1 ? `${sharing} share this score` : ''].filter(Boolean).join(', '),
    };
    zh.push(`得分 ${scoreText}（四舍五入保留 ${decimals} 位小数）。排名第 ${rank}${why.zh ? `（${why.zh}）` : ''}。`);
    en.push(`Score ${scoreText} (rounded half-up to ${decimals} places). Rank ${rank}${why.en ? ` (${why.en})` : ''}.`);
    if (!tier) {
      zh.push('无等次（低于各等次下限）。');
      en.push('No tier (below every tier minimum).');
    } else if (tier.decidedByStrategy) {
      zh.push(`等次：${tier.label}（由 ${policy.strategy.code} 规则判定）。`);
      en.push(`Tier: ${tier.label} (decided by ${policy.strategy.code}).`);
    } else {
      const bound = tier.min === null ? { zh: '其余分数', en: 'any score' } : { zh: `${scoreText} ≥ ${tier.min}`, en: `${scoreText} ≥ ${tier.min}` };
      zh.push(`等次：${tier.label}（${bound.zh}）。`);
      en.push(`Tier: ${tier.label} (${bound.en}).`);
    }
  } else {
    const reason = unit.reason ?? { zh: '无法计分', en: 'cannot be scored' };
    zh.push(`${reason.zh}：不计分、不排名、不定等次。`);
    en.push(`${capitalize(reason.en)}: no score, rank or tier.`);
  }

  const explanation: Explanation = {
    strategy: policy.strategy.code,
    counts: levelRecord(counts),
    ...(counts.groups.length > 0 ? { groups: Object.fromEntries(counts.groups.map((group) => [group, levelRecord(counts.group(group))])) } : {}),
    steps,
    scoreText,
    ...(placing ? {} : { reason: unit.reason ?? { zh: '无法计分', en: 'cannot be scored' } }),
    text: { zh: zh.join(''), en: en.join(' ') },
  };
  return {
    unit: counts.unit,
    ballots: counts.ballots,
    counted: counts.counted,
    valid: placing !== null,
    score: placing && unit.rounded ? unit.rounded.toNumber(decimals) : null,
    rank: placing?.rank ?? null,
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
    result[level.code] = counts.counted === 0 ? 0 : Rational.HUNDRED.mul(Rational.of(count, counts.counted)).toNumber(decimals);
  });
  return result;
}

function levelRecord(counts: LevelCounts): Record<string, number> {
  return Object.fromEntries(counts.scale.map((level, i) => [level.code, counts.counts[i] ?? 0]));
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
