// GraphQL of the bureau's settings.

export const BUREAU_SETTINGS = 'query BureauSettings { bureauSettings { publicAddress ballotUrl } }';
export const UPDATE_BUREAU_SETTINGS = `mutation UpdateBureauSettings($input: BureauSettingsInput!) {
  data: updateBureauSettings(input: $input) { __typename ... on BureauSettings { publicAddress ballotUrl } ... on ErrorResult { errorCode message path messageKey messageParamsJson } }
}`;

export interface BureauSettings {
  publicAddress: string | null;
  ballotUrl: string | null;
}

/** The longest public address the server accepts. */
export const MAX_PUBLIC_ADDRESS_LENGTH = 200;
