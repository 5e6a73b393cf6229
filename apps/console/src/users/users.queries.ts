// GraphQL of the user actions beside the form (the form itself goes through the data provider).

import { ERROR_RESULT, graphql } from '../data/graphql';

export const SET_ACTIVE = graphql(
  `mutation SetUserActive($id: ID!, $active: Boolean!) {
  data: setUserActive(id: $id, active: $active) { __typename ... on User { id active } ...ErrorResultFields }
}`,
  [ERROR_RESULT],
);
export const RESET = graphql(
  `mutation ResetUserPassword($id: ID!, $password: String!) {
  data: resetUserPassword(id: $id, password: $password) {
    __typename ... on User { id active } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
// the bureau's units over all its campaigns (what a liaison may act for)
export const BUREAU_UNITS = graphql(`query BureauUnits { bureauUnits { code name } }`);
