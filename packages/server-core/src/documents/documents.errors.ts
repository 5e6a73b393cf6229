import { defineErrorResult } from '../common/error-result';

export const NoContactsError = defineErrorResult(
  'NO_CONTACTS',
  'NoContactsError',
  'The evaluator group has no contacts to remind',
);
export const UnknownGroupError = defineErrorResult(
  'UNKNOWN_GROUP',
  'UnknownGroupError',
  'The code is not an evaluator group of this campaign',
);
