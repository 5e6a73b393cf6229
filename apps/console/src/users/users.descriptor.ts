import { compactFilter, type ResourceDescriptor, type Values } from '../data/resource-descriptor';

const pick = (data: Values, keys: readonly string[]): Values =>
  Object.fromEntries(keys.filter((key) => key in data).map((key) => [key, data[key] ?? null]));

// A unit code only makes sense for a liaison; the server refuses one otherwise.
const unitFor = (data: Values) =>
  Array.isArray(data.roles) && data.roles.includes('liaison') ? (data.unitCode as string | null) || null : null;

/** Users of the bureau (admins only): `users`, `user`, `createUser`, `updateUser`. */
export const usersDescriptor: ResourceDescriptor = {
  typeName: 'User',
  fields: 'id username displayName roles unitCode active createdAt updatedAt',
  list: {
    query: 'users',
    filterType: 'UserListFilter',
    sortable: ['username', 'displayName', 'createdAt'],
    filter: ({ q, ...rest }) => compactFilter({ ...rest, search: q }),
  },
  one: { query: 'user' },
  create: {
    mutation: 'createUser',
    inputType: 'CreateUserInput!',
    input: (data) => ({ ...pick(data, ['username', 'displayName', 'password', 'roles']), unitCode: unitFor(data) }),
  },
  update: {
    mutation: 'updateUser',
    inputType: 'UpdateUserInput!',
    input: (data) => ({ ...pick(data, ['displayName', 'roles']), unitCode: unitFor(data) }),
  },
};
