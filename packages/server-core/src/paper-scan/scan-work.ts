import { type RequestContextSnapshot } from '../common/request-context';

/** The background work that reads an uploaded scan file of a scanned batch. */
export const READ_PAPER_SCAN = 'readPaperScan';

/** A scan file to read, as JSON (another instance may read it): the upload row, the file's name in the data folder's `tmp`. */
export interface ScanWork {
  readonly batchId: number;
  readonly uploadId: number;
  readonly file: { readonly name: string; readonly size: number };
  readonly fileName: string;
  readonly requester: RequestContextSnapshot;
}
