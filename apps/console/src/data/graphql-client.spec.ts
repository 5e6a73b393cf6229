import { describe, expect, it } from 'vitest';
import { graphql } from './graphql';
import { GraphqlClient } from './graphql-client';
import { echoTranslate, fakeFetch } from './test-fetch';

const ME = graphql('query ClientSpecMe { me { id } }');

describe('GraphqlClient', () => {
  it('sends the bearer token and returns data', async () => {
    const fake = fakeFetch([{ data: { me: { id: '1' } } }]);
    const client = new GraphqlClient({ getToken: () => 'tok-123', translate: echoTranslate, fetch: fake.fetch });
    await expect(client.request(ME, { a: 1 })).resolves.toEqual({ me: { id: '1' } });
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer tok-123');
    expect(fake.requests[0]?.variables).toEqual({ a: 1 });
    expect(fake.requests[0]?.query).toBe('query ClientSpecMe {\n  me {\n    id\n  }\n}');
  });

  it('sends no authorization header when signed out', async () => {
    const fake = fakeFetch([{ data: {} }]);
    const client = new GraphqlClient({ getToken: () => null, translate: echoTranslate, fetch: fake.fetch });
    await client.request(ME);
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
  });

  it.each([
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['INVALID_ARGUMENT', 400],
  ])('turns a GraphQL error coded %s into status %d with the field', async (code, status) => {
    const fake = fakeFetch([{ data: null, errors: [{ message: 'bad', extensions: { code, field: 'input.name' } }] }]);
    const client = new GraphqlClient({ getToken: () => null, translate: echoTranslate, fetch: fake.fetch });
    await expect(client.request(ME)).rejects.toMatchObject({
      status,
      message: `${code}: bad`,
      body: { errors: { name: `${code}: bad` } },
    });
  });

  it('reports an unreachable server as a network error', async () => {
    const fake = fakeFetch([new TypeError('Failed to fetch')]);
    const client = new GraphqlClient({ getToken: () => null, translate: echoTranslate, fetch: fake.fetch });
    await expect(client.request(ME)).rejects.toMatchObject({ status: 0, message: 'NETWORK: Failed to fetch' });
  });

  it('sends REST calls with the token and turns a refusal into a readable error', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      return new Response(JSON.stringify({ errorCode: 'PAYLOAD_TOO_LARGE', message: 'over 10 MiB', path: null }), {
        status: 413,
      });
    }) as unknown as typeof fetch;
    const client = new GraphqlClient({ getToken: () => 'tok-123', translate: echoTranslate, fetch: fetchFn });
    await expect(
      client.rest('/attachments?itemId=1', { method: 'POST', headers: { 'content-type': 'image/png' } }),
    ).rejects.toMatchObject({ message: 'PAYLOAD_TOO_LARGE: over 10 MiB' });
    expect(calls[0]?.headers).toEqual({ 'content-type': 'image/png', authorization: 'Bearer tok-123' });
  });
});
