// GraphQL of signing in and out, the identity and password changes.

const USER_FIELDS = 'id username displayName roles unitCode';

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  data: login(username: $username, password: $password) {
    __typename
    ... on LoginSuccess { token expiresAt user { ${USER_FIELDS} } }
    ... on ErrorResult { errorCode message path messageKey messageParamsJson }
  }
}`;
export const LOGOUT = 'mutation Logout { logout { loggedOut } }';
export const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  data: changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
    __typename
    ... on ChangePasswordSuccess { token expiresAt }
    ... on ErrorResult { errorCode message path messageKey messageParamsJson }
  }
}`;
export const ME = `query Me { me { ${USER_FIELDS} } }`;
