import { PingyiError } from '@pingyi/domain';
import {
  type ArgDefinitions,
  type ArgValues,
  defineScoringStrategy,
  type ScoringPolicy,
  type ScoringStrategy,
  type ScoringStrategyDefinition,
  type StrategyOutcome,
  type UnitCounts,
} from '@pingyi/scoring';
import { IndicatorTable } from './indicator-table';

// A scoring strategy sees a unit's counts only. One that also needs per-unit
// indicators is defined with defineIndicatorStrategy(): the server binds it to
// a campaign's values before scoring (withIndicators), which gives an ordinary
// strategy for the unchanged scoring pipeline. Plain data, no framework.

const BRAND = Symbol.for('pingyi.indicatorStrategy');

/** What an indicator strategy reads for the unit being scored. */
export interface UnitIndicators {
  /** The unit being scored. */
  readonly unit: string;
  /** This unit's value; throws (a `STRATEGY_FAILED` naming the unit) when none is entered. */
  value(indicator: string): number;
  /** This unit's value, or undefined when none is entered. */
  find(indicator: string): number | undefined;
  /** Every unit's value of the indicator, for rules that normalize over units. */
  column(indicator: string): ReadonlyMap<string, number>;
}

/** A strategy as its author writes it when it needs indicators: `score` gets a fourth argument. */
export interface IndicatorStrategyDefinition<A extends ArgDefinitions = ArgDefinitions> extends Omit<
  ScoringStrategyDefinition<A>,
  'score'
> {
  /** Codes of the indicators the strategy reads; reading any other is an error. */
  readonly indicators: readonly string[];
  score(unit: UnitCounts, args: ArgValues<A>, policy: ScoringPolicy, indicators: UnitIndicators): StrategyOutcome;
}

/** A defined indicator strategy: a scoring strategy that can be bound to a campaign's values. */
export interface IndicatorStrategy<A extends ArgDefinitions = ArgDefinitions> extends ScoringStrategy<A> {
  readonly indicators: readonly string[];
  /** The same strategy reading `table`; what the server registers when it scores a campaign. */
  withIndicators(table: IndicatorTable): ScoringStrategy<A>;
}

function viewOf(
  strategy: { code: string; indicators: readonly string[] },
  table: IndicatorTable,
  unit: string,
): UnitIndicators {
  const declared = new Set(strategy.indicators);
  const checkDeclared = (indicator: string): void => {
    if (!declared.has(indicator)) {
      throw new PingyiError(
        'UNDECLARED_INDICATOR',
        `reads indicator "${indicator}" but declares only ${strategy.indicators.map((code) => `"${code}"`).join(', ') || 'none'}`,
      );
    }
  };
  return {
    unit,
    value(indicator) {
      checkDeclared(indicator);
      const value = table.get(indicator, unit);
      if (value === undefined) {
        throw new PingyiError(
          'MISSING_INDICATOR',
          `indicator "${indicator}" has no value for unit "${unit}" (enter it, or import the indicators CSV)`,
        );
      }
      return value;
    },
    find(indicator) {
      checkDeclared(indicator);
      return table.get(indicator, unit);
    },
    column(indicator) {
      checkDeclared(indicator);
      return table.column(indicator);
    },
  };
}

/**
 * Defines a scoring strategy that reads per-unit indicators:
 *
 * ```ts
 * const composite = defineIndicatorStrategy({
 *   code: 'acme/composite', label: '综合评分', description: '…',
 *   indicators: ['complaints'],
 *   args: {},
 *   range: { min: 0, max: 100 },
 *   score(unit, args, policy, indicators) { return 100 - indicators.value('complaints'); },
 * });
 * ```
 * Unbound (as listed, or scored without a campaign), every indicator is
 * missing. Checks the declaration like `defineScoringStrategy`.
 */
export function defineIndicatorStrategy<const A extends ArgDefinitions>(
  definition: IndicatorStrategyDefinition<A>,
): IndicatorStrategy<A> {
  const indicators = [...definition.indicators];
  if (indicators.length === 0 || indicators.some((code) => typeof code !== 'string' || code === '')) {
    throw new PingyiError('INVALID_STRATEGY', 'must list the codes of the indicators it reads', 'indicators', {
      strategy: definition.code,
    });
  }
  const bind = (table: IndicatorTable): ScoringStrategy<A> =>
    defineScoringStrategy<A>({
      ...definition,
      indicators: Object.freeze([...indicators]),
      score: (unit, args, policy) =>
        definition.score(unit, args, policy, viewOf({ code: definition.code, indicators }, table, unit.unit)),
    } as ScoringStrategyDefinition<A>);
  const unbound = bind(IndicatorTable.EMPTY);
  return Object.freeze({ ...unbound, [BRAND]: true, withIndicators: bind }) as unknown as IndicatorStrategy<A>;
}

/** Whether a strategy was made by {@link defineIndicatorStrategy} (works across package copies). */
export function isIndicatorStrategy(strategy: ScoringStrategy): strategy is IndicatorStrategy {
  const candidate = strategy as unknown as Record<PropertyKey, unknown>;
  return candidate[BRAND] === true && typeof candidate.withIndicators === 'function';
}

/** The indicator codes a strategy reads (none for an ordinary strategy). */
export function indicatorsOf(strategy: ScoringStrategy): readonly string[] {
  const declared = (strategy as unknown as { indicators?: unknown }).indicators;
  return Array.isArray(declared) ? (declared as string[]) : [];
}

/** The strategies with every indicator strategy bound to `table`; the others unchanged. */
export function bindIndicators(strategies: Iterable<ScoringStrategy>, table: IndicatorTable): ScoringStrategy[] {
  return [...strategies].map((strategy) => (isIndicatorStrategy(strategy) ? strategy.withIndicators(table) : strategy));
}
