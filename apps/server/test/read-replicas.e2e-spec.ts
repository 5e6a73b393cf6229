// Read replicas (issue 15): with DATABASE_READ_URLS, tallies and console lists
// may read a replica; sign-in, tokens, casting and every write read the
// primary. The replica here is a copy of the primary taken at one moment and
// never updated: a replica with endless lag, so what reads it shows.
import { Role } from '@pingyi/server-core';
import {
  createCampaign,
  createPostgresDatabase,
  createTestServer,
  describeOnPostgres,
  dropPostgresDatabase,
  pgTestUrl,
  type TestServer,
  uniqueDatabaseName,
} from '@pingyi/testing';
import { Client } from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, issueCodes, mixBox } from './support/ballot-fixtures';

const USERS = `query { users(options: { take: 100 }) { totalItems items { username } } }`;
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount } participation(campaignId: $c) { ballots } }`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id name } }`;
// both servers hash and check access codes with one secret
const SECRET = { PINGYI_SECRET: 'read-replicas-secret-0123456789abcdefghij' };

describeOnPostgres('read replicas (DATABASE_READ_URLS)', () => {
  const primary = uniqueDatabaseName();
  const replica = `${primary}_replica`;
  let server: TestServer;
  let campaignId: string;
  let codes: string[];

  beforeAll(async () => {
    const url = await createPostgresDatabase(pgTestUrl(), primary);
    // the primary as the replica will show it: migrated, a campaign with codes, no ballot
    const before = await createTestServer({ database: 'postgres', reuse: { databaseUrl: url }, env: SECRET });
    const office = await before.loginAs(Role.office);
    campaignId = await createCampaign(before, office);
    ({ codes } = await issueCodes(before, office, campaignId, 'residents', 3));
    await before.close();
    const admin = new Client({ connectionString: pgTestUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${replica}" TEMPLATE "${primary}"`);
    } finally {
      await admin.end();
    }
    const replicaUrl = new URL(url);
    replicaUrl.pathname = `/${replica}`;
    server = await createTestServer({
      database: 'postgres',
      reuse: { databaseUrl: url },
      env: {
        ...SECRET,
        DATABASE_READ_URLS: replicaUrl.toString(),
        PINGYI_MIX_MIN_BATCH: '100000',
        PINGYI_MIX_INTERVAL: '30m',
      },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await dropPostgresDatabase(pgTestUrl(), replica);
    await dropPostgresDatabase(pgTestUrl(), primary);
  });

  it('signs in, checks tokens, casts and writes on the primary', async () => {
    const user = await server.createUser({ roles: [Role.office] }); // a user the replica has never seen
    const office = await server.loginAs(user);
    expect((await server.gqlOk<{ campaign: { id: string } }>(CAMPAIGN, { id: campaignId }, office)).campaign.id).toBe(
      campaignId,
    );
    for (const code of codes)
      expect((await cast(server, { code, ratings: [{ unit: 'traffic-police', level: 'satisfied' }] })).__typename).toBe(
        'BallotReceipt',
      );
    // a code is redeemed once, on the primary, whatever the replica says
    expect((await cast(server, { code: codes[0] as string })).errorCode).toBe('CODE_ALREADY_USED');
    await mixBox(server);
    const counted = await server.dataSource.query(`SELECT COUNT(*) AS n FROM ballot WHERE campaign_id = $1`, [
      Number(campaignId),
    ]);
    expect(Number(counted[0].n)).toBe(3);
  });

  it('reads console lists and tallies from the replica', async () => {
    const admin = await server.adminToken();
    const { users } = await server.gqlOk<{ users: { items: { username: string }[] } }>(USERS, {}, admin);
    const created = await server.createUser({ roles: [Role.leader], username: 'written-after-the-copy' });
    const after = await server.gqlOk<{ users: { items: { username: string }[] } }>(USERS, {}, admin);
    expect(after.users.items.map((u) => u.username)).toEqual(users.items.map((u) => u.username));
    expect(after.users.items.map((u) => u.username)).not.toContain(created.username);
    // the three ballots are on the primary only
    const office = await server.loginAs(Role.office);
    const tally = await server.gqlOk<{ standings: { ratingCount: number }; participation: { ballots: number } }>(
      STANDINGS,
      { c: campaignId },
      office,
    );
    expect(tally).toEqual({ standings: { ratingCount: 0 }, participation: { ballots: 0 } });
  });
});
