import { defineErrorResult } from '../common/error-result';

export const AlreadyMergedError = defineErrorResult(
  'ALREADY_MERGED',
  'AlreadyMergedError',
  'An opinion is already merged into another problem; the message names it',
);
