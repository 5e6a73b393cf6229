// GraphQL of the public ballot page (CONTRACTS.md §4): the sheet of a code, and casting it.

import { graphql } from '../data/graphql';

const BALLOT_ERROR = graphql(
  `fragment BallotErrorFields on ErrorResult { errorCode message messageKey messageParamsJson }`,
);

export const BALLOT_FORM = graphql(
  `query PublicBallotForm($code: String!) {
  result: ballotForm(code: $code) {
    __typename
    ... on BallotForm {
      campaignName groupLabel closesOn opinionMaxLength units { code name } levels { code label labelEn }
    }
    ...BallotErrorFields
  }
}`,
  [BALLOT_ERROR],
);

export const CAST_BALLOT = graphql(
  `mutation PublicCastBallot($input: CastBallotInput!) {
  result: castBallot(input: $input) {
    __typename ... on BallotReceipt { receiptNumber castOn campaignName rated abstained opinions }
    ...BallotErrorFields
  }
}`,
  [BALLOT_ERROR],
);
