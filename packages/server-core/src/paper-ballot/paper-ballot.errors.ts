import { defineErrorResult } from '../common/error-result';

export const DuplicateFileError = defineErrorResult(
  'DUPLICATE_FILE',
  'DuplicateFileError',
  'This file (same SHA-256) was already uploaded for the campaign',
);
export const BatchNotOpenError = defineErrorResult(
  'BATCH_NOT_OPEN',
  'BatchNotOpenError',
  'The paper batch is not in a state that allows this (being validated or imported, already imported, or not keyed yet)',
);
export const KeyingsDifferError = defineErrorResult(
  'KEYINGS_DIFFER',
  'KeyingsDifferError',
  'The two keyings of the batch differ and not every mismatch has a resolution (see paperKeyingComparison)',
);
export const PaperBatchCodeTakenError = defineErrorResult(
  'PAPER_BATCH_CODE_TAKEN',
  'PaperBatchCodeTakenError',
  'The campaign already has a paper batch with this code',
);
