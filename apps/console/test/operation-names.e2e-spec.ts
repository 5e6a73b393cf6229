import { createTestServer, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';

// The audit log names every operation in the user's language and never shows
// the mutation's technical name: every mutation of the server's schema has a
// name in both catalogs.

describe('operation names', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('name every mutation of the schema in Chinese and English', async () => {
    const { data } = await server.gql(
      '{ __schema { mutationType { fields { name } } } }',
      {},
      await server.adminToken(),
    );
    const schema = data as { __schema: { mutationType: { fields: { name: string }[] } } } | undefined;
    const mutations = schema?.__schema.mutationType.fields.map((field) => field.name) ?? [];
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.filter((name) => !Object.hasOwn(zh.pingyi.operations, name)).sort()).toEqual([]);
    expect(mutations.filter((name) => !Object.hasOwn(en.pingyi.operations, name)).sort()).toEqual([]);
  });
});
