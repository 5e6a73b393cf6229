import { defineErrorResult } from '../common/error-result';

/**
 * A scoring strategy failed on a unit (threw, returned a non-number, or left
 * its declared range): the message names the plugin, the strategy and the
 * unit. Never a wrong ranking.
 */
export const StrategyFailedError = defineErrorResult(
  'STRATEGY_FAILED',
  'StrategyFailedError',
  'A scoring strategy failed on a unit (threw, returned a non-number or a score outside its range); the message names the plugin, strategy and unit',
);
