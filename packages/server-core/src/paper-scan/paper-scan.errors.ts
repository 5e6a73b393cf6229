import { defineErrorResult } from '../common/error-result';

export const ScanReviewPendingError = defineErrorResult(
  'SCAN_REVIEW_PENDING',
  'ScanReviewPendingError',
  'Doubtful rows or opinion boxes of the scanned batch still wait for a person (see scanReviewRows, scanOpinionBoxes)',
);
