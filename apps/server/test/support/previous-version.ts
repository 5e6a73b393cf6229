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
  type PhaseCode,
  pgTestUrl,
  phasesAround,
  type TestDatabase,
  type TestServer,
  uniqueDatabaseName,
} from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { GROUPS, POLICY } from './campaign-content';
import { run } from './integrity-rows';

// A database as a previous version of the server left it: migrations up to
// one of them, rows written with plain SQL (that version's entities may
// differ), then the current server started on it.

const features = featuresOf();
export const migrations = collectMigrations(features);
const entities = collectEntities(features);

/** A throwaway database of the given kind, and the config pointing at it. */
export async function freshDatabase(
  database: TestDatabase,
): Promise<{ config: PingyiConfig; dataDir: string; drop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-migrations-'));
  let name: string | undefined;
  let url: string | undefined;
  if (database === 'postgres') {
    name = uniqueDatabaseName();
    url = await createPostgresDatabase(pgTestUrl(), name);
  }
  const config = loadConfig({ NODE_ENV: 'test', PINGYI_DATA_DIR: dataDir, DATABASE_URL: url });
  return {
    config,
    dataDir,
    drop: async () => {
      if (name) await dropPostgresDatabase(pgTestUrl(), name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An open DataSource that knows only the first `count` migrations (the database "at version count"), none run yet. */
export async function dataSourceAt(config: PingyiConfig, count: number): Promise<DataSource> {
  const source = new DataSource({
    ...buildDataSourceOptions(config, { entities, migrations: migrations.slice(0, count) }),
    migrationsRun: false,
  });
  await source.initialize();
  adaptMetadataToDialect(source);
  return source;
}

/** The current server started on a database {@link freshDatabase} made (it runs the migrations left). */
export function currentServerOn(
  database: TestDatabase,
  db: { config: PingyiConfig; dataDir: string },
): Promise<TestServer> {
  return createTestServer({
    database,
    reuse: {
      dataDir: db.dataDir,
      ...(db.config.database.type === 'postgres' ? { databaseUrl: db.config.database.url } : {}),
    },
  });
}

/**
 * The host bureau and a campaign named "Kept campaign" with today in `phase`
 * and the content suites' evaluator groups, written with plain SQL.
 */
export async function insertKeptCampaign(
  db: DataSource,
  pg: boolean,
  phase: PhaseCode,
): Promise<{ bureauId: number; campaignId: number; phases: ReturnType<typeof phasesAround> }> {
  await run(db, pg, `INSERT INTO bureau (code, name, host) VALUES ('default', 'Kept bureau', ${pg ? 'true' : '1'})`);
  const bureauId = Number((await run<{ id: number }>(db, pg, "SELECT id FROM bureau WHERE code = 'default'"))[0]?.id);
  const phases = phasesAround(phase);
  await run(
    db,
    pg,
    'INSERT INTO campaign (bureau_id, year, name, time_zone, start_date, end_date, phases, guiding_principle, objectives, requirements, policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
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
  const campaignId = Number(
    (await run<{ id: number }>(db, pg, "SELECT id FROM campaign WHERE name = 'Kept campaign'"))[0]?.id,
  );
  for (const [i, group] of GROUPS.entries()) {
    await run(
      db,
      pg,
      'INSERT INTO evaluator_group (bureau_id, campaign_id, code, label, quota, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
      [bureauId, campaignId, group.code, group.label, group.quota, i],
    );
  }
  return { bureauId, campaignId, phases };
}
