// GraphQL of access codes, paper batches and participation.

import { SCAN_PROGRESS_FIELDS, type ScanProgress } from '../paper-scan/scan.queries';

const BATCH = 'id evaluatorGroupCode count used unused revoked issuedAt issuedBy revokedAt revokedBy';
export const ACCESS_CODE_SUMMARY = `query AccessCodeSummary($campaignId: ID!) {
  accessCodeSummary(campaignId: $campaignId) { groups { code label quota issued used unused revoked remaining } }
}`;
export const ACCESS_CODE_BATCHES = `query AccessCodeBatches($campaignId: ID!, $options: ListOptions) {
  accessCodeBatches(campaignId: $campaignId, options: $options) { totalItems items { ${BATCH} } }
}`;
export const ISSUE_ACCESS_CODES = `mutation IssueAccessCodes($campaignId: ID!, $group: String!, $count: Int!, $ballotUrl: String) {
  data: issueAccessCodes(campaignId: $campaignId, group: $group, count: $count) {
    __typename ... on IssuedAccessCodes { codes slipsHtml(ballotUrl: $ballotUrl) batch { ${BATCH} } }
    ... on ErrorResult { errorCode message path messageKey messageParamsJson }
  }
}`;
export const REVOKE_BATCH = `mutation RevokeAccessCodeBatch($id: ID!) {
  data: revokeAccessCodeBatch(id: $id) { __typename ... on AccessCodeBatch { ${BATCH} } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

const KEYING =
  'id keying fileName format encoding sizeBytes processedBytes state rows problemCount problems { line column value reason messageKey messageParamsJson } uploadedAt uploadedBy';
const PAPER_BATCH_FIELDS = `id code state doubleKeyed scanned ${SCAN_PROGRESS_FIELDS} ballots spoilt message createdAt createdBy importedAt keyings { ${KEYING} }`;
export const PAPER_BATCHES = `query PaperBatches($campaignId: ID!, $options: ListOptions) {
  paperBatches(campaignId: $campaignId, options: $options) { totalItems items { id code state doubleKeyed scanned ballots spoilt message createdAt createdBy importedAt } }
}`;
export const PAPER_BATCH = `query PaperBatch($id: ID!) { paperBatch(id: $id) { ${PAPER_BATCH_FIELDS} } }`;
export const CREATE_PAPER_BATCH = `mutation CreatePaperBatch($campaignId: ID!, $code: String!, $doubleKeyed: Boolean, $scanned: Boolean) {
  data: createPaperBatch(campaignId: $campaignId, code: $code, doubleKeyed: $doubleKeyed, scanned: $scanned) { __typename ... on PaperBatch { id code } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;
export const KEYING_COMPARISON = `query PaperKeyingComparison($batchId: ID!) {
  paperKeyingComparison(batchId: $batchId) { total rowsUnpaired mismatches { row sheetNumber unit first second lineFirst lineSecond } }
}`;
export const WITHDRAW_PAPER_BATCH = `mutation WithdrawPaperBatch($id: ID!, $reason: String!) {
  data: withdrawPaperBatch(id: $id, reason: $reason) { __typename ... on PaperBatch { id state } ... on ErrorResult { errorCode message path } }
}`;
export const ACCEPT_PAPER_BATCH = `mutation AcceptPaperBatch($id: ID!, $resolutions: [KeyingResolutionInput!]) {
  data: acceptPaperBatch(id: $id, resolutions: $resolutions) { __typename ... on PaperBatch { id state ballots } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;
export const PAPER_RECONCILIATION = `query PaperReconciliation($campaignId: ID!) {
  paperReconciliation(campaignId: $campaignId) { flagged groups { code label printed scanned slipsIssued returned valid spoilt spoiltNotKeyed overIssued } }
}`;
export const SET_RECONCILIATION = `mutation SetPaperReconciliation($campaignId: ID!, $group: String!, $slipsIssued: Int!, $spoiltNotKeyed: Int) {
  data: setPaperReconciliation(campaignId: $campaignId, group: $group, slipsIssued: $slipsIssued, spoiltNotKeyed: $spoiltNotKeyed) { __typename ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

export interface AccessCodeBatch {
  id: string;
  evaluatorGroupCode: string;
  count: number;
  used: number;
  unused: number;
  revoked: number;
  issuedAt: string;
  issuedBy: string | null;
  revokedAt: string | null;
}

export interface GroupCodes {
  code: string;
  label: string;
  quota: number;
  issued: number;
  used: number;
  unused: number;
  revoked: number;
  remaining: number;
}

export interface SheetProblem {
  line: number;
  column: string | null;
  value: string | null;
  /** Why, in English; `messageKey` with `messageParamsJson` says it in the user's language. */
  reason: string;
  messageKey: string | null;
  messageParamsJson: string | null;
}

export interface PaperKeying {
  id: string;
  keying: number;
  fileName: string;
  format: string;
  sizeBytes: number;
  processedBytes: number;
  state: string;
  rows: number;
  problemCount: number;
  problems: SheetProblem[];
  uploadedAt: string;
}

export interface PaperBatch {
  id: string;
  code: string;
  state: string;
  doubleKeyed: boolean;
  /** 扫描导入: the sheets come as scans, read by the server, not as keyed files. */
  scanned: boolean;
  /** The reading of the scans; absent unless `scanned` (and on the list's rows). */
  scan?: ScanProgress | null;
  ballots: number;
  spoilt: number;
  message: string | null;
  createdAt: string;
  importedAt: string | null;
  keyings?: PaperKeying[];
}

export interface KeyingMismatch {
  row: number;
  sheetNumber: string | null;
  unit: string | null;
  first: string;
  second: string;
  lineFirst: number;
  lineSecond: number;
}
