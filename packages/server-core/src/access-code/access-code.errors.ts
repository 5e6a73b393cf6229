import { defineErrorResult } from '../common/error-result';

// Error results of access codes and casting (CONTRACTS.md §4).

export const QuotaExceededError = defineErrorResult(
  'QUOTA_EXCEEDED',
  'QuotaExceededError',
  'More access codes than the evaluator group has left of its quota; the message says how many remain',
);
export const InvalidCodeError = defineErrorResult(
  'INVALID_CODE',
  'InvalidCodeError',
  'The access code does not exist, was revoked, or was mistyped (the message says which when it can tell)',
);
export const CodeAlreadyUsedError = defineErrorResult(
  'CODE_ALREADY_USED',
  'CodeAlreadyUsedError',
  'The access code has already cast its ballot',
);
