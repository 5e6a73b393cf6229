// Two real server processes on one PostgreSQL database and one Redis, behind
// a round-robin proxy: casting spread across both, one SIGKILLed mid-load
// with no acknowledged ballot lost, the sign-in throttle shared, the same
// standings from both.
import {
  createCampaign,
  createPostgresDatabase,
  describeOnPostgres,
  dropPostgresDatabase,
  pgTestUrl,
  redisAvailable,
  redisTestUrl,
  uniqueDatabaseName,
} from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CAST, createPaperBatch, issueCodes, PAPER_BATCH } from './support/ballot-fixtures';
import { startRoundRobinProxy, type RoundRobinProxy } from './support/round-robin-proxy';
import { adminTokenAt, clientAt, gqlAt, type ServerProcess, startServerProcess } from './support/server-process';

const RATINGS = [
  { unit: 'traffic-police', level: 'satisfied' },
  { unit: 'public-order', level: 'basicallySatisfied' },
];
const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on ErrorResult { errorCode } } }';

describeOnPostgres('two instances behind a proxy on one PostgreSQL and one Redis', () => {
  const name = uniqueDatabaseName();
  const dataDirs: string[] = [];
  let databaseUrl: string;
  let redis = false;
  const instances: ServerProcess[] = [];
  let proxy: RoundRobinProxy;

  beforeAll(async () => {
    redis = await redisAvailable(redisTestUrl());
    databaseUrl = await createPostgresDatabase(pgTestUrl(), name);
    // one data folder on every instance, as docs/deploy.md asks (evidence, and uploads checked by another instance)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-scale-'));
    dataDirs.push(dataDir);
    const env = () => ({
      PINGYI_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PINGYI_SECRET: 'scale-out-secret-0123456789abcdefghij',
      PINGYI_TRUST_PROXY: 'loopback',
      PINGYI_MIX_INTERVAL: '1s',
      PINGYI_MIX_MIN_BATCH: '20',
      PINGYI_ANON_RATE: '0',
      ...(redis ? { REDIS_URL: redisTestUrl() } : {}),
    });
    // the first runs the migrations and creates admin; the second joins the same database
    instances.push(await startServerProcess(env()));
    instances.push(await startServerProcess(env()));
    proxy = await startRoundRobinProxy(instances.map((instance) => instance.url));
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    for (const instance of instances)
      if (instance.child.exitCode === null && instance.child.signalCode === null) await instance.stop();
    await dropPostgresDatabase(pgTestUrl(), name);
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const castVia = async (code: string, ip: string): Promise<string> => {
    try {
      const response = await fetch(`${proxy.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ query: CAST, variables: { input: { code, ratings: RATINGS } } }),
      });
      if (response.status !== 200) return `HTTP ${response.status}`;
      const body = (await response.json()) as { data?: { castBallot?: { __typename: string; errorCode?: string } } };
      return body.data?.castBallot?.errorCode ?? body.data?.castBallot?.__typename ?? 'no answer';
    } catch {
      return 'failed';
    }
  };

  it('spreads casting over both, loses no acknowledged ballot when one is killed mid-load, shares the throttle and shows the same standings', async (context) => {
    if (!redis) return context.skip(`no Redis at ${redisTestUrl()}`);
    const admin = await adminTokenAt(proxy.url);
    const campaignId = await createCampaign(clientAt(proxy.url), admin);
    const { codes } = await issueCodes(clientAt(proxy.url), admin, campaignId, 'residents', 240);
    const acknowledged: string[] = [];
    const outcomes = new Map<string, number>();
    let next = 0;
    let killed: Promise<void> | undefined;
    const before = new Map(proxy.served);
    await Promise.all(
      Array.from({ length: 10 }, async (_, w) => {
        while (next < codes.length) {
          const code = codes[next++] ?? '';
          const outcome = await castVia(code, `10.40.${w}.${next % 250}`);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (outcome === 'BallotReceipt') acknowledged.push(code);
          if (acknowledged.length === 80 && !killed) killed = instances[1]?.kill(); // SIGKILL, no shutdown hook
        }
      }),
    );
    await killed;
    const spread = [...proxy.served.entries()].map(([backend, n]) => n - (before.get(backend) ?? 0));
    expect(Math.min(...spread), JSON.stringify(spread)).toBeGreaterThan(20);
    expect(acknowledged.length).toBeGreaterThan(150);
    // every acknowledged code is spent, and the box and counted tables hold one ballot per used code
    const survivor = instances[0]?.url ?? '';
    for (const code of acknowledged.slice(0, 30)) {
      const response = await fetch(`${survivor}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: CAST, variables: { input: { code, ratings: RATINGS } } }),
      });
      expect(
        ((await response.json()) as { data: { castBallot: { errorCode?: string } } }).data.castBallot.errorCode,
      ).toBe('CODE_ALREADY_USED');
    }
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    try {
      const count = async (sql: string) => Number((await pg.query<{ n: string }>(sql)).rows[0]?.n);
      const used = await count(
        `SELECT COUNT(*) AS n FROM access_code WHERE state = 'used' AND campaign_id = ${Number(campaignId)}`,
      );
      const stored = await count(
        `SELECT (SELECT COUNT(*) FROM ballot WHERE campaign_id = ${Number(campaignId)}) + (SELECT COUNT(*) FROM ballot_box WHERE campaign_id = ${Number(campaignId)}) AS n`,
      );
      expect(stored).toBe(used);
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await pg.end();
    }

    // a restarted second instance; the throttle counts across both (Redis)
    instances[1] = await startServerProcess({
      PINGYI_DATA_DIR: dataDirs[1] ?? '',
      DATABASE_URL: databaseUrl,
      PINGYI_SECRET: 'scale-out-secret-0123456789abcdefghij',
      PINGYI_TRUST_PROXY: 'loopback',
      PINGYI_MIX_INTERVAL: '1s',
      REDIS_URL: redisTestUrl(),
    });
    const [first, second] = instances.map((instance) => instance.url);
    // (a user of this run only: Redis outlives the test, and its counts last 15 minutes)
    const username = `scale-${Date.now().toString(36)}`;
    await clientAt(first ?? '').gqlOk(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ErrorResult { errorCode message } } }',
      {
        input: {
          username,
          displayName: username,
          password: 'scale-out-user-password-1',
          roles: ['office'],
          unitCode: null,
        },
      },
      admin,
    );
    for (let i = 0; i < 5; i += 1)
      await gqlAt(i % 2 ? (first ?? '') : (second ?? ''), LOGIN, { u: username, p: 'wrong-password-here' });
    expect(
      (await gqlAt(first ?? '', LOGIN, { u: username, p: 'scale-out-user-password-1' })).data.login.errorCode,
    ).toBe('TOO_MANY_ATTEMPTS');
    expect(
      (await gqlAt(second ?? '', LOGIN, { u: username, p: 'scale-out-user-password-1' })).data.login.errorCode,
    ).toBe('TOO_MANY_ATTEMPTS');

    // the same standings from both (the admin token from before still works on either)
    const STANDINGS =
      'query($c: ID!) { standings(campaignId: $c) { ratingCount standings { unitCode ballots counted score rank } } participation(campaignId: $c) { ballots } }';
    const one = await gqlAt(first ?? '', STANDINGS, { c: campaignId }, admin);
    const two = await gqlAt(second ?? '', STANDINGS, { c: campaignId }, admin);
    expect(one.errors).toBeUndefined();
    expect(two.data).toEqual(one.data);
    expect(one.data.participation.ballots).toBeGreaterThanOrEqual(acknowledged.length);

    // a paper import started on the second instance, which dies: the first marks it interrupted (or it had finished)
    const batchId = await createPaperBatch(clientAt(second ?? ''), admin, campaignId, 'scale-out-paper');
    const rows = 30_000;
    const csv = `group,traffic-police,public-order,legal-affairs\n${Array.from({ length: rows }, (_, i) => `城乡居民,满意,${i % 2 ? '比较满意' : '不满意'},基本满意`).join('\n')}\n`;
    const upload = await fetch(`${second ?? ''}/paper-batches/${batchId}/keyings/1?name=paper.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(upload.status).toBe(202);
    const stateOf = async (): Promise<string> => {
      const pgState = new Client({ connectionString: databaseUrl });
      await pgState.connect();
      try {
        return String(
          (await pgState.query<{ state: string }>(`SELECT state FROM paper_batch WHERE id = ${Number(batchId)}`))
            .rows[0]?.state,
        );
      } finally {
        await pgState.end();
      }
    };
    for (let i = 0; i < 500 && !['validating', 'importing', 'imported'].includes(await stateOf()); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await instances[1]?.kill();
    let batch: { state: string; ballots: number } = { state: '', ballots: 0 };
    for (let i = 0; i < 200; i += 1) {
      batch = (await gqlAt(first ?? '', PAPER_BATCH, { id: batchId }, admin)).data.paperBatch as {
        state: string;
        ballots: number;
      };
      if (batch.state !== 'validating' && batch.state !== 'importing') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([
      { state: 'interrupted', ballots: 0 },
      { state: 'imported', ballots: rows },
    ]).toContainEqual({ state: batch.state, ballots: batch.ballots });
    console.info(`paper import on the killed instance: ${batch.state}`);
  }, 300_000);
});
