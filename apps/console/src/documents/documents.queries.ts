// GraphQL documents of the evaluator groups' contacts and reminders (checked against the schema by the browser suite).

import { ERROR_RESULT, graphql, type ResultOf } from '../data/graphql';

export const GROUP_CONTACTS = graphql(`query GroupContacts($campaignId: ID!) {
  evaluatorGroupContacts(campaignId: $campaignId) { id evaluatorGroupCode name organization phone email }
  groupReminders(campaignId: $campaignId) {
    id evaluatorGroupCode groupLabel ballots quota sentOn sentBy contactCount
  }
  participation(campaignId: $campaignId) { groups { code label quota ballots } }
}`);

export const SET_GROUP_CONTACTS = graphql(
  `mutation SetGroupContacts($campaignId: ID!, $groupCode: String!, $contacts: [GroupContactInput!]!) {
  data: setEvaluatorGroupContacts(campaignId: $campaignId, groupCode: $groupCode, contacts: $contacts) {
    __typename ... on GroupContacts { groupCode contacts { id } } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export const SEND_GROUP_REMINDER = graphql(
  `mutation SendGroupReminder($campaignId: ID!, $groupCode: String!) {
  data: sendGroupReminder(campaignId: $campaignId, groupCode: $groupCode) {
    __typename ... on GroupReminder { id } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);

export type GroupContact = ResultOf<typeof GROUP_CONTACTS>['evaluatorGroupContacts'][number];
