import { PingyiError } from '@pingyi/domain';
import type { LocalizedText } from '../localized-text.js';
import type { ScoringPolicy } from '../policy/scoring-policy.js';
import type { Rational } from '../rational/rational.js';
import type { UnitCounts } from '../tally/level-counts.js';
import type { ArgDefinition, ArgDefinitions, ArgValues } from './strategy-args.js';

/** Lowest and highest score a strategy can give (inclusive). */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

/** One line of the arithmetic behind a score, for the standing's explanation. */
export interface ExplanationStep {
  /** What this step computes ("满意票占比 / share of satisfied votes"). */
  readonly label: LocalizedText;
  /** The arithmetic with the actual figures: `(1520×100 + 300×85) ÷ 1820`. */
  readonly expression: string;
  /** The exact result; left out for a step that states a comparison. */
  readonly value?: Rational;
}

/** What a strategy's `score` returns for one unit, in its fullest form. */
export interface StrategyResult {
  /**
   * The exact score, or a plain number (converted exactly from its shortest
   * decimal text). `null` means the unit cannot be scored (no votes, say):
   * it is then not valid, like a unit under `minCounted`.
   */
  readonly score: Rational | number | null;
  /** The tier code, for strategies that declare `decidesTiers`. */
  readonly tier?: string;
  /** The arithmetic, shown in the explanation. */
  readonly steps?: readonly ExplanationStep[];
  /** Why there is no score, when `score` is null. */
  readonly reason?: LocalizedText;
}

/** A bare score is shorthand for `{ score }`. */
export type StrategyOutcome = StrategyResult | Rational | number | null;

/**
 * A scoring strategy as its author writes it, in the manner of Vendure's
 * configurable operations: the `args` declaration is data (a console draws a
 * form from it, `parsePolicy` validates a policy against it) and it types the
 * `args` parameter of `score`.
 */
export interface ScoringStrategyDefinition<A extends ArgDefinitions = ArgDefinitions> {
  /** The `strategy.code` a policy names. */
  readonly code: string;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  readonly args: A;
  /**
   * Scores outside this range are a strategy failure, never a ranking. A
   * function receives the policy (the range of a mean depends on the scale).
   */
  readonly range?: ScoreRange | ((policy: ScoringPolicy) => ScoreRange);
  /** The strategy returns each unit's tier itself; `policy.tiers` is ignored. */
  readonly decidesTiers?: boolean;
  /**
   * Checks what the declarations cannot express (a level that must be
   * counted, groups that must be listed); throws `INVALID_POLICY` with a path.
   */
  checkPolicy?(policy: ScoringPolicy, args: ArgValues<A>): void;
  /** Scores one unit from its counts. Pure; may throw (reported as `STRATEGY_FAILED`). */
  score(unit: UnitCounts, args: ArgValues<A>, policy: ScoringPolicy): StrategyOutcome;
}

/** A defined strategy, ready for a {@link StrategyRegistry}. */
export type ScoringStrategy<A extends ArgDefinitions = ArgDefinitions> = ScoringStrategyDefinition<A>;

const CODE = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?$/i;

/**
 * Defines a scoring strategy; the `args` declaration types `score`'s args:
 *
 * ```ts
 * const median = defineScoringStrategy({
 *   code: 'acme/median',
 *   label: { zh: '中位数', en: 'Median' },
 *   description: { zh: '…', en: 'Points of the middle vote' },
 *   args: { minShare: { type: 'number', label: 'Minimum share', min: 0, max: 1, default: 0 } },
 *   score(unit, args) { … args.minShare is a number … },
 * });
 * ```
 * Checks the declaration itself (code, argument types, defaults) and throws
 * `INVALID_STRATEGY` when it is malformed.
 */
export function defineScoringStrategy<const A extends ArgDefinitions>(
  definition: ScoringStrategyDefinition<A>,
): ScoringStrategy<A> {
  const fail = (path: string, message: string): never => {
    throw new PingyiError('INVALID_STRATEGY', message, path, { strategy: definition.code });
  };
  if (typeof definition.code !== 'string' || !CODE.test(definition.code)) {
    fail(
      'code',
      `"${String(definition.code)}" is not a strategy code (letters, digits, . _ - and one optional "/" for a plugin prefix)`,
    );
  }
  if (typeof definition.score !== 'function') fail('score', 'must be a function');
  for (const [name, arg] of Object.entries(definition.args)) checkArgDefinition(name, arg, fail);
  const range = definition.range;
  if (range && typeof range !== 'function' && !(range.min <= range.max))
    fail('range', `min ${range.min} is above max ${range.max}`);
  return Object.freeze({ ...definition });
}

const ARG_TYPES = new Set(['number', 'integer', 'boolean', 'string', 'level', 'levels', 'strings', 'groupWeights']);

function checkArgDefinition(name: string, arg: ArgDefinition, fail: (path: string, message: string) => never): void {
  const at = `args.${name}`;
  if (!ARG_TYPES.has(arg.type))
    fail(`${at}.type`, `unknown argument type "${String(arg.type)}" (${[...ARG_TYPES].join(', ')})`);
  if (arg.min !== undefined && arg.max !== undefined && arg.min > arg.max)
    fail(at, `min ${arg.min} is above max ${arg.max}`);
  const value = arg.default;
  if (value === undefined) return;
  const numeric = arg.type === 'number' || arg.type === 'integer';
  const list = arg.type === 'levels' || arg.type === 'strings';
  const ok =
    (numeric && typeof value === 'number' && Number.isFinite(value)) ||
    (arg.type === 'boolean' && typeof value === 'boolean') ||
    ((arg.type === 'string' || arg.type === 'level') && typeof value === 'string') ||
    (list && Array.isArray(value)) ||
    (arg.type === 'groupWeights' && typeof value === 'object' && value !== null && !Array.isArray(value));
  if (!ok) fail(`${at}.default`, `does not fit type ${arg.type}`);
}
