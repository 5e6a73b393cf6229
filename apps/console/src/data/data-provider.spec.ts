import { parse, print } from '@0no-co/graphql.web';
import { describe, expect, it } from 'vitest';
import { createDataProvider, pageLocally } from './data-provider';
import { ERROR_RESULT, graphql } from './graphql';
import { GraphqlClient } from './graphql-client';
import { compactFilter, type ResourceDescriptor } from './resource-descriptor';
import { echoTranslate, fakeFetch } from './test-fetch';

const ERROR_FIELDS =
  'fragment ErrorResultFields on ErrorResult { errorCode message path messageKey messageParamsJson }';
/** The text the client sends for a document written as `source`. */
const sent = (source: string) => print(parse(source));

const users: ResourceDescriptor = {
  typeName: 'User',
  list: {
    document: graphql(
      'query ListUsers($options: ListOptions, $filter: UserListFilter) { data: users(options: $options, filter: $filter) { items { id username } totalItems } }',
    ),
    sortable: ['username'],
    filter: ({ q, ...rest }) => compactFilter({ ...rest, search: q }),
  },
  one: { document: graphql('query OneUser($id: ID!) { data: user(id: $id) { id username } }') },
  create: {
    document: graphql(
      'mutation RunCreateUser($input: CreateUserInput!) { data: createUser(input: $input) { __typename ... on User { id username } ...ErrorResultFields } }',
      [ERROR_RESULT],
    ),
    input: ({ username }) => ({ username }),
  },
  update: {
    document: graphql(
      'mutation RunUpdateUser($id: ID!, $input: UpdateUserInput!) { data: updateUser(id: $id, input: $input) { __typename ... on User { id username } ...ErrorResultFields } }',
      [ERROR_RESULT],
    ),
  },
};
const bulletins: ResourceDescriptor = {
  typeName: 'Bulletin',
  delete: {
    document: graphql(
      'mutation RunDeleteBulletin($id: ID!) { data: deleteBulletin(id: $id) { __typename ... on DeleteBulletinSuccess { id } ...ErrorResultFields } }',
      [ERROR_RESULT],
    ),
  },
};
const units: ResourceDescriptor = {
  typeName: 'Unit',
  list: {
    document: graphql('query AllUnits($campaignId: ID!) { data: units(campaignId: $campaignId) { id code name } }'),
    plain: true,
  },
};

function providerWith(answers: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(answers);
  const client = new GraphqlClient({ getToken: () => 't', translate: echoTranslate, fetch: fake.fetch });
  return { provider: createDataProvider(client, { users, bulletins, units }), requests: fake.requests };
}

const page = (items: unknown[], totalItems: number) => ({ data: { data: { items, totalItems } } });

describe('createDataProvider', () => {
  it('maps getList onto ListOptions and the list filter', async () => {
    const { provider, requests } = providerWith([page([{ id: '1', username: 'ann' }], 41)]);
    const result = await provider.getList('users', {
      pagination: { page: 3, perPage: 20 },
      sort: { field: 'username', order: 'DESC' },
      filter: { q: 'an', role: 'office', active: '' },
    });
    expect(result).toEqual({ data: [{ id: '1', username: 'ann' }], total: 41 });
    expect(requests[0]?.query).toBe(
      sent(
        'query ListUsers($options: ListOptions, $filter: UserListFilter) { data: users(options: $options, filter: $filter) { items { id username } totalItems } }',
      ),
    );
    expect(requests[0]?.variables).toEqual({
      options: { skip: 40, take: 20, sort: [{ field: 'username', order: 'DESC' }] },
      filter: { role: 'office', search: 'an' },
    });
  });

  it('leaves a sort the server cannot do to its default order', async () => {
    const { provider, requests } = providerWith([page([], 0)]);
    await provider.getList('users', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'roles', order: 'ASC' },
      filter: {},
    });
    expect(requests[0]?.variables).toEqual({ options: { skip: 0, take: 10 }, filter: null });
  });

  it('fetches pages larger than the server limit in several requests', async () => {
    const items = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: String(from + i), username: `u${from + i}` }));
    const { provider, requests } = providerWith([
      page(items(0, 100), 250),
      page(items(100, 100), 250),
      page(items(200, 50), 250),
    ]);
    const result = await provider.getList('users', {
      pagination: { page: 1, perPage: 1000 },
      sort: { field: 'username', order: 'ASC' },
      filter: {},
    });
    expect(result.data).toHaveLength(250);
    expect(result.total).toBe(250);
    expect(requests.map((r) => (r.variables.options as { skip: number; take: number }).skip)).toEqual([0, 100, 200]);
  });

  it('pages, sorts and searches a plain list locally, passing its arguments', async () => {
    const all = [
      { id: '1', code: 'traffic', name: '交警支队' },
      { id: '2', code: 'legal', name: '法制处' },
      { id: '3', code: 'logistics', name: '后勤处' },
    ];
    const { provider, requests } = providerWith([{ data: { data: all } }]);
    const result = await provider.getList('units', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'code', order: 'ASC' },
      filter: { campaignId: '7', q: '处' },
    });
    expect(result).toEqual({ data: [{ id: '2', code: 'legal', name: '法制处' }], total: 2 });
    expect(requests[0]?.query).toBe(
      sent('query AllUnits($campaignId: ID!) { data: units(campaignId: $campaignId) { id code name } }'),
    );
    expect(requests[0]?.variables).toEqual({ campaignId: '7' });
  });

  it('gets many records in one request with aliases', async () => {
    const { provider, requests } = providerWith([{ data: { r0: { id: '4', username: 'a' }, r1: null } }]);
    const result = await provider.getMany('users', { ids: ['4', '5'] });
    expect(result.data).toEqual([{ id: '4', username: 'a' }]);
    expect(requests[0]?.query).toBe(
      sent(
        'query ManyUser($id0: ID!, $id1: ID!) { r0: user(id: $id0) { id username } r1: user(id: $id1) { id username } }',
      ),
    );
  });

  it('throws NOT_FOUND for a missing record', async () => {
    const { provider } = providerWith([{ data: { data: null } }]);
    await expect(provider.getOne('users', { id: '9' })).rejects.toMatchObject({ status: 404 });
  });

  it('creates through the input mapper and unwraps the union', async () => {
    const { provider, requests } = providerWith([{ data: { data: { __typename: 'User', id: '8', username: 'bob' } } }]);
    const result = await provider.create('users', { data: { username: 'bob', extra: 1 } });
    expect(result.data).toEqual({ __typename: 'User', id: '8', username: 'bob' });
    expect(requests[0]?.query).toBe(
      sent(
        `mutation RunCreateUser($input: CreateUserInput!) { data: createUser(input: $input) { __typename ... on User { id username } ...ErrorResultFields } } ${ERROR_FIELDS}`,
      ),
    );
    expect(requests[0]?.variables).toEqual({ input: { username: 'bob' } });
  });

  it('turns an error result into a form error on the named field', async () => {
    const { provider } = providerWith([
      {
        data: {
          data: {
            __typename: 'UsernameTakenError',
            errorCode: 'USERNAME_TAKEN',
            message: 'taken',
            path: 'input.username',
          },
        },
      },
    ]);
    await expect(provider.create('users', { data: { username: 'bob' } })).rejects.toMatchObject({
      status: 409,
      body: { errorCode: 'USERNAME_TAKEN', errors: { username: 'USERNAME_TAKEN: taken' } },
    });
  });

  it('updates with the id and the input', async () => {
    const { provider, requests } = providerWith([{ data: { data: { __typename: 'User', id: '8', username: 'bob' } } }]);
    await provider.update('users', { id: '8', data: { displayName: 'Bob' }, previousData: { id: '8' } });
    expect(requests[0]?.variables).toEqual({ id: '8', input: { displayName: 'Bob' } });
  });

  it('deletes and updates many one by one, stopping at the first failure', async () => {
    const ok = { data: { data: { __typename: 'Deleted', id: 'x' } } };
    const refused = { data: { data: { __typename: 'NotFoundError', errorCode: 'NOT_FOUND', message: 'gone' } } };
    const { provider, requests } = providerWith([ok, refused, ok]);
    await expect(provider.deleteMany('bulletins', { ids: ['1', '2', '3'] })).rejects.toMatchObject({ status: 404 });
    expect(requests).toHaveLength(2);
  });

  it('refuses a resource it has no descriptor for', async () => {
    const { provider } = providerWith([]);
    await expect(
      provider.getList('ghosts', {
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      }),
    ).rejects.toThrow(/no descriptor for the resource "ghosts"/);
  });
});

describe('pageLocally', () => {
  const records = Array.from({ length: 30 }, (_, i) => ({ id: i, n: i % 7, tags: i % 2 ? ['odd'] : ['even'] }));
  it.each([
    [{ page: 2, perPage: 10 }, { field: 'n', order: 'DESC' as const }, {}, 30, 10],
    [{ page: 1, perPage: 100 }, { field: 'id', order: 'ASC' as const }, { tags: 'odd' }, 15, 15],
    [{ page: 4, perPage: 10 }, { field: 'id', order: 'ASC' as const }, {}, 30, 0],
  ])('page %o sort %o filter %o', (pagination, sort, filter, total, length) => {
    const result = pageLocally(records, { pagination, sort, filter });
    expect(result.total).toBe(total);
    expect(result.data).toHaveLength(length);
  });
  it('sorts descending', () => {
    const result = pageLocally(records, {
      pagination: { page: 1, perPage: 3 },
      sort: { field: 'n', order: 'DESC' },
      filter: {},
    });
    expect(result.data.map((r) => r.n)).toEqual([6, 6, 6]);
  });
});
