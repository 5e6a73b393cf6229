// The JSON log of the real server process (src/main.ts) after real traffic:
// sign-ins (good and bad), a password change, access codes issued and cast
// with opinions, an unknown code typed. The captured output is then scanned:
// no code, password, token, opinion text, rating or voter's address in any
// line; every request line is JSON with a request id, the one sent back.
import { createCampaign, TEST_ADMIN_PASSWORD } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, issueCodes } from './support/ballot-fixtures';
import { clientAt, type ServerProcess, startServerProcess } from './support/server-process';

const OPINION = '窗口民警态度生硬这是一条不该进日志的意见';
const USER_PASSWORD = 'log-scan-first-password-7';
const NEW_PASSWORD = 'log-scan-second-password-8';
const WRONG_PASSWORD = 'log-scan-wrong-password-9';
let server: ServerProcess;
let dataDir: string;

const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on ErrorResult { errorCode } } }';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-logs-'));
  server = await startServerProcess({
    PINGYI_DATA_DIR: dataDir,
    PINGYI_LOG_LEVEL: 'info',
    PINGYI_TRUST_PROXY: 'loopback',
    PINGYI_MIX_INTERVAL: '1s',
    PINGYI_MIX_MIN_BATCH: '1',
  });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('logs every request as JSON with its id, and never a code, password, token, opinion, rating or voter address', async () => {
  const client = clientAt(server.url);
  const admin = (await client.gql(LOGIN, { u: 'admin', p: TEST_ADMIN_PASSWORD })).data.login.token as string;
  expect(admin).toBeTruthy();
  expect((await client.gql(LOGIN, { u: 'admin', p: WRONG_PASSWORD })).data.login.__typename).not.toBe('LoginSuccess');
  await client.gqlOk(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ErrorResult { errorCode message } } }',
    {
      input: {
        username: 'log-office',
        displayName: '日志',
        password: USER_PASSWORD,
        roles: ['office'],
        unitCode: null,
      },
    },
    admin,
  );
  const user = (await client.gql(LOGIN, { u: 'log-office', p: USER_PASSWORD })).data.login.token as string;
  await client.gqlOk(
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { __typename ... on ErrorResult { errorCode message } } }',
    { c: USER_PASSWORD, n: NEW_PASSWORD },
    user,
  );
  const campaignId = await createCampaign(client, admin);
  const { codes } = await issueCodes(client, admin, campaignId, 'residents', 3);
  for (const [i, code] of codes.entries()) {
    const receipt = await cast(
      client,
      {
        code,
        ratings: [{ unit: 'traffic-police', level: 'notVerySatisfied' }],
        opinions: [{ unit: 'traffic-police', text: `${OPINION}${i}` }],
      },
      `10.9.77.${i + 1}`,
    );
    expect(receipt.__typename).toBe('BallotReceipt');
  }
  const typo = codes[0]?.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) ?? '';
  expect((await cast(client, { code: typo, ratings: [] }, '10.9.77.99')).__typename).not.toBe('BallotReceipt');
  const traced = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-42' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(traced.headers.get('x-request-id')).toBe('trace-me-42');
  const fresh = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const freshId = fresh.headers.get('x-request-id') ?? '';
  expect(freshId).toMatch(/^[0-9a-f-]{36}$/);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // the mixer counts the ballots (and logs its batch)
  await server.stop();

  const output = server.output();
  const lines = output.split('\n').filter((line) => line.startsWith('{'));
  const entries = lines.map(
    (line) =>
      JSON.parse(line) as {
        req?: { id: string; method: string; path: string; operation?: string };
        res?: { statusCode: number };
        msg: string;
        level: number;
      },
  );
  const requests = entries.filter((entry) => entry.req);
  expect(requests.length).toBe(14);
  for (const entry of requests) expect(entry.req?.id).toMatch(/^[\w.-]{1,64}$/);
  expect(requests.find((entry) => entry.req?.id === 'trace-me-42')?.req).toEqual({
    id: 'trace-me-42',
    method: 'POST',
    path: '/graphql',
    operation: 'query __typename',
  });
  expect(requests.some((entry) => entry.req?.id === freshId)).toBe(true);
  expect(requests.filter((entry) => entry.req?.operation === 'mutation castBallot')).toHaveLength(4);
  // Nest's own lines are JSON too (the mixer's batch, the start)
  expect(entries.some((entry) => /listening on/.test(entry.msg))).toBe(true);
  for (const secret of [
    ...codes,
    typo,
    ...codes.map((code) => code.replace(/-/g, '')),
    TEST_ADMIN_PASSWORD,
    USER_PASSWORD,
    NEW_PASSWORD,
    WRONG_PASSWORD,
    admin,
    user,
    OPINION,
    'notVerySatisfied',
    '10.9.77.',
    fs.readFileSync(path.join(dataDir, 'server-secret'), 'utf8').trim(),
  ]) {
    expect(output.includes(secret), `the log holds ${secret.slice(0, 12)}…`).toBe(false);
  }
}, 120_000);
