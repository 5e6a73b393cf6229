import type { ScoringStrategy } from '../scoring-strategy.js';
import { StrategyRegistry } from '../strategy-registry.js';
import { groupWeightedMeanStrategy } from './group-weighted-mean.strategy.js';
import { majorityStrategy } from './majority.strategy.js';
import { satisfactionRateStrategy } from './satisfaction-rate.strategy.js';
import { trimmedMeanStrategy } from './trimmed-mean.strategy.js';
import { weightedMeanStrategy } from './weighted-mean.strategy.js';

/** The five strategies of CONTRACTS.md §1, in the contract's order. */
export const builtInStrategies: readonly ScoringStrategy[] = Object.freeze([
  weightedMeanStrategy,
  satisfactionRateStrategy,
  groupWeightedMeanStrategy,
  trimmedMeanStrategy,
  majorityStrategy,
] as ScoringStrategy[]);

/** Used when no registry is given. Not exported from the package: nobody may add to it. */
export const builtInStrategyRegistry = new StrategyRegistry(builtInStrategies);

/**
 * A registry with the built-ins plus the given (plugin) strategies; a code
 * already taken is a `DUPLICATE_STRATEGY` error.
 */
export function createStrategyRegistry(strategies: Iterable<ScoringStrategy> = []): StrategyRegistry {
  return new StrategyRegistry([...builtInStrategies, ...strategies]);
}
