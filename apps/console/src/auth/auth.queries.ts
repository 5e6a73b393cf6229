// GraphQL of signing in and out, the identity and password changes.

import { ERROR_RESULT, graphql } from '../data/graphql';

const USER_FIELDS = graphql(`fragment SessionUserFields on User { id username displayName roles unitCode }`);

export const LOGIN = graphql(
  `mutation Login($username: String!, $password: String!) {
  data: login(username: $username, password: $password) {
    __typename ... on LoginSuccess { token expiresAt user { ...SessionUserFields } } ...ErrorResultFields
  }
}`,
  [USER_FIELDS, ERROR_RESULT],
);
export const LOGOUT = graphql(`mutation Logout { logout { loggedOut } }`);
export const CHANGE_PASSWORD = graphql(
  `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  data: changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    __typename ... on ChangePasswordSuccess { token expiresAt } ...ErrorResultFields
  }
}`,
  [ERROR_RESULT],
);
export const ME = graphql(`query Me { me { ...SessionUserFields } }`, [USER_FIELDS]);
