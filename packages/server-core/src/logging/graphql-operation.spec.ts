import { describe, expect, it } from 'vitest';
import { graphqlOperationOf, pathOf } from './graphql-operation';

describe('graphqlOperationOf', () => {
  it.each([
    [{ query: 'mutation Login($u: String!) { login(username: $u) { token } }', variables: { u: 'x' } }, 'Login'],
    [
      { query: 'mutation($input: CastBallotInput!) { castBallot(input: $input) { __typename } }' },
      'mutation castBallot',
    ],
    [{ query: '{ me { id } }' }, 'query me'],
    [{ query: 'query { a: standings(campaignId: "1") { ratingCount } }' }, 'query standings'],
    [{ query: '# comment\nquery Named { me { id } }', operationName: 'Named' }, 'Named'],
    [{ query: 'mutation { castBallot(input: { code: "ABCD-EFGH" }) { __typename } }' }, 'mutation castBallot'],
    [[{ query: '{ me { id } }' }], 'batch'],
    ['text', 'unknown'],
    [{ query: 42 }, 'unknown'],
  ])('%j → %s', (body, label) => expect(graphqlOperationOf(body)).toBe(label));

  it('drops the query string of a path', () => {
    expect(pathOf({ url: '/graphql?query=%7Bme%7D&variables=%7B%22code%22%3A%22X%22%7D' })).toBe('/graphql');
    expect(pathOf({ originalUrl: '/attachments/3', url: '/3' })).toBe('/attachments/3');
  });
});
