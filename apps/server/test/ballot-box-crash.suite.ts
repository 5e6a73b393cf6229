import {
  createCampaign,
  createPostgresDatabase,
  dropPostgresDatabase,
  pgTestUrl,
  type TestDatabase,
  type TestServer,
  uniqueDatabaseName,
} from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CAST, issueCodes } from './support/ballot-fixtures';
import {
  adminTokenAt,
  clientAt,
  gqlAt,
  readBeside,
  type ServerProcess,
  startServerProcess,
} from './support/server-process';

const RATINGS = [
  { unit: 'traffic-police', level: 'satisfied' },
  { unit: 'public-order', level: 'dissatisfied' },
];

/**
 * The real server SIGKILLed while ballots wait in the box (and while casts
 * are in flight), then restarted: no acknowledged ballot lost, none doubled;
 * the box is mixed after the restart and the counts match the used codes.
 */
export function ballotBoxCrashSuite(database: TestDatabase): void {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-box-crash-'));
  let databaseName: string | undefined;
  let databaseUrl: string | undefined;
  let server: ServerProcess | undefined;
  let token: string;
  let campaignId: string;
  let codes: string[];

  const start = async (env: Record<string, string>): Promise<void> => {
    server = await startServerProcess({ PINGYI_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...env });
    token = await adminTokenAt(server.url);
  };
  const client = (): TestServer => clientAt(() => (server as ServerProcess).url);
  // straight from the database, beside the server
  const count = async (sql: string): Promise<number> => Number((await readBeside({ databaseUrl, dataDir }, [sql]))[0]);
  const castAt = async (code: string, ip: string): Promise<string> => {
    const response = await fetch(`${(server as ServerProcess).url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: CAST, variables: { input: { code, ratings: RATINGS } } }),
    });
    return ((await response.json()) as { data: { castBallot: { __typename: string } } }).data.castBallot.__typename;
  };

  beforeAll(async () => {
    if (database === 'postgres') {
      databaseName = uniqueDatabaseName();
      databaseUrl = await createPostgresDatabase(pgTestUrl(), databaseName);
    }
    // no mixing while the first server runs
    await start({ PINGYI_MIX_INTERVAL: '30m', PINGYI_MIX_MIN_BATCH: '100000', PINGYI_TRUST_PROXY: 'loopback' });
    campaignId = await createCampaign(client(), token);
    codes = (await issueCodes(client(), token, campaignId, 'residents', 60)).codes;
  }, 120_000);

  afterAll(async () => {
    await server?.stop().catch(() => undefined);
    if (databaseName) await dropPostgresDatabase(pgTestUrl(), databaseName);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGKILL between redemption and mixing, and during casts: nothing acknowledged lost, nothing doubled, all mixed after the restart', async () => {
    const acknowledged = new Set<string>();
    for (const code of codes.slice(0, 20))
      if ((await castAt(code, '10.90.0.1')) === 'BallotReceipt') acknowledged.add(code);
    expect(acknowledged.size).toBe(20);
    // 40 more in flight, killed as the first answers come back
    const inFlight = codes.slice(20).map((code, i) =>
      castAt(code, `10.90.1.${i + 1}`).then(
        (kind) => (kind === 'BallotReceipt' ? acknowledged.add(code) : undefined),
        () => undefined,
      ),
    );
    while (acknowledged.size < 25) await new Promise((resolve) => setTimeout(resolve, 2));
    await (server as ServerProcess).kill();
    await Promise.all(inFlight);
    const used = await count("SELECT COUNT(*) AS n FROM access_code WHERE state = 'used'");
    const boxed = await count('SELECT COUNT(*) AS n FROM ballot_box');
    console.info(
      `[${database}] killed with ${acknowledged.size} receipts given, ${used} codes used, ${boxed} ballots in the box`,
    );
    expect(await count('SELECT COUNT(*) AS n FROM ballot')).toBe(0);
    expect(boxed).toBe(used);
    expect(used).toBeGreaterThanOrEqual(acknowledged.size);

    await start({ PINGYI_MIX_INTERVAL: '1s', PINGYI_TRUST_PROXY: 'loopback' });
    for (let i = 0; (await count('SELECT COUNT(*) AS n FROM ballot_box')) > 0; i += 1) {
      if (i > 300) throw new Error('the box was not mixed after the restart');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await count('SELECT COUNT(*) AS n FROM ballot')).toBe(used);
    expect(await count('SELECT COUNT(*) AS n FROM rating')).toBe(used * 2);
    const participation = await gqlAt(
      (server as ServerProcess).url,
      `query($c: ID!) { participation(campaignId: $c) { ballots } }`,
      { c: campaignId },
      token,
    );
    expect(participation.data.participation.ballots).toBe(used);
    // an acknowledged code stays used; the codes whose cast never committed still cast once
    for (const code of acknowledged) expect(await castAt(code, '10.90.2.1')).toBe('CodeAlreadyUsedError');
    let castAfter = 0;
    for (const code of codes.filter((c) => !acknowledged.has(c)))
      if ((await castAt(code, '10.90.3.1')) === 'BallotReceipt') castAfter += 1;
    expect(used + castAfter).toBe(codes.length);
  }, 180_000);
}
