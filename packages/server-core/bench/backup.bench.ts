// Backup and restore benchmark: `createBackup` / `restoreBackup` (what
// `pingyi backup` / `pingyi restore` run) on the demo campaign, then on the
// same campaign grown to 100,000 ballots, on SQLite and PostgreSQL, against a
// baseline measured in the same run on the same database: SQLite's bare
// online backup API (better-sqlite3 `.backup()`, file to file, both ways),
// PostgreSQL's `pg_dump --format=custom` / `pg_restore`. Prints times as
// ratios to the baseline and the sizes in bytes.
// Run: npm run bench (builds first; this file uses dist/).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import * as core from '../dist/index.js';
import { freshDatabase, pgReachable, runBench, type BenchDatabase } from './bench-kit';

const SECRET = 'bench-secret-0123456789abcdef0123456789';
const TARGET_BALLOTS = Number(process.env.BENCH_BALLOTS || 100_000);
const LEVELS = ['satisfied', 'fairlySatisfied', 'basicallySatisfied', 'notVerySatisfied', 'dissatisfied', 'unknown'];

interface Row {
  database: string;
  campaign: string;
  ballots: number;
  ratings: number;
  backupMs: number;
  baseBackupMs: number;
  backupBytes: number;
  baseBytes: number;
  restoreMs: number;
  baseRestoreMs: number;
}

const dirBytes = (dir: string): number =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .reduce((sum, entry) => sum + (entry.isFile() ? fs.statSync(path.join(entry.parentPath, entry.name)).size : 0), 0);
const time = async (work: () => unknown): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

async function measure(
  db: BenchDatabase,
  config: core.PingyiConfig,
  campaign: string,
  counts: { ballots: number; ratings: number },
): Promise<Row> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-backup-'));
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-base-'));
  const restoreInto = await freshDatabase(db.kind);
  const baseInto = await freshDatabase(db.kind);
  try {
    const backupMs = await time(() => core.createBackup(config, { out }));
    let baseBackupMs: number;
    let baseRestoreMs: number;
    let baseBytes: number;
    if (config.database.type === 'sqlite') {
      const copy = path.join(base, 'copy.sqlite');
      const live = new Database(config.database.file, { fileMustExist: true });
      baseBackupMs = await time(() => live.backup(copy));
      live.close();
      baseBytes = fs.statSync(copy).size;
      const from = new Database(copy, { readonly: true });
      baseRestoreMs = await time(() => from.backup(path.join(baseInto.dataDir, 'pingyi.sqlite')));
      from.close();
    } else {
      const dump = path.join(base, 'db.pgdump');
      baseBackupMs = await time(() =>
        execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, `--dbname=${config.database.url}`]),
      );
      baseBytes = fs.statSync(dump).size;
      baseRestoreMs = await time(() =>
        execFileSync('pg_restore', ['--no-owner', `--dbname=${baseInto.url ?? ''}`, dump]),
      );
    }
    const target = core.loadConfig({ NODE_ENV: 'production', PINGYI_SECRET: SECRET, ...restoreInto.env });
    const restoreMs = await time(() => core.restoreBackup(target, { from: out }));
    return {
      database: db.kind,
      campaign,
      ...counts,
      backupMs,
      baseBackupMs,
      backupBytes: dirBytes(out),
      baseBytes,
      restoreMs,
      baseRestoreMs,
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(base, { recursive: true, force: true });
    await restoreInto.drop();
    await baseInto.drop();
  }
}

/** Synthetic ballots added to the demo's campaign of this year until it holds `TARGET_BALLOTS`, each rating every appraised unit. */
async function grow(server: core.RunningServer, campaignId: number, have: number): Promise<void> {
  const ds = server.dataSource;
  const pg = ds.options.type === 'postgres';
  const units: string[] = (
    await ds.query(`SELECT code FROM unit WHERE campaign_id = ${campaignId} AND appraised = ${pg ? 'true' : '1'}`)
  ).map((r: { code: string }) => r.code);
  const groups: string[] = (await ds.query(`SELECT code FROM evaluator_group WHERE campaign_id = ${campaignId}`)).map(
    (r: { code: string }) => r.code,
  );
  const bureauId = Number((await ds.query(`SELECT bureau_id FROM campaign WHERE id = ${campaignId}`))[0].bureau_id);
  let state = 20_261_201;
  const random = (): number => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296;
  const missing = TARGET_BALLOTS - have;
  if (pg) {
    const client = new Client({ connectionString: (ds.options as { url: string }).url });
    await client.connect();
    await client.query('BEGIN');
    for (let start = 0; start < missing; start += 1_000) {
      const ids: string[] = [];
      const gs: string[] = [];
      const r = { b: [] as string[], u: [] as string[], g: [] as string[], l: [] as string[] };
      for (let i = start; i < Math.min(missing, start + 1_000); i += 1) {
        const id = crypto.randomUUID();
        const g = groups[i % groups.length] ?? '';
        ids.push(id);
        gs.push(g);
        for (const u of units) {
          r.b.push(id);
          r.u.push(u);
          r.g.push(g);
          r.l.push(LEVELS[Math.floor(random() * 6)] ?? 'unknown');
        }
      }
      await client.query(
        "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, is_demo) SELECT id, $2, $3, g, 'online', DATE '2026-10-20', true FROM unnest($1::varchar[], $4::varchar[]) AS t(id, g)",
        [ids, bureauId, campaignId, gs],
      );
      await client.query(
        'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) SELECT b, u, $5, g, l FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) AS t(b, u, g, l)',
        [r.b, r.u, r.g, r.l, campaignId],
      );
    }
    await client.query('COMMIT');
    await client.end();
    return;
  }
  const conn = new Database((ds.options as { database: string }).database, { timeout: 10_000 });
  const ballot = conn.prepare(
    "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, is_demo) VALUES (?, ?, ?, ?, 'online', '2026-10-20', 1)",
  );
  const rating = conn.prepare(
    'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (?, ?, ?, ?, ?)',
  );
  conn.transaction(() => {
    for (let i = 0; i < missing; i += 1) {
      const id = crypto.randomUUID();
      const g = groups[i % groups.length] ?? '';
      ballot.run(id, bureauId, campaignId, g);
      for (const u of units) rating.run(id, u, campaignId, g, LEVELS[Math.floor(random() * 6)] ?? 'unknown');
    }
  })();
  conn.close();
}

async function runOn(kind: 'sqlite' | 'postgres'): Promise<Row[]> {
  const db = await freshDatabase(kind);
  const config = core.loadConfig({
    NODE_ENV: 'production',
    PINGYI_DEMO: '1',
    PINGYI_SECRET: SECRET,
    PORT: '0',
    PINGYI_ADMIN_PASSWORD: 'bench-admin-password-1',
    ...db.env,
  });
  const server = await core.bootstrap(config, { host: '127.0.0.1', logLevels: ['error'] });
  try {
    const counts = async (): Promise<{ ballots: number; ratings: number }> => ({
      ballots: Number((await server.dataSource.query('SELECT COUNT(*) AS n FROM ballot'))[0].n),
      ratings: Number((await server.dataSource.query('SELECT COUNT(*) AS n FROM rating'))[0].n),
    });
    await server.app.get(core.BallotMixer).mixAll();
    const rows = [await measure(db, config, 'demo', await counts())];
    const campaignId = Number(
      (await server.dataSource.query('SELECT id FROM campaign ORDER BY year DESC, id LIMIT 1'))[0].id,
    );
    const inCampaign = Number(
      (await server.dataSource.query(`SELECT COUNT(*) AS n FROM ballot WHERE campaign_id = ${campaignId}`))[0].n,
    );
    await grow(server, campaignId, inCampaign);
    rows.push(await measure(db, config, `${TARGET_BALLOTS.toLocaleString('en')} ballots`, await counts()));
    return rows;
  } finally {
    await server.close();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const rows = [...(await runOn('sqlite')), ...((await pgReachable()) ? await runOn('postgres') : [])];
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(
    '\nBackup and restore (pingyi backup / restore) against the baseline (SQLite: .backup() file to file; PostgreSQL: pg_dump -Fc / pg_restore)',
  );
  console.log(
    '| database | campaign | ballots (all campaigns) | ratings | backup | baseline | ratio | backup size | baseline size | restore | baseline | ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.database} | ${r.campaign} | ${r.ballots.toLocaleString('en')} | ${r.ratings.toLocaleString('en')} | ${s(r.backupMs)} | ${s(r.baseBackupMs)} | ${(r.backupMs / r.baseBackupMs).toFixed(2)}× | ${mb(r.backupBytes)} | ${mb(r.baseBytes)} | ${s(r.restoreMs)} | ${s(r.baseRestoreMs)} | ${(r.restoreMs / r.baseRestoreMs).toFixed(2)}× |`,
    );
  fs.mkdirSync('reports', { recursive: true });
  fs.writeFileSync('reports/bench-backup.json', `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
}

runBench('backup', main);
