import {
  adaptMetadataToDialect,
  buildDataSourceOptions,
  collectEntities,
  collectMigrations,
  featuresOf,
  loadConfig,
  type PingyiConfig,
} from '@pingyi/server-core';
import {
  createPostgresDatabase,
  createTestServer,
  dropPostgresDatabase,
  pgTestUrl,
  type TestDatabase,
  uniqueDatabaseName,
} from '@pingyi/testing';
import { SEED_RATING_SCALE } from '@pingyi/domain';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, expect, it } from 'vitest';
import { GROUPS, phasesAround, POLICY } from './support/campaign-content';

const features = featuresOf();
const migrations = collectMigrations(features);
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
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-content-migrations-'));
    let url: string | undefined;
    let name: string | undefined;
    if (database === 'postgres') {
      name = uniqueDatabaseName();
      url = await createPostgresDatabase(pgTestUrl(), name);
    }
    cleanups.push(async () => {
      if (name) await dropPostgresDatabase(pgTestUrl(), name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const config: PingyiConfig = loadConfig({ NODE_ENV: 'test', PINGYI_DATA_DIR: dataDir, DATABASE_URL: url });
    const before = migrations.findIndex((m) => m.name.startsWith('CreateResultSnapshot'));
    const previous = new DataSource({
      ...buildDataSourceOptions(config, {
        entities: collectEntities(features),
        migrations: migrations.slice(0, before),
      }),
      migrationsRun: false,
    });
    await previous.initialize();
    adaptMetadataToDialect(previous);
    const pg = database === 'postgres';
    const p = (i: number) => (pg ? `$${i}` : '?');
    try {
      await previous.runMigrations({ transaction: 'each' });
      expect(await previous.createQueryRunner().hasTable('result_snapshot')).toBe(false);
      const truthy = pg ? 'true' : '1';
      await previous.query(`INSERT INTO bureau (code, name, host) VALUES ('default', 'Kept bureau', ${truthy})`);
      const bureauId = Number((await previous.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id);
      const phases = phasesAround('appraisal');
      await previous.query(
        `INSERT INTO campaign (bureau_id, year, name, time_zone, start_date, end_date, phases, guiding_principle, objectives, requirements, policy)
         VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(p).join(', ')})`,
        [
          bureauId,
          Number(phases[0]?.start.slice(0, 4)),
          'Kept campaign',
          'Asia/Shanghai',
          phases[0]?.start,
          phases[3]?.end,
          JSON.stringify(phases),
          '指导思想',
          '[]',
          '[]',
          JSON.stringify({ ...POLICY, unknownInDenominator: false, minCounted: 0 }),
        ],
      );
      const campaignId = Number((await previous.query("SELECT id FROM campaign WHERE name = 'Kept campaign'"))[0].id);
      for (const [i, group] of GROUPS.entries()) {
        await previous.query(
          `INSERT INTO evaluator_group (bureau_id, campaign_id, code, label, quota, sort_order) VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})`,
          [bureauId, campaignId, group.code, group.label, group.quota, i],
        );
      }
      await previous.query(
        `INSERT INTO unit (bureau_id, campaign_id, code, name, appraised, sort_order) VALUES (${[1, 2, 3, 4].map(p).join(', ')}, ${truthy}, 0)`,
        [bureauId, campaignId, 'traffic-police', '交警支队'],
      );
      for (let i = 0; i < 12; i += 1) {
        const ballotId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        await previous.query(
          `INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on) VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})`,
          [ballotId, bureauId, campaignId, 'residents', 'paper', phases[2]?.start],
        );
        await previous.query(
          `INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (${[1, 2, 3, 4, 5].map(p).join(', ')})`,
          [ballotId, 'traffic-police', campaignId, 'residents', SEED_RATING_SCALE[i % 2]?.code],
        );
      }
    } finally {
      await previous.destroy();
    }

    const server = await createTestServer({ database, reuse: { dataDir, ...(url ? { databaseUrl: url } : {}) } });
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
