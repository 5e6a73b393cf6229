// SIGTERM under casting load (the real server process, src/main.ts): the port
// stops accepting, requests in flight finish, then the pool closes; after a
// restart every acknowledged ballot is there (its code refuses a second cast)
// and ballots equal used codes. Readiness and liveness beside /health.
import { ServerLifecycle } from '@pingyi/server-core';
import { createCampaign, createTestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CAST, issueCodes } from './support/ballot-fixtures';
import { adminTokenAt, clientAt, readBeside, type ServerProcess, startServerProcess } from './support/server-process';

const RATINGS = [
  { unit: 'traffic-police', level: 'satisfied' },
  { unit: 'public-order', level: 'fairlySatisfied' },
];
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function castAt(url: string, code: string, ip: string): Promise<string> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: CAST, variables: { input: { code, ratings: RATINGS } } }),
    });
    const body = (await response.json()) as { data?: { castBallot?: { __typename: string; errorCode?: string } } };
    return body.data?.castBallot?.errorCode ?? body.data?.castBallot?.__typename ?? `HTTP ${response.status}`;
  } catch {
    return 'refused'; // the port no longer accepts: not acknowledged
  }
}

it('SIGTERM under casting load: stops accepting, finishes what is in flight, loses no acknowledged ballot', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-sigterm-'));
  dirs.push(dataDir);
  const env = {
    PINGYI_DATA_DIR: dataDir,
    PINGYI_TRUST_PROXY: 'loopback',
    PINGYI_MIX_INTERVAL: '1s',
    PINGYI_MIX_MIN_BATCH: '20',
    PINGYI_ANON_RATE: '0',
  };
  let server: ServerProcess = await startServerProcess(env);
  const token = await adminTokenAt(server.url);
  const campaignId = await createCampaign(clientAt(server.url), token);
  const { codes } = await issueCodes(clientAt(server.url), token, campaignId, 'residents', 300);
  const url = server.url;
  const acknowledged: string[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  let terminated: Promise<void> | undefined;
  const worker = async (w: number): Promise<void> => {
    while (next < codes.length) {
      const code = codes[next++] ?? '';
      const outcome = await castAt(url, code, `10.20.${w}.${next % 250}`);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (outcome === 'BallotReceipt') acknowledged.push(code);
      if (acknowledged.length === 60 && !terminated) terminated = server.stop(); // SIGTERM mid-load, workers go on
      if (outcome === 'refused') return;
    }
  };
  await Promise.all(Array.from({ length: 12 }, (_, w) => worker(w)));
  await terminated;
  expect(server.child.exitCode, server.output()).toBe(0);
  expect(server.output()).toContain('no request in flight: stopping the mixer and closing the database');
  expect(acknowledged.length).toBeGreaterThanOrEqual(60);
  expect(outcomes.get('refused') ?? 0).toBeGreaterThan(0);
  // every answer was a receipt or a refused connection: nothing in flight was cut
  expect([...outcomes.keys()].sort()).toEqual(['BallotReceipt', 'refused']);

  server = await startServerProcess(env);
  try {
    const [stored, used] = await readBeside({ dataDir }, [
      'SELECT (SELECT COUNT(*) FROM ballot) + (SELECT COUNT(*) FROM ballot_box) AS n',
      "SELECT COUNT(*) AS n FROM access_code WHERE state = 'used'",
    ]).then((cells) => cells.map(Number));
    expect(stored).toBe(used);
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    for (const code of acknowledged.slice(0, 20))
      expect(await castAt(server.url, code, '10.30.0.1')).toBe('CODE_ALREADY_USED');
  } finally {
    await server.stop();
  }
}, 180_000);

it('readiness (database, migrations, mixer, not draining) apart from liveness; /health as before', async () => {
  const server = await createTestServer();
  try {
    expect(await (await server.fetch('/health')).json()).toEqual({ status: 'ok', database: 'up' });
    expect((await server.fetch('/health/live')).status).toBe(200);
    const ready = await server.fetch('/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'up', migrations: 'done', mixer: 'alive', accepting: true },
    });
    server.app.get(ServerLifecycle).draining = true;
    const draining = await server.fetch('/health/ready');
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as { checks: { accepting: boolean } }).checks.accepting).toBe(false);
    expect((await server.fetch('/health/live')).status).toBe(200);
  } finally {
    await server.close();
  }
}, 60_000);
