import { createTestServer, redisAvailable, redisTestUrl, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOGIN } from './auth.suite';
import { BALLOT_FORM, rowsOf } from './support/ballot-fixtures';

const REDIS_URL = redisTestUrl();
const randomCode = (): string =>
  'XXXX-XXXX-XXXX-XX'.replace(/X/g, () => '23456789ABCDEFGH'[Math.floor(Math.random() * 16)] as string);
const uniqueAddress = (): string =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

describe('the client address behind PINGYI_TRUST_PROXY [sqlite]', () => {
  const loginFrom = (server: TestServer, forwardedFor: string) =>
    server
      .gql(LOGIN, { u: 'admin', p: 'wrong-password-1' }, undefined, { 'x-forwarded-for': forwardedFor })
      .then((r) => r.data.login.errorCode as string);

  it('ignores X-Forwarded-For from a client that is not a listed proxy: it is throttled by its real address', async () => {
    const server = await createTestServer({ env: { PINGYI_TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' } });
    try {
      for (let i = 1; i <= 5; i += 1) expect(await loginFrom(server, `203.0.113.${i}`)).toBe('INVALID_CREDENTIALS');
      expect(await loginFrom(server, '203.0.113.99')).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await server.close();
    }
  });

  it('believes X-Forwarded-For from a listed proxy (here loopback, where the test connects from)', async () => {
    const server = await createTestServer({ env: { PINGYI_TRUST_PROXY: 'loopback' } });
    try {
      for (let i = 1; i <= 5; i += 1) expect(await loginFrom(server, '203.0.113.7')).toBe('INVALID_CREDENTIALS');
      expect(await loginFrom(server, '203.0.113.7')).toBe('TOO_MANY_ATTEMPTS');
      expect(await loginFrom(server, '203.0.113.8')).toBe('INVALID_CREDENTIALS');
    } finally {
      await server.close();
    }
  });
});

describe('security headers [sqlite]', () => {
  let server: TestServer;
  let consoleDir: string;
  beforeAll(async () => {
    consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleDir, PINGYI_TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(consoleDir, { recursive: true, force: true });
  });

  const expectHardened = (response: Response): void => {
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  };

  it.each([['/'], ['/vote']])('sends them with the console at %s, and no HSTS over plain HTTP', async (pathname) => {
    const response = await server.fetch(pathname, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    expectHardened(response);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends them with GraphQL answers', async () => {
    const response = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expectHardened(response);
  });

  it('sends HSTS only when the request came over TLS (here: a trusted proxy says X-Forwarded-Proto: https)', async () => {
    const response = await server.fetch('/health', { headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expectHardened(response);
  });
});

describe('the limit on anonymous requests [sqlite]', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await createTestServer({ env: { PINGYI_ANON_RATE: '20' } });
    token = await server.adminToken(); // one anonymous request: the sign-in
  });
  afterAll(() => server?.close());

  it('refuses a flood of mistyped codes from one address with RATE_LIMITED and Retry-After, writing one audit row for it, not one per request', async () => {
    const answers: { code: string | undefined; retryAfter: string | null; seconds: unknown }[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => {
            const response = await server.fetch('/graphql', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: BALLOT_FORM, variables: { code: randomCode() } }),
            });
            const body = (await response.json()) as {
              errors?: { extensions?: { code?: string; details?: { retryAfterSeconds?: number } } }[];
            };
            return {
              code: body.errors?.[0]?.extensions?.code,
              retryAfter: response.headers.get('retry-after'),
              seconds: body.errors?.[0]?.extensions?.details?.retryAfterSeconds,
            };
          }),
        )),
      );
    }
    const limited = answers.filter((answer) => answer.code === 'RATE_LIMITED');
    // 20 a minute plus a burst of 20: the rest of the 100 are refused
    expect(limited).toHaveLength(61);
    for (const answer of limited) {
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.seconds).toBe(Number(answer.retryAfter));
    }
    const audited = await rowsOf<{ operation: string; n: number }>(
      server,
      'SELECT operation, COUNT(*) AS n FROM audit_entry GROUP BY operation ORDER BY operation',
    );
    const count = (operation: string): number => Number(audited.find((row) => row.operation === operation)?.n ?? 0);
    expect(count('anonymousRateLimit')).toBe(1);
    expect(count('ballotForm')).toBeLessThanOrEqual(40);
  });

  it('refuses a flood on a REST route (/health) with 429, Retry-After and a JSON refusal, and logs nothing per request', async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) =>
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const spies = [capture(process.stdout), capture(process.stderr)];
    let answers: { status: number; retryAfter: string | null; body: { errorCode?: string } }[];
    try {
      answers = await Promise.all(
        Array.from({ length: 60 }, async () => {
          const response = await server.fetch('/health');
          return {
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: (await response.json()) as { errorCode?: string },
          };
        }),
      );
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(20);
    for (const answer of limited) {
      expect(answer.body.errorCode).toBe('RATE_LIMITED');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(written.filter((line) => /RATE_LIMITED|ExceptionsHandler|Too many requests/.test(line))).toEqual([]);
  });

  it('counts REST requests without a sign-in too, answering 429 with Retry-After', async () => {
    const response = await server.fetch('/attachments/1');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ errorCode: 'RATE_LIMITED' });
  });

  it('does not count signed-in requests, but counts those with a token that is not valid', async () => {
    for (let i = 0; i < 30; i += 1)
      expect((await server.gql('{ me { username } }', {}, token)).data.me.username).toBe('admin');
    const forged = await server.gql('{ me { username } }', {}, 'not-a-valid-token-at-all');
    expect(forged.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('the limit on anonymous requests in Redis (REDIS_URL) [sqlite]', () => {
  let reachable = false;
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    reachable = await redisAvailable(REDIS_URL);
    if (!reachable) {
      console.warn(`Skipping the Redis rate-limit test: no Redis at ${REDIS_URL} (set REDIS_TEST_URL to run it).`);
      return;
    }
    const env = { REDIS_URL, PINGYI_ANON_RATE: '10', PINGYI_TRUST_PROXY: 'loopback' };
    first = await createTestServer({ env });
    second = await createTestServer({ env });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('shares the count between instances', async (context) => {
    if (!reachable) return context.skip(`no Redis at ${REDIS_URL}`);
    const client = uniqueAddress();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 30; i += 1) {
      const server = i % 2 === 0 ? first : second;
      codes.push(
        (await server.gql(BALLOT_FORM, { code: randomCode() }, undefined, { 'x-forwarded-for': client })).errors?.[0]
          ?.extensions?.code,
      );
    }
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(10);
    expect(codes.slice(20).every((code) => code === 'RATE_LIMITED')).toBe(true);
  });
});
