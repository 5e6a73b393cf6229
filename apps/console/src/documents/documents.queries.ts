// GraphQL documents of the evaluator groups' contacts and reminders (checked against the schema by the browser suite).

export const GROUP_CONTACTS = `query GroupContacts($campaignId: ID!) {
  evaluatorGroupContacts(campaignId: $campaignId) { id evaluatorGroupCode name organization phone email }
  groupReminders(campaignId: $campaignId) { id evaluatorGroupCode groupLabel ballots quota sentOn sentBy contactCount }
  participation(campaignId: $campaignId) { groups { code label quota ballots } }
}`;

export const SET_GROUP_CONTACTS = `mutation SetGroupContacts($campaignId: ID!, $groupCode: String!, $contacts: [GroupContactInput!]!) {
  data: setEvaluatorGroupContacts(campaignId: $campaignId, groupCode: $groupCode, contacts: $contacts) {
    __typename
    ... on GroupContacts { groupCode contacts { id } }
    ... on ErrorResult { errorCode message path messageKey messageParamsJson }
  }
}`;

export const SEND_GROUP_REMINDER = `mutation SendGroupReminder($campaignId: ID!, $groupCode: String!) {
  data: sendGroupReminder(campaignId: $campaignId, groupCode: $groupCode) {
    __typename
    ... on GroupReminder { id }
    ... on ErrorResult { errorCode message path messageKey messageParamsJson }
  }
}`;

export interface GroupContact {
  readonly id: string;
  readonly evaluatorGroupCode: string;
  readonly name: string;
  readonly organization: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface GroupReminderRow {
  readonly id: string;
  readonly evaluatorGroupCode: string;
  readonly groupLabel: string;
  readonly ballots: number;
  readonly quota: number;
  readonly sentOn: string;
  readonly sentBy: string;
  readonly contactCount: number;
}

export interface GroupContactsData {
  readonly evaluatorGroupContacts: readonly GroupContact[];
  readonly groupReminders: readonly GroupReminderRow[];
  readonly participation: {
    readonly groups: readonly {
      readonly code: string;
      readonly label: string;
      readonly quota: number;
      readonly ballots: number;
    }[];
  };
}
