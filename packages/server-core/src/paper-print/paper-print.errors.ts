import { defineErrorResult } from '../common/error-result';

export const DocumentTooLargeError = defineErrorResult(
  'DOCUMENT_TOO_LARGE',
  'DocumentTooLargeError',
  'More sheets than one print run (one PDF) may hold; the message says the most',
);
