// GraphQL of access codes, paper batches and participation.

import { ERROR_RESULT, graphql, type ResultOf } from '../data/graphql';
import { type ScanProgress } from '../paper-scan/scan.queries';

const BATCH = graphql(`fragment AccessCodeBatchFields on AccessCodeBatch {
  id evaluatorGroupCode count used unused revoked issuedAt issuedBy revokedAt revokedBy
}`);

export const ACCESS_CODE_SUMMARY = graphql(`query AccessCodeSummary($campaignId: ID!) {
  accessCodeSummary(campaignId: $campaignId) {
    groups { code label quota issued used unused revoked remaining }
  }
}`);
export const ACCESS_CODE_BATCHES = graphql(
  `query AccessCodeBatches($campaignId: ID!, $options: ListOptions) {
  accessCodeBatches(campaignId: $campaignId, options: $options) {
    totalItems items { ...AccessCodeBatchFields }
  }
}`,
  [BATCH],
);
export const ISSUE_ACCESS_CODES = graphql(
  `mutation IssueAccessCodes($campaignId: ID!, $group: String!, $count: Int!, $ballotUrl: String) {
  data: issueAccessCodes(campaignId: $campaignId, group: $group, count: $count) {
    __typename
    ... on IssuedAccessCodes { codes slipsHtml(ballotUrl: $ballotUrl) batch { ...AccessCodeBatchFields } }
    ...ErrorResultFields
  }
}`,
  [BATCH, ERROR_RESULT],
);
export const REVOKE_BATCH = graphql(
  `mutation RevokeAccessCodeBatch($id: ID!) {
  data: revokeAccessCodeBatch(id: $id) {
    __typename ... on AccessCodeBatch { ...AccessCodeBatchFields } ...ErrorResultFields
  }
}`,
  [BATCH, ERROR_RESULT],
);

export const PAPER_BATCHES = graphql(`query PaperBatches($campaignId: ID!, $options: ListOptions) {
  paperBatches(campaignId: $campaignId, options: $options) {
    totalItems
    items { id code state doubleKeyed scanned ballots spoilt message createdAt createdBy importedAt }
  }
}`);
export const PAPER_BATCH = graphql(`query PaperBatch($id: ID!) {
  paperBatch(id: $id) {
    id code state doubleKeyed scanned
    scan {
      reading files pages sheets reviewPending reviewDecided opinionsPending opinionsTranscribed
      problems { file page code serial messageKey messageParamsJson }
    }
    ballots spoilt message createdAt createdBy importedAt
    keyings {
      id keying fileName format encoding sizeBytes processedBytes state rows problemCount
      problems { line column value reason messageKey messageParamsJson } uploadedAt uploadedBy
    }
  }
}`);
export const CREATE_PAPER_BATCH = graphql(
  `mutation CreatePaperBatch($campaignId: ID!, $code: String!, $doubleKeyed: Boolean, $scanned: Boolean) {
  data: createPaperBatch(campaignId: $campaignId, code: $code, doubleKeyed: $doubleKeyed, scanned: $scanned) {
    __typename ... on PaperBatch { id code } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const KEYING_COMPARISON = graphql(`query PaperKeyingComparison($batchId: ID!) {
  paperKeyingComparison(batchId: $batchId) {
    total rowsUnpaired mismatches { row sheetNumber unit first second lineFirst lineSecond }
  }
}`);
export const WITHDRAW_PAPER_BATCH = graphql(`mutation WithdrawPaperBatch($id: ID!, $reason: String!) {
  data: withdrawPaperBatch(id: $id, reason: $reason) {
    __typename ... on PaperBatch { id state } ... on ErrorResult { errorCode message path }
  }
}`);
export const ACCEPT_PAPER_BATCH = graphql(
  `mutation AcceptPaperBatch($id: ID!, $resolutions: [KeyingResolutionInput!]) {
  data: acceptPaperBatch(id: $id, resolutions: $resolutions) {
    __typename ... on PaperBatch { id state ballots } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const PAPER_RECONCILIATION = graphql(`query PaperReconciliation($campaignId: ID!) {
  paperReconciliation(campaignId: $campaignId) {
    flagged groups { code label printed scanned slipsIssued returned valid spoilt spoiltNotKeyed overIssued }
  }
}`);
export const SET_RECONCILIATION = graphql(
  `mutation SetPaperReconciliation($campaignId: ID!, $group: String!, $slipsIssued: Int!, $spoiltNotKeyed: Int) {
  data: setPaperReconciliation(campaignId: $campaignId, group: $group, slipsIssued: $slipsIssued, spoiltNotKeyed: $spoiltNotKeyed) {
    __typename ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export type AccessCodeBatch = ResultOf<typeof ACCESS_CODE_BATCHES>['accessCodeBatches']['items'][number];

export type SheetProblem = PaperKeying['problems'][number];

export type PaperKeying = ResultOf<typeof PAPER_BATCH>['paperBatch']['keyings'][number];

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

export type KeyingMismatch = ResultOf<typeof KEYING_COMPARISON>['paperKeyingComparison']['mismatches'][number];
