// Background work in Redis: with REDIS_URL set, an uploaded paper keying is
// checked and imported by whichever instance has a free worker. Here one
// instance only answers requests (PINGYI_WORKERS=0) and another does the work,
// on one PostgreSQL database, one Redis and one shared data folder. Work that
// waits for a worker keeps its batch alive (the sweep does not interrupt it),
// and is done once a worker comes.
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
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPaperBatch, PAPER_BATCH } from './support/ballot-fixtures';
import { adminTokenAt, clientAt, gqlAt, type ServerProcess, startServerProcess } from './support/server-process';

/** Longer than the sweep's 15 s without a heartbeat. */
const LONGER_THAN_STALE_MS = 17_000;

describeOnPostgres('background work in a Redis queue shared by the instances', () => {
  const name = uniqueDatabaseName();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-work-'));
  let databaseUrl: string;
  let redis = false;
  let web: ServerProcess | undefined;
  let worker: ServerProcess | undefined;
  const env = (workers: number) => ({
    PINGYI_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    PINGYI_SECRET: 'background-work-secret-0123456789abcdef',
    PINGYI_ANON_RATE: '0',
    PINGYI_MIX_INTERVAL: '1s',
    PINGYI_WORKERS: String(workers),
    REDIS_URL: redisTestUrl(),
  });

  beforeAll(async () => {
    redis = await redisAvailable(redisTestUrl());
    if (!redis) return;
    databaseUrl = await createPostgresDatabase(pgTestUrl(), name);
    web = await startServerProcess(env(0));
    worker = await startServerProcess(env(1));
  }, 120_000);
  afterAll(async () => {
    for (const instance of [web, worker])
      if (instance && instance.child.exitCode === null && instance.child.signalCode === null) await instance.stop();
    if (databaseUrl) await dropPostgresDatabase(pgTestUrl(), name);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const csvOf = (rows: number) =>
    `group,traffic-police,public-order,legal-affairs\n${Array.from({ length: rows }, (_, i) => `城乡居民,满意,${i % 2 ? '比较满意' : '不满意'},基本满意`).join('\n')}\n`;
  const upload = async (url: string, admin: string, batchId: string, csv: string) =>
    fetch(`${url}/paper-batches/${batchId}/keyings/1?name=paper.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: csv,
    });
  const batchAt = async (url: string, admin: string, id: string) =>
    (await gqlAt(url, PAPER_BATCH, { id }, admin)).data.paperBatch as { state: string; ballots: number };
  const settled = async (url: string, admin: string, id: string) => {
    for (let i = 0; i < 240; i += 1) {
      const batch = await batchAt(url, admin, id);
      if (batch.state !== 'validating' && batch.state !== 'importing')
        return { state: batch.state, ballots: batch.ballots };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`paper batch ${id} was still being checked after a minute`);
  };

  it('checks a keying uploaded to an instance without workers on the instance with one, and keeps waiting work alive until a worker comes', async (context) => {
    if (!redis) return context.skip(`no Redis at ${redisTestUrl()}`);
    const webUrl = web?.url ?? '';
    const admin = await adminTokenAt(webUrl);
    const campaignId = await createCampaign(clientAt(webUrl), admin);

    const first = await createPaperBatch(clientAt(webUrl), admin, campaignId, 'queued-1');
    expect((await upload(webUrl, admin, first, csvOf(500))).status).toBe(202);
    expect(await settled(webUrl, admin, first)).toEqual({ state: 'imported', ballots: 500 });
    expect(worker?.output()).toMatch(new RegExp(`Paper batch ${first}, keying \\d+: 500 rows checked`));
    expect(web?.output()).not.toMatch(/rows checked/);

    // no worker: the keying waits in the queue, its batch kept alive by the instance that took the upload
    await worker?.stop();
    const second = await createPaperBatch(clientAt(webUrl), admin, campaignId, 'queued-2');
    expect((await upload(webUrl, admin, second, csvOf(300))).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, LONGER_THAN_STALE_MS));
    expect((await batchAt(webUrl, admin, second)).state).toBe('validating');

    worker = await startServerProcess(env(1));
    expect(await settled(webUrl, admin, second)).toEqual({ state: 'imported', ballots: 300 });
    expect(worker.output()).toMatch(new RegExp(`Paper batch ${second}, keying \\d+: 300 rows checked`));
  }, 180_000);

  it('refuses PINGYI_WORKERS=0 without REDIS_URL: nobody would do the work', async () => {
    await expect(
      startServerProcess({ ...env(0), REDIS_URL: undefined, DATABASE_URL: undefined, PINGYI_DATA_DIR: dataDir }),
    ).rejects.toThrow(/PINGYI_WORKERS.*REDIS_URL/s);
  });

  it('stops at start, naming REDIS_URL, when Redis cannot be reached (not waiting without end)', async () => {
    await expect(
      startServerProcess({
        ...env(1),
        REDIS_URL: 'redis://127.0.0.1:1',
        DATABASE_URL: undefined,
        PINGYI_DATA_DIR: dataDir,
      }),
    ).rejects.toThrow(/REDIS_URL: Redis cannot be reached/);
  }, 60_000);
});
