// For the specs (not exported from the package): the PingyiError a call throws.
import { isPingyiError, type PingyiError } from './pingyi-error.js';

/** Runs `run` and returns the PingyiError it throws; fails if it throws something else or nothing. */
export function errorOf(run: () => unknown): PingyiError {
  try {
    run();
  } catch (error) {
    if (isPingyiError(error)) return error;
    throw error;
  }
  throw new Error('expected a PingyiError, nothing was thrown');
}
