import { isPingyiError, PingyiError } from '@pingyi/domain';
import { localize } from '../localized-text.js';
import type { ScoringPolicy } from '../policy/scoring-policy.js';
import { Rational } from '../rational/rational.js';
import type { UnitCounts } from '../tally/level-counts.js';
import type { ExplanationStep, ScoreRange, ScoringStrategy } from '../strategy/scoring-strategy.js';
import type { ArgDefinitions, ArgValues } from '../strategy/strategy-args.js';

/** A strategy's outcome for one unit, checked and made exact. */
export interface CheckedOutcome {
  readonly score: Rational | null;
  readonly tier: string | null;
  readonly steps: readonly ExplanationStep[];
  readonly reason?: { zh: string; en: string };
}

/** The strategy's declared range for this policy, as exact bounds. */
export function resolveRange(
  strategy: ScoringStrategy,
  policy: ScoringPolicy,
): { min: Rational; max: Rational } | undefined {
  const range: ScoreRange | undefined = typeof strategy.range === 'function' ? strategy.range(policy) : strategy.range;
  return range && { min: Rational.fromNumber(range.min), max: Rational.fromNumber(range.max) };
}

/**
 * Runs a strategy on one unit. Anything wrong (it throws, returns NaN or a
 * non-number, leaves its declared range, or mishandles tiers) becomes
 * `STRATEGY_FAILED` naming the strategy and the unit: never a wrong ranking.
 */
export function runStrategy(
  strategy: ScoringStrategy,
  unit: UnitCounts,
  policy: ScoringPolicy,
  range: { min: Rational; max: Rational } | undefined,
): CheckedOutcome {
  const fail = (problem: string, cause?: unknown): never => {
    throw new PingyiError(
      'STRATEGY_FAILED',
      `scoring strategy "${strategy.code}" failed for unit "${unit.unit}": ${problem}`,
      undefined,
      {
        strategy: strategy.code,
        unit: unit.unit,
        ...(isPingyiError(cause) ? { cause: cause.code } : {}),
      },
    );
  };
  let outcome: unknown;
  try {
    // parsePolicy validated the args against this strategy's declaration.
    outcome = strategy.score(unit, policy.strategy.args as ArgValues<ArgDefinitions>, policy);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), error);
  }
  const result =
    outcome === null || typeof outcome === 'number' || Rational.isRational(outcome)
      ? { score: outcome }
      : typeof outcome === 'object' && 'score' in outcome
        ? (outcome as Record<string, unknown>)
        : fail(`returned ${describe(outcome)}, not a score`);

  const raw = result.score;
  let score: Rational | null;
  if (raw === null) score = null;
  else if (Rational.isRational(raw)) score = Rational.from(raw);
  else if (typeof raw === 'number')
    score = Number.isFinite(raw) ? Rational.fromNumber(raw) : fail(`returned ${raw}, not a finite number`);
  else return fail(`returned ${describe(raw)} as its score, not a number`);

  if (score && range && (score.compare(range.min) < 0 || score.compare(range.max) > 0)) {
    fail(
      `returned ${score.toFixed(policy.decimals)}, outside its declared range ${range.min.toFixed(0)}..${range.max.toFixed(0)}`,
    );
  }
  const tier = result.tier;
  if (tier !== undefined && !strategy.decidesTiers) fail('returned a tier but does not declare decidesTiers');
  if (tier !== undefined && (typeof tier !== 'string' || tier === ''))
    fail(`returned ${describe(tier)} as its tier, not a tier code`);
  if (strategy.decidesTiers && score && tier === undefined) fail('decides tiers but returned no tier');

  const steps = result.steps ?? [];
  if (!Array.isArray(steps) || steps.some((step) => !isStep(step))) fail('returned malformed explanation steps');
  const reason = result.reason;
  if (reason !== undefined && typeof reason !== 'string' && (typeof reason !== 'object' || reason === null))
    fail('returned a malformed reason');
  return {
    score,
    tier: score ? ((tier as string | undefined) ?? null) : null,
    steps: (steps as ExplanationStep[]).map((step) =>
      step.value === undefined ? step : { ...step, value: Rational.from(step.value) },
    ),
    ...(reason ? { reason: localize(reason as Parameters<typeof localize>[0]) } : {}),
  };
}

function isStep(step: unknown): boolean {
  if (typeof step !== 'object' || step === null) return false;
  const { label, expression, value } = step as Record<string, unknown>;
  return typeof expression === 'string' && label !== undefined && (value === undefined || Rational.isRational(value));
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `the string "${value}"`;
  if (typeof value === 'number') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}
