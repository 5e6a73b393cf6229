import { ERROR_RESULT, graphql } from '../data/graphql';
import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const pick = (data: Values, keys: readonly string[]): Values =>
  Object.fromEntries(keys.filter((key) => key in data).map((key) => [key, data[key] ?? null]));

// A unit code only makes sense for a liaison; the server refuses one otherwise.
const unitFor = (data: Values) =>
  Array.isArray(data.roles) && data.roles.includes('liaison') ? (data.unitCode as string | null) || null : null;

/** Users of the bureau (admins only): `users`, `user`, `createUser`, `updateUser`. */
const USER = graphql(
  `fragment UserFields on User { id username displayName roles unitCode active createdAt updatedAt }`,
);

export const usersDescriptor: ResourceDescriptor = {
  typeName: 'User',
  list: {
    document: graphql(
      `query ListUsers($options: ListOptions, $filter: UserListFilter) {
  data: users(options: $options, filter: $filter) { items { ...UserFields } totalItems }
}`,
      [USER],
    ),
    sortable: ['username', 'displayName', 'createdAt'],
    filter: ({ q, ...rest }) => compactFilter({ ...rest, search: q }),
  },
  one: {
    document: graphql(`query OneUser($id: ID!) { data: user(id: $id) { ...UserFields } }`, [USER]),
  },
  create: {
    document: graphql(
      `mutation RunCreateUser($input: CreateUserInput!) {
  data: createUser(input: $input) { __typename ...UserFields ...ErrorResultFields }
}`,
      [USER, ERROR_RESULT],
    ),
    input: (data) => ({ ...pick(data, ['username', 'displayName', 'password', 'roles']), unitCode: unitFor(data) }),
  },
  update: {
    document: graphql(
      `mutation RunUpdateUser($id: ID!, $input: UpdateUserInput!) {
  data: updateUser(id: $id, input: $input) { __typename ...UserFields ...ErrorResultFields }
}`,
      [USER, ERROR_RESULT],
    ),
    input: (data) => ({ ...pick(data, ['displayName', 'roles']), unitCode: unitFor(data) }),
  },
};
