import { Role } from '@pingyi/server-core';
import {
  createCampaign,
  createPostgresDatabase,
  createTestServer,
  dropPostgresDatabase,
  pgTestUrl,
  type TestDatabase,
  type TestServer,
  uniqueDatabaseName,
} from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPaperBatch, mixBox, paperCsv, rowsOf, uploadKeying } from './support/ballot-fixtures';

const UNITS = ['traffic-police', 'public-order', 'legal-affairs'];
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount standings { unitCode ballots score } } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) {
  withdrawPaperBatch(id: $id, reason: $reason) { __typename ... on ErrorResult { errorCode message } }
}`;
const SECRET = 'tally-cache-secret-0123456789abcdefghij';
// the timer never mixes here: the tests mix when they choose
const ENV = { PINGYI_MIX_MIN_BATCH: '100000', PINGYI_MIX_INTERVAL: '30m', PINGYI_SECRET: SECRET };

const sheets = (n: number, level = '满意') =>
  paperCsv(
    UNITS,
    Array.from({ length: n }, (_, i) => ({
      group: i % 2 ? 'residents' : 'enterpriseRepresentatives',
      cells: Object.fromEntries(UNITS.map((unit) => [unit, level])),
    })),
  );

/** Statements that count the rating table (the tally's GROUP BY). */
const ratingCounts = (server: TestServer): number =>
  server.sql.statements.filter((statement) => /FROM\s+"?rating"?[\s\S]*GROUP BY/i.test(statement.sql)).length;

/**
 * Standings without counting 800,000 ratings on every poll (issue 15): the
 * counted part of the tally is kept while the campaign's tally stamp stays the
 * same. Every write that changes counted ratings (the mixer, a withdrawal)
 * replaces the stamp in its transaction, so no poll reads a stale tally, on
 * this server or another one on the same database.
 */
export function tallyCacheSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  const standings = async (on: TestServer = server, token = office) =>
    (
      await on.gqlOk<{ standings: { ratingCount: number; standings: { unitCode: string; ballots: number }[] } }>(
        STANDINGS,
        { c: campaignId },
        token,
      )
    ).standings;
  const imported = async (on: TestServer, token: string, code: string, csv: string): Promise<string> => {
    const id = await createPaperBatch(on, token, campaignId, code);
    const upload = await uploadKeying(on, token, id, 1, csv, { name: `${code}.csv` });
    expect(upload.body.batch).toMatchObject({ state: 'imported' });
    return id;
  };

  beforeAll(async () => {
    server = await createTestServer({ database, env: ENV });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, { phase: 'appraisal' });
    await imported(server, office, 'C-001', sheets(40));
    await mixBox(server);
  }, 120_000);
  afterAll(() => server?.close());

  it('counts the ratings once while nothing counted changes (six polls)', async () => {
    const first = await standings();
    expect(first.ratingCount).toBe(40 * UNITS.length);
    server.sql.reset();
    for (let poll = 0; poll < 5; poll += 1) expect(await standings()).toEqual(first);
    expect(ratingCounts(server)).toBe(0);
  });

  it('adds ballots waiting in the box on every poll, and the batch its mixer counts without counting again', async () => {
    await standings();
    const waiting = await imported(server, office, 'C-002', sheets(10, '不满意'));
    server.sql.reset();
    expect((await standings()).ratingCount).toBe(50 * UNITS.length);
    expect(ratingCounts(server)).toBe(0);
    await mixBox(server);
    server.sql.reset();
    const after = await standings();
    expect(after.ratingCount).toBe(50 * UNITS.length);
    expect(await standings()).toEqual(after);
    expect(ratingCounts(server)).toBe(0);
    // as counted from scratch
    await rowsOf(server, 'DELETE FROM tally_stamp');
    expect(await standings()).toEqual(after);
    // a withdrawn batch leaves the standings at once
    const { withdrawPaperBatch } = await server.gqlOk<{ withdrawPaperBatch: { __typename: string } }>(
      WITHDRAW,
      { id: waiting, reason: '误录' },
      office,
    );
    expect(withdrawPaperBatch.__typename).toBe('PaperBatch');
    expect((await standings()).ratingCount).toBe(40 * UNITS.length);
  });

  // (PostgreSQL only: one SQLite file is one server's)
  if (database !== 'postgres') return;
  it('every poll sees what another server counted on the same database', async () => {
    const name = uniqueDatabaseName();
    const url = await createPostgresDatabase(pgTestUrl(), name);
    const servers = [
      await createTestServer({ database, env: ENV, reuse: { databaseUrl: url } }),
      await createTestServer({ database, env: ENV, reuse: { databaseUrl: url } }),
    ];
    try {
      const [one, two] = servers as [TestServer, TestServer];
      const tokens = [await one.loginAs(Role.office), await two.loginAs(Role.office)] as const;
      campaignId = await createCampaign(one, tokens[0], { phase: 'appraisal' });
      await imported(one, tokens[0], 'S-001', sheets(20));
      await mixBox(one);
      expect((await standings(one, tokens[0])).ratingCount).toBe(20 * UNITS.length); // cached on the first
      await imported(two, tokens[1], 'S-002', sheets(6, '不满意'));
      await mixBox(two);
      const fromOne = await standings(one, tokens[0]);
      expect(fromOne.ratingCount).toBe(26 * UNITS.length);
      expect(fromOne).toEqual(await standings(two, tokens[1]));
    } finally {
      for (const each of servers) await each.close();
      await dropPostgresDatabase(pgTestUrl(), name);
    }
  }, 120_000);
}
