// GraphQL of the public ballot page (CONTRACTS.md §4): anyone holding a code.

const ERROR = '... on ErrorResult { errorCode message path }';
export const BALLOT_FORM = `query BallotForm($code: String!) {
  data: ballotForm(code: $code) { __typename ... on BallotForm { campaignName groupLabel closesOn opinionMaxLength units { code name } levels { code label } } ${ERROR} }
}`;
export const CAST_BALLOT = `mutation CastBallot($input: CastBallotInput!) {
  data: castBallot(input: $input) { __typename ... on BallotReceipt { receiptNumber campaignName castOn rated abstained opinions } ${ERROR} }
}`;

export interface BallotForm {
  campaignName: string;
  groupLabel: string;
  closesOn: string;
  opinionMaxLength: number;
  units: { code: string; name: string }[];
  levels: { code: string; label: string }[];
}

export interface BallotReceipt {
  receiptNumber: string;
  campaignName: string;
  castOn: string;
  rated: number;
  abstained: number;
  opinions: number;
}
