import { Role } from '@pingyi/server-core';
import { createTestServer, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeFeature } from './support/probe.feature';

// HTTP and GraphQL hardening; these do not depend on the database, so they
// run on SQLite only (health runs on both in stateless.e2e-spec.ts).

// `depth` levels: probeRoot, depth - 2 children, level
/** Production requires PINGYI_SECRET. */
const PRODUCTION_SECRET = 'platform-test-secret-0123456789abcdef';

const nested = (depth: number): string =>
  `{ probeRoot { ${'child { '.repeat(depth - 2)}level${' }'.repeat(depth - 2)} } }`;

describe('platform [sqlite]', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await createTestServer({ plugins: [probeFeature] });
    admin = await server.adminToken();
  });
  afterAll(() => server?.close());

  it('answers /health with the database state', async () => {
    const response = await server.fetch('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a resolver that declares no roles, even to an admin (deny by default)', async () => {
    for (const document of ['{ probeUndeclared }', 'mutation { probeUndeclaredMutation }']) {
      const response = await server.gql(document, {}, admin);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
  });

  it('confines a liaison to their unit; office sees every unit', async () => {
    const liaison = await server.loginAs(Role.liaison, 'unit-a');
    const office = await server.loginAs(Role.office);
    const read = (unit: string, token: string) =>
      server.gql('query($u: String!) { probeUnit(unit: $u) }', { u: unit }, token);
    expect((await read('unit-a', liaison)).data.probeUnit).toBe('unit-a');
    const refused = await read('unit-b', liaison);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'unit: you may only act on your own unit unit-a, not unit-b',
      extensions: { code: 'FORBIDDEN', field: 'unit' },
    });
    expect((await read('unit-b', office)).data.probeUnit).toBe('unit-b');
    expect((await read('unit-b', await server.loginAs(Role.leader))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('query limits', () => {
    it.each([
      ['depth 10', nested(10), true],
      ['depth 11', nested(11), false],
    ])('%s', async (_name, query, allowed) => {
      const response = await server.gql(query);
      if (allowed) expect(response.errors).toBeUndefined();
      else {
        expect(response.status).toBe(400);
        expect(response.errors?.[0]).toMatchObject({
          message: 'Query is too deep: 11 levels, the limit is 10',
          extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
        });
      }
    });

    it('counts depth through fragments', async () => {
      const query = `fragment Deep on ProbeNode { ${'child { '.repeat(9)}level${' }'.repeat(9)} } { probeRoot { ...Deep } }`;
      expect((await server.gql(query)).errors?.[0]?.message).toMatch(/too deep: 11 levels/);
    });

    it('limits aliases (15)', async () => {
      const aliases = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: probeRoot { level }`).join(' ')} }`;
      expect((await server.gql(aliases(15))).errors).toBeUndefined();
      const refused = await server.gql(aliases(16));
      expect(refused.errors?.[0]?.message).toBe('Query uses too many aliases: 16, the limit is 15');
    });

    it('limits aliased sign-in attempts in one request', async () => {
      const logins = Array.from(
        { length: 16 },
        (_, i) => `l${i}: login(username: "admin", password: "guess-${i}") { __typename }`,
      ).join(' ');
      const refused = await server.gql(`mutation { ${logins} }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(refused.data).toBeNull();
    });

    it('limits root fields (20)', async () => {
      const query = `{ ${'probeRoot { level } '.repeat(21)}}`;
      expect((await server.gql(query)).errors?.[0]?.message).toBe(
        'Query asks for too many root fields: 21, the limit is 20',
      );
    });

    it('limits the estimated cost of nested lists', async () => {
      const cheap = '{ probeList(take: 3) { children(take: 3) { level } } }';
      expect((await server.gql(cheap)).errors).toBeUndefined();
      const costly = '{ probeList(take: 100) { children(take: 100) { children(take: 100) { level } } } }';
      const refused = await server.gql(costly);
      expect(refused.errors?.[0]?.message).toMatch(
        /^Query is too expensive: estimated cost 1010101, the limit is 20000$/,
      );
    });

    it('uses variables for list sizes', async () => {
      const query = 'query($t: Int) { probeList(take: $t) { children(take: $t) { children(take: $t) { level } } } }';
      expect((await server.gql(query, { t: 2 })).errors).toBeUndefined();
      expect((await server.gql(query, { t: 100 })).errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
    });

    it('refuses huge documents before parsing them fully', async () => {
      const query = `{ ${'probeRoot { level } '.repeat(2000)}}`;
      const response = await server.gql(query);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]).toMatchObject({
        message: 'Query document too long: more than 5000 tokens, the limit is 5000',
        extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
      });
    });

    it('refuses batched requests (an array of operations)', async () => {
      const response = await server.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ query: '{ probeRoot { level } }' }, { query: '{ probeRoot { level } }' }]),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'Batched requests are not accepted: 2 operations in one request, the limit is 1',
            extensions: { code: 'QUERY_LIMIT_EXCEEDED' },
          },
        ],
      });
    });
  });

  describe('CSRF', () => {
    it('refuses a simple cross-site request (text/plain POST, no preflight)', async () => {
      const response = await server.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ probeRoot { level } }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
    });

    it('refuses a GET query without a preflight header', async () => {
      const response = await server.fetch(`/graphql?query=${encodeURIComponent('{ probeRoot { level } }')}`);
      expect(response.status).toBe(400);
    });
  });

  describe('error masking', () => {
    it.each([
      ['a thrown error', '{ probeCrash }', ['hunter2', '/srv/app.js', 'secret detail']],
      ['a database error', '{ probeSqlError }', ['no_such_table', 'secret_column', 'SELECT', 'SQLITE']],
    ])('masks %s: an id, no stack, no SQL', async (_name, query, secrets) => {
      const response = await server.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]?.message).toMatch(/^Internal error \(id [0-9a-f]{12}\)$/);
      expect(body.errors[0]?.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.stringMatching(/^[0-9a-f]{12}$/),
      });
      for (const secret of [...secrets, 'stacktrace', 'at Object', '.ts:', 'node_modules'])
        expect(text).not.toContain(secret);
    });

    it('keeps the message of a deliberate Nest HTTP exception', async () => {
      const response = await server.gql('{ probeHttpForbidden }', {}, admin);
      expect(response.errors?.[0]).toMatchObject({ message: 'Only on Tuesdays', extensions: { code: 'FORBIDDEN' } });
    });

    it('keeps the messages of request errors, which name what is wrong', async () => {
      const response = await server.gql('{ probeRoot { nope } }');
      expect(response.status).toBe(400);
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/Cannot query field "nope" on type "ProbeNode"/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
  });

  it('allows introspection outside production', async () => {
    expect((await server.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
  });
});

describe('production mode [sqlite]', () => {
  it('answers /health with 503 when the database is gone', async () => {
    const server = await createTestServer();
    try {
      await server.dataSource.destroy();
      const response = await server.fetch('/health');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'error', database: 'down' });
    } finally {
      await server.close();
    }
  });

  it('turns introspection off unless PINGYI_INTROSPECTION=1', async () => {
    const closed = await createTestServer({ env: { NODE_ENV: 'production', PINGYI_SECRET: PRODUCTION_SECRET } });
    try {
      const response = await closed.gql('{ __schema { queryType { name } } }');
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
      // the API itself works
      expect((await closed.gql('{ me { username } }', {}, await closed.adminToken())).data.me.username).toBe('admin');
    } finally {
      await closed.close();
    }
    const open = await createTestServer({
      env: { NODE_ENV: 'production', PINGYI_SECRET: PRODUCTION_SECRET, PINGYI_INTROSPECTION: '1' },
    });
    try {
      expect((await open.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
    } finally {
      await open.close();
    }
  });

  it('refuses to start with schema synchronize in production', async () => {
    await expect(
      createTestServer({ env: { NODE_ENV: 'production', PINGYI_SECRET: PRODUCTION_SECRET }, synchronize: true }),
    ).rejects.toThrow(/synchronize.*refused in production/);
  });

  it('refuses to start on a bad variable, naming it', async () => {
    await expect(createTestServer({ env: { PINGYI_TOKEN_TTL: 'forever' } })).rejects.toThrow(
      /PINGYI_TOKEN_TTL: must be a duration/,
    );
    await expect(createTestServer({ env: { PINGYI_ADMIN_PASSWORD: 'aaaaaaaaaaaa' } })).rejects.toThrow(
      /PINGYI_ADMIN_PASSWORD: must use at least 4 different characters/,
    );
  });
});

describe('console [sqlite]', () => {
  let server: TestServer;
  let consoleDir: string;
  beforeAll(async () => {
    consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.mkdirSync(path.join(consoleDir, 'assets'));
    fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>Pingyi console</title>');
    fs.writeFileSync(path.join(consoleDir, 'assets', 'app.js'), 'console.log("console")');
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleDir } });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(consoleDir, { recursive: true, force: true });
  });

  it('serves the built console at /, its assets, and index.html for client-side routes', async () => {
    const root = await server.fetch('/', { headers: { accept: 'text/html' } });
    expect(await root.text()).toContain('Pingyi console');
    const route = await server.fetch('/campaigns/1/show', { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Pingyi console');
    const asset = await server.fetch('/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await server.fetch('/assets/missing.js')).status).toBe(404);
  });

  it('keeps /health and /graphql for the API', async () => {
    expect(await (await server.fetch('/health', { headers: { accept: 'text/html' } })).json()).toEqual({
      status: 'ok',
      database: 'up',
    });
    expect((await server.gql('{ me { username } }', {}, await server.adminToken())).data.me.username).toBe('admin');
  });
});
