import {
  createCampaign,
  createPostgresDatabase,
  dropPostgresDatabase,
  pgTestUrl,
  type TestDatabase,
  type TestServer,
  testUnits,
  uniqueDatabaseName,
} from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPaperBatch, type JsonObject, PAPER_BATCH } from './support/ballot-fixtures';
import {
  adminTokenAt,
  clientAt,
  gqlAt,
  readBeside,
  type ServerProcess,
  startServerProcess,
} from './support/server-process';

const BALLOTS = 10_000;
const LEVELS = ['满意', '比较满意', '基本满意', '不太满意', '不满意', '不了解', ''];

/** 10,000 ballots × 80 units, cells filled or blank in a pattern set by `seed` (about 6 MB). */
function bigCsv(units: readonly string[], seed: number): { csv: string; ratings: number } {
  const lines = [`group,${units.join(',')}`];
  let ratings = 0;
  for (let i = 0; i < BALLOTS; i += 1) {
    const cells = units.map((_, u) => LEVELS[(i * 7 + u * 13 + seed) % LEVELS.length] as string);
    cells[0] = '满意'; // never a spoilt sheet: every row is a ballot
    ratings += cells.filter((cell) => cell !== '').length;
    lines.push(`${i % 3 === 0 ? '企业代表' : '城乡居民'},${cells.join(',')}`);
  }
  return { csv: `${lines.join('\n')}\n`, ratings };
}

/**
 * The real server killed with SIGKILL in the middle of a paper import (while
 * checking the file, and while writing the ballots), then restarted on the
 * same database: the batch is wholly absent, never partly there, and can be
 * imported again, wholly.
 */
export function paperImportCrashSuite(database: TestDatabase): void {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-crash-'));
  let databaseName: string | undefined;
  let databaseUrl: string | undefined;
  let server: ServerProcess | undefined;
  let token: string;
  let campaignId: string;
  let units: string[];

  const start = async (): Promise<void> => {
    server = await startServerProcess({
      PINGYI_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PINGYI_MIX_INTERVAL: '1s',
    });
    token = await adminTokenAt(server.url);
  };
  // the fixtures speak to a TestServer; this is the same over plain HTTP
  const client = (): TestServer => clientAt(() => (server as ServerProcess).url);
  // Straight from the database, beside the server: the batch's ballots and their ratings.
  // The ballots go through the ballot box: this waits until the mixer has emptied it.
  const counts = async (batchId: string): Promise<{ ballots: number; ratings: number }> => {
    for (let i = 0; (await countsNow(batchId, 'SELECT COUNT(*) AS n FROM ballot_box')).ballots > 0; i += 1) {
      if (i > 600) throw new Error('the ballot box was not emptied within two minutes');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return countsNow(batchId);
  };
  const countsNow = async (batchId: string, box?: string): Promise<{ ballots: number; ratings: number }> => {
    const [ballots, ratings] = await readDb(
      box
        ? [box, box]
        : [
            `SELECT COUNT(*) AS n FROM ballot WHERE paper_batch_id = ${Number(batchId)}`,
            `SELECT COUNT(*) AS n FROM rating WHERE ballot_id IN (SELECT id FROM ballot WHERE paper_batch_id = ${Number(batchId)})`,
          ],
    );
    return { ballots: Number(ballots), ratings: Number(ratings) };
  };
  // the first column of the first row of each query, read beside the server (SQLite's WAL lets a reader in during the server's write)
  const readDb = (sql: readonly string[]): Promise<unknown[]> => readBeside({ databaseUrl, dataDir }, sql);
  const upload = (batchId: string, csv: string): Promise<Response> =>
    fetch(`${(server as ServerProcess).url}/paper-batches/${batchId}/keyings/1?name=big.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
  // Polls the batch's state in the database until `until` says so. Read beside the server, not through it:
  // a busy server's slow answer says nothing about which step it is in (checking the file or writing the ballots).
  const watch = async (batchId: string, until: (state: string) => boolean): Promise<string> => {
    for (let i = 0; i < 6_000; i += 1) {
      const [state] = await readDb([`SELECT state AS n FROM paper_batch WHERE id = ${Number(batchId)}`]);
      if (until(String(state))) return String(state);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the batch never reached the awaited state');
  };
  const waitUntilSwept = async (batchId: string): Promise<JsonObject> => {
    for (let i = 0; i < 300; i += 1) {
      const batch = (await gqlAt((server as ServerProcess).url, PAPER_BATCH, { id: batchId }, token)).data
        .paperBatch as JsonObject;
      if (batch.state !== 'validating' && batch.state !== 'importing') return batch;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the stopped import was never marked interrupted');
  };

  beforeAll(async () => {
    if (database === 'postgres') {
      databaseName = uniqueDatabaseName();
      databaseUrl = await createPostgresDatabase(pgTestUrl(), databaseName);
    }
    await start();
    campaignId = await createCampaign(client(), token, { units: testUnits(77) });
    units = testUnits(77)
      .filter((unit) => unit.appraised)
      .map((unit) => unit.code);
  }, 120_000);

  afterAll(async () => {
    await server?.stop().catch(() => undefined);
    if (databaseName) await dropPostgresDatabase(pgTestUrl(), databaseName);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('killed while writing the ballots: after a restart the batch is wholly absent, then imports wholly', async () => {
    const batchId = await createPaperBatch(client(), token, campaignId, 'crash-while-importing');
    const { csv, ratings } = bigCsv(units, 1);
    expect((await upload(batchId, csv)).status).toBe(202);
    // the file is checked, the ballots are being written (the claim is committed before the write begins)
    const seen = await watch(
      batchId,
      (state) => state === 'importing' || state === 'imported' || state === 'interrupted',
    );
    expect(seen).toBe('importing');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await (server as ServerProcess).kill();
    await start();
    const swept = await waitUntilSwept(batchId);
    const after = await counts(batchId);
    // either nothing of the batch, or (had the commit won the race) all of it
    expect([
      { ballots: 0, ratings: 0 },
      { ballots: BALLOTS, ratings },
    ]).toContainEqual(after);
    console.info(
      `[${database}] after SIGKILL while importing: ${after.ballots} of ${BALLOTS} ballots (batch ${swept.state})`,
    );
    if (after.ballots === 0) {
      expect(swept.state).toBe('interrupted');
      expect(swept.message).toMatch(/while importing the ballots; nothing of the batch was stored/);
      const retried = await gqlAt(
        (server as ServerProcess).url,
        `mutation($id: ID!) { acceptPaperBatch(id: $id) { __typename ... on PaperBatch { state ballots } ... on ErrorResult { errorCode message } } }`,
        { id: batchId },
        token,
        120_000,
      );
      expect(retried.data.acceptPaperBatch).toEqual({ __typename: 'PaperBatch', state: 'imported', ballots: BALLOTS });
    }
    expect(await counts(batchId)).toEqual({ ballots: BALLOTS, ratings });
  }, 180_000);

  it('killed while checking the file: nothing stored, the same file accepted again', async () => {
    const batchId = await createPaperBatch(client(), token, campaignId, 'crash-while-checking');
    const { csv, ratings } = bigCsv(units, 2);
    expect((await upload(batchId, csv)).status).toBe(202);
    await watch(batchId, (state) => state === 'validating');
    await (server as ServerProcess).kill();
    await start();
    const swept = await waitUntilSwept(batchId);
    expect(swept.state).toBe('interrupted');
    expect(swept.keyings[0].state).toBe('interrupted');
    expect(await counts(batchId)).toEqual({ ballots: 0, ratings: 0 });
    // the same file is not a duplicate of the interrupted one
    const again = await fetch(
      `${(server as ServerProcess).url}/paper-batches/${batchId}/keyings/1?name=big.csv&wait=1`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
        signal: AbortSignal.timeout(150_000),
      },
    );
    expect(((await again.json()) as JsonObject).batch).toMatchObject({ state: 'imported', ballots: BALLOTS });
    expect(await counts(batchId)).toEqual({ ballots: BALLOTS, ratings });
  }, 240_000);
}
