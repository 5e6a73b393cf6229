// GraphQL of printed sheets (print runs) and scanned paper batches: review of doubtful marks, opinion transcription, import.

const ERROR_FIELDS = '... on ErrorResult { errorCode message path messageKey messageParamsJson }';

const PRINT_RUN_FIELDS = 'id kind groupCode groupLabel sheets pagesPerSheet createdAt createdBy pdfUrl';
export const PRINT_RUNS = `query PrintRuns($campaignId: ID!) { printRuns(campaignId: $campaignId) { ${PRINT_RUN_FIELDS} } }`;
export const CREATE_PRINT_RUN = `mutation CreatePrintRun($input: CreatePrintRunInput!) {
  data: createPrintRun(input: $input) { __typename ... on PrintRun { ${PRINT_RUN_FIELDS} } ${ERROR_FIELDS} }
}`;

/** The scan fields of a paper batch (`scan` is null unless the batch is scanned). */
export const SCAN_PROGRESS_FIELDS =
  'scan { reading files pages sheets reviewPending reviewDecided opinionsPending opinionsTranscribed problems { file page code serial messageKey messageParamsJson } }';

const REVIEW_ROW_FIELDS = 'id serial page groupLabel unitName reason candidateLevel decided decidedLevel cropUrl';
export const SCAN_REVIEW_ROWS = `query ScanReviewRows($batchId: ID!, $pendingOnly: Boolean) {
  scanReviewRows(batchId: $batchId, pendingOnly: $pendingOnly) { ${REVIEW_ROW_FIELDS} }
}`;
export const DECIDE_SCAN_ROW = `mutation DecideScanRow($id: ID!, $level: String) {
  data: decideScanRow(id: $id, level: $level) { __typename ... on ScanReviewRow { ${REVIEW_ROW_FIELDS} } ${ERROR_FIELDS} }
}`;

const OPINION_BOX_FIELDS = 'id serial unitName transcribed text cropUrl';
export const SCAN_OPINION_BOXES = `query ScanOpinionBoxes($batchId: ID!, $pendingOnly: Boolean) {
  scanOpinionBoxes(batchId: $batchId, pendingOnly: $pendingOnly) { ${OPINION_BOX_FIELDS} }
}`;
export const TRANSCRIBE_SCAN_OPINION = `mutation TranscribeScanOpinion($id: ID!, $text: String!) {
  data: transcribeScanOpinion(id: $id, text: $text) { __typename ... on ScanOpinionBox { ${OPINION_BOX_FIELDS} } ${ERROR_FIELDS} }
}`;

export const IMPORT_SCANNED_BATCH = `mutation ImportScannedBatch($batchId: ID!) {
  data: importScannedBatch(batchId: $batchId) { __typename ... on PaperBatch { id state ballots } ${ERROR_FIELDS} }
}`;

export type PrintSheetKind = 'APPRAISAL' | 'OPINION';

export interface PrintRun {
  id: string;
  kind: PrintSheetKind;
  groupCode: string;
  groupLabel: string;
  sheets: number;
  pagesPerSheet: number;
  createdAt: string;
  createdBy: string | null;
  /** Relative (`/print-runs/<id>/pdf`), fetched with the session's token. */
  pdfUrl: string;
}

export interface ScanProblem {
  file: string;
  /** 1-based; null = the whole file. */
  page: number | null;
  code: string;
  serial: string | null;
  messageKey: string | null;
  messageParamsJson: string | null;
}

export interface ScanProgress {
  reading: boolean;
  files: number;
  pages: number;
  sheets: number;
  reviewPending: number;
  reviewDecided: number;
  opinionsPending: number;
  opinionsTranscribed: number;
  problems: ScanProblem[];
}

export type ScanReviewReason = 'double' | 'faint' | 'erasure';

export interface ScanReviewRow {
  id: string;
  serial: string;
  page: number | null;
  groupLabel: string | null;
  unitName: string;
  reason: ScanReviewReason;
  candidateLevel: string | null;
  decided: boolean;
  /** null with `decided` = blank (abstention). */
  decidedLevel: string | null;
  cropUrl: string;
}

export interface ScanOpinionBox {
  id: string;
  serial: string;
  unitName: string;
  transcribed: boolean;
  text: string | null;
  cropUrl: string;
}
