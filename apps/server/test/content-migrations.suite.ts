import { SEED_RATING_SCALE } from '@pingyi/domain';
import { type TestDatabase } from '@pingyi/testing';
import { afterEach, expect, it } from 'vitest';
import { run } from './support/integrity-rows';
import {
  currentServerOn,
  dataSourceAt,
  freshDatabase,
  insertKeptCampaign,
  migrations,
} from './support/previous-version';

const CONTENT = [
  'CreateCampaign',
  'CreateOrganization',
  'CreateWorkPlan',
  'CreateAppraisalStorage',
  'CreateBulletin',
  'CreateResultSnapshot',
];

/**
 * The campaign content migrations: in order, and the results table added to a
 * database that already holds a campaign with ballots (written by the previous
 * version with plain SQL), whose data the current server then scores.
 */
export function contentMigrationsSuite(database: TestDatabase): void {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('has one migration per content area, in order', () => {
    const names = migrations.map((m) => m.name.replace(/\d{13}$/, ''));
    const positions = CONTENT.map((name) => names.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('adds the results table to a database with ballots and keeps them', async () => {
    const db = await freshDatabase(database);
    cleanups.push(db.drop);
    const previous = await dataSourceAt(
      db.config,
      migrations.findIndex((m) => m.name.startsWith('CreateResultSnapshot')),
    );
    const pg = database === 'postgres';
    try {
      await previous.runMigrations({ transaction: 'each' });
      expect(await previous.createQueryRunner().hasTable('result_snapshot')).toBe(false);
      const { bureauId, campaignId, phases } = await insertKeptCampaign(previous, pg, 'appraisal');
      await run(
        previous,
        pg,
        `INSERT INTO unit (bureau_id, campaign_id, code, name, appraised, sort_order) VALUES (?, ?, ?, ?, ${pg ? 'true' : '1'}, 0)`,
        [bureauId, campaignId, 'traffic-police', '交警支队'],
      );
      for (let i = 0; i < 12; i += 1) {
        const ballotId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        await run(
          previous,
          pg,
          'INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on) VALUES (?, ?, ?, ?, ?, ?)',
          [ballotId, bureauId, campaignId, 'residents', 'paper', phases[2]?.start],
        );
        await run(
          previous,
          pg,
          'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (?, ?, ?, ?, ?)',
          [ballotId, 'traffic-police', campaignId, 'residents', SEED_RATING_SCALE[i % 2]?.code],
        );
      }
    } finally {
      await previous.destroy();
    }

    const server = await currentServerOn(database, db);
    try {
      const token = await server.adminToken();
      const id = (await server.gql('{ campaigns { items { id name } } }', {}, token)).data.campaigns.items[0];
      expect(id.name).toBe('Kept campaign');
      const { data } = await server.gql(
        'query($c: ID!) { standings(campaignId: $c) { ratingCount standings { unitCode ballots score } } }',
        { c: id.id },
        token,
      );
      // 6 × satisfied (100) and 6 × fairly satisfied (85): the residents' mean, the only group with votes
      expect(data.standings).toEqual({
        ratingCount: 12,
        standings: [{ unitCode: 'traffic-police', ballots: 12, score: 92.5 }],
      });
      const applied: { name: string }[] = await server.dataSource.query('SELECT name FROM migrations ORDER BY id');
      expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    } finally {
      await server.close({ keepData: true });
    }
  });
}
