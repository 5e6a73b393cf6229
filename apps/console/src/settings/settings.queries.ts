// GraphQL of the bureau's settings.

import { ERROR_RESULT, graphql } from '../data/graphql';

export const BUREAU_SETTINGS = graphql(`query BureauSettings { bureauSettings { publicAddress ballotUrl } }`);
export const UPDATE_BUREAU_SETTINGS = graphql(
  `mutation UpdateBureauSettings($input: BureauSettingsInput!) {
  data: updateBureauSettings(input: $input) {
    __typename ... on BureauSettings { publicAddress ballotUrl } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

/** The longest public address the server accepts. */
export const MAX_PUBLIC_ADDRESS_LENGTH = 200;
