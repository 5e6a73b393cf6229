import { createTestServer, type TestServer } from '@pingyi/testing';
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The console's documents are typed and checked (`npm run typecheck`) against the checked-in
// schema.graphql: it must be what the server serves now, or the check proves nothing.
// After a schema change: `npm run schema:update -w @pingyi/console` and commit both files.

// one graphql for the test and the server (the CommonJS one Nest uses)
vi.mock('graphql', async () => (await import('node:module')).createRequire(__filename)('graphql'));

const SCHEMA_FILE = path.resolve(__dirname, '../schema.graphql');

describe('the checked-in schema', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  it("is the server's schema (run `npm run schema:update -w @pingyi/console` when it is not)", async () => {
    const { data, errors } = await server.gql(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    const printed = `${printSchema(buildClientSchema(data))}\n`;
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });
});
