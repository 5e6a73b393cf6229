/**
 * `@pingyi/scoring`: how a tally of ratings becomes standings.
 *
 * ```ts
 * import { parsePolicy, tallyFromCsv, scoreTally } from '@pingyi/scoring';
 * const policy = parsePolicy(JSON.parse(policyJson));      // INVALID_POLICY names the field
 * const tally = tallyFromCsv(csvText, policy);              // INVALID_TALLY names the line
 * const { standings } = scoreTally(tally, policy);          // score, rank, tier, rates, explanation
 * ```
 *
 * Arithmetic is exact ({@link Rational}); rounding is half-up (四舍五入) as
 * decimal arithmetic does it. Other bureaus add strategies with
 * {@link defineScoringStrategy} and {@link createStrategyRegistry}.
 *
 * @packageDocumentation
 */
export { localize, type LocalizedText } from './localized-text.js';
export { Rational } from './rational/rational.js';

export { parsePolicy } from './policy/parse-policy.js';
export { unreachableTiers, type UnreachableTier } from './policy/unreachable-tiers.js';
export {
  MAX_DECIMALS,
  type PolicyGroup,
  type PolicyStrategy,
  type RankTier,
  type RankWithin,
  type ScoringPolicy,
  type Tier,
} from './policy/scoring-policy.js';

export { LevelCounts, UnitCounts } from './tally/level-counts.js';
export { Tally, type IndexArray, type RatingArrays, type TallyRow, type TallyShape } from './tally/tally.js';
export { parseTallyCsv, tallyFromCsv, type TallyCsvOptions } from './tally/tally-csv.js';
export { participationFromCsv } from './tally/participation-csv.js';

export {
  defineScoringStrategy,
  type ExplanationStep,
  type ScoreRange,
  type ScoringStrategy,
  type ScoringStrategyDefinition,
  type StrategyOutcome,
  type StrategyResult,
} from './strategy/scoring-strategy.js';
export {
  validateArgs,
  type ArgContext,
  type ArgDefinition,
  type ArgDefinitions,
  type ArgType,
  type ArgValues,
  type ArgValueTypes,
} from './strategy/strategy-args.js';
export { describeStrategy, type ArgDescription, type StrategyDescription } from './strategy/describe-strategy.js';
export { StrategyRegistry } from './strategy/strategy-registry.js';
export { builtInStrategies, createStrategyRegistry } from './strategy/built-in/built-in-strategies.js';
export { weightedMeanStrategy } from './strategy/built-in/weighted-mean.strategy.js';
export { satisfactionRateStrategy } from './strategy/built-in/satisfaction-rate.strategy.js';
export { groupWeightedMeanStrategy } from './strategy/built-in/group-weighted-mean.strategy.js';
export { trimmedMeanStrategy } from './strategy/built-in/trimmed-mean.strategy.js';
export { majorityStrategy } from './strategy/built-in/majority.strategy.js';

export { scoreTally, type GroupParticipation, type ScoringContext } from './standings/score-tally.js';
export { bottomTierCodes, consecutiveBottomUnits, type TieredResults } from './standings/consecutive-bottom.js';
export type { ExcludedGroup, ExplainedStep, Explanation, ScoringResult, Standing } from './standings/standing.js';
