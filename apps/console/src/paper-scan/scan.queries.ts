// GraphQL of printed sheets (print runs) and scanned paper batches: review of doubtful marks, opinion transcription, import.

import { ERROR_RESULT, graphql, type ResultOf } from '../data/graphql';

const PRINT_RUN_FIELDS = graphql(`fragment PrintRunFields on PrintRun {
  id kind groupCode groupLabel sheets pagesPerSheet createdAt createdBy pdfUrl
}`);
const REVIEW_ROW_FIELDS = graphql(`fragment ScanReviewRowFields on ScanReviewRow {
  id serial page groupLabel unitName reason candidateLevel decided decidedLevel cropUrl
}`);
const OPINION_BOX_FIELDS = graphql(
  `fragment ScanOpinionBoxFields on ScanOpinionBox { id serial unitName transcribed text cropUrl }`,
);

export const PRINT_RUNS = graphql(
  `query PrintRuns($campaignId: ID!) { printRuns(campaignId: $campaignId) { ...PrintRunFields } }`,
  [PRINT_RUN_FIELDS],
);
export const CREATE_PRINT_RUN = graphql(
  `mutation CreatePrintRun($input: CreatePrintRunInput!) {
  data: createPrintRun(input: $input) {
    __typename ... on PrintRun { ...PrintRunFields } ...ErrorResultFields
  }
}`,
  [PRINT_RUN_FIELDS, ERROR_RESULT],
);

export const SCAN_REVIEW_ROWS = graphql(
  `query ScanReviewRows($batchId: ID!, $pendingOnly: Boolean) {
  scanReviewRows(batchId: $batchId, pendingOnly: $pendingOnly) { ...ScanReviewRowFields }
}`,
  [REVIEW_ROW_FIELDS],
);
export const DECIDE_SCAN_ROW = graphql(
  `mutation DecideScanRow($id: ID!, $level: String) {
  data: decideScanRow(id: $id, level: $level) {
    __typename ... on ScanReviewRow { ...ScanReviewRowFields } ...ErrorResultFields
  }
}`,
  [REVIEW_ROW_FIELDS, ERROR_RESULT],
);

export const SCAN_OPINION_BOXES = graphql(
  `query ScanOpinionBoxes($batchId: ID!, $pendingOnly: Boolean) {
  scanOpinionBoxes(batchId: $batchId, pendingOnly: $pendingOnly) { ...ScanOpinionBoxFields }
}`,
  [OPINION_BOX_FIELDS],
);
export const TRANSCRIBE_SCAN_OPINION = graphql(
  `mutation TranscribeScanOpinion($id: ID!, $text: String!) {
  data: transcribeScanOpinion(id: $id, text: $text) {
    __typename ... on ScanOpinionBox { ...ScanOpinionBoxFields } ...ErrorResultFields
  }
}`,
  [OPINION_BOX_FIELDS, ERROR_RESULT],
);

export const IMPORT_SCANNED_BATCH = graphql(
  `mutation ImportScannedBatch($batchId: ID!) {
  data: importScannedBatch(batchId: $batchId) {
    __typename ... on PaperBatch { id state ballots } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export type PrintSheetKind = 'APPRAISAL' | 'OPINION';

export type PrintRun = ResultOf<typeof PRINT_RUNS>['printRuns'][number];

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

export type ScanReviewRow = ResultOf<typeof SCAN_REVIEW_ROWS>['scanReviewRows'][number];

export type ScanOpinionBox = ResultOf<typeof SCAN_OPINION_BOXES>['scanOpinionBoxes'][number];
