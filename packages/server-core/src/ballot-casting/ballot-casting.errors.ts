import { defineErrorResult } from '../common/error-result';

// The ballot rules' failures (@pingyi/domain validateBallot) as error results
// of castBallot; UNKNOWN_UNIT and PHASE_CLOSED are shared with the campaign modules.

export const UnknownLevelError = defineErrorResult(
  'UNKNOWN_LEVEL',
  'UnknownLevelError',
  "A rating names a level that is not on the campaign's scale",
);
export const DuplicateUnitError = defineErrorResult(
  'DUPLICATE_UNIT',
  'DuplicateUnitError',
  'The ballot rates a unit twice, or gives two opinions on it',
);
export const InvalidOpinionError = defineErrorResult(
  'INVALID_OPINION',
  'InvalidOpinionError',
  'An opinion is empty or longer than the limit (2,000 characters)',
);
export const EmptyBallotError = defineErrorResult(
  'EMPTY_BALLOT',
  'EmptyBallotError',
  'The ballot rates no unit and gives no opinion',
);
export const InvalidBallotError = defineErrorResult('INVALID_BALLOT', 'InvalidBallotError', 'The ballot is malformed');
