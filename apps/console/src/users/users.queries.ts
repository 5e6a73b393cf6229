// GraphQL of the user actions beside the form (the form itself goes through the data provider).

const USER_RESULT =
  '__typename ... on User { id active } ... on ErrorResult { errorCode message path messageKey messageParamsJson }';
export const SET_ACTIVE = `mutation SetUserActive($id: ID!, $active: Boolean!) { data: setUserActive(id: $id, active: $active) { ${USER_RESULT} } }`;
export const RESET = `mutation ResetUserPassword($id: ID!, $password: String!) { data: resetUserPassword(id: $id, password: $password) { ${USER_RESULT} } }`;
