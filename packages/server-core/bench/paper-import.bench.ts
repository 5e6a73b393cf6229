// Paper import benchmark: 10,000 ballots × 80 units keyed in a CSV, uploaded
// and imported through the real server (REST upload → streaming check →
// one bulk transaction), against a bulk insert of the same rows through the
// raw driver in the same run (better-sqlite3 prepared statements in one
// transaction; COPY on PostgreSQL). Also the peak memory above idle, for
// 10,000 and 30,000 ballots (it should not grow with the file).
// Each case runs in its own process so its peak memory is its own.
// Run: npm run bench (builds first; this file uses dist/).
import { Logger } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as core from '../dist/index.js';
import {
  ADMIN_PASSWORD,
  benchCampaign,
  freshDatabase,
  gql,
  LEVEL_CODES,
  LEVEL_LABELS,
  login,
  mb,
  pgReachable,
  runBench,
  UNIT_CODES,
  writeReport,
} from './bench-kit';

interface CaseResult {
  database: 'sqlite' | 'postgres';
  ballots: number;
  ratings: number;
  csvBytes: number;
  pipelineMs: number;
  checkMs: number | null;
  writeMs: number | null;
  rawMs: number | null;
  idleRss: number;
  peakRssAboveIdle: number;
}

// A level for every cell, so every ballot rates all 80 units (800,000 ratings).
const levelOf = (row: number, unit: number): number => (row * 31 + unit * 7) % 6;

function csvOf(ballots: number): string {
  const lines = [`group,${UNIT_CODES.join(',')}`];
  for (let r = 0; r < ballots; r += 1)
    lines.push(
      `${r % 4 === 0 ? '企业代表' : '城乡居民'},${UNIT_CODES.map((_, u) => LEVEL_LABELS[levelOf(r, u)]).join(',')}`,
    );
  return `${lines.join('\n')}\n`;
}

async function runCase(database: 'sqlite' | 'postgres', ballots: number, withBaseline: boolean): Promise<CaseResult> {
  const db = await freshDatabase(database);
  const timings: { checkMs?: number; writeMs?: number } = {};
  Logger.overrideLogger({
    log: (message: unknown) => {
      const text = String(message);
      const checked = /checked in (\d+) ms/.exec(text);
      const written = /written in (\d+) ms/.exec(text);
      if (checked) timings.checkMs = Number(checked[1]);
      if (written) timings.writeMs = Number(written[1]);
    },
    warn: (message: unknown) => console.warn(String(message)),
    error: (message: unknown) => console.error(String(message)),
  });
  const config = {
    ...core.loadConfig({
      NODE_ENV: 'test',
      PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PINGYI_DEMO: '0',
      PORT: '0',
      ...db.env,
    }),
    synchronize: false,
  };
  const server = await core.bootstrap(config, { host: '127.0.0.1', logLevels: ['log', 'warn', 'error'] });
  try {
    const token = await login(server.url);
    const campaignId = await benchCampaign(server.url, token);
    const batch = await gql<{ createPaperBatch: { id: string } }>(
      server.url,
      `mutation($c: ID!) { createPaperBatch(campaignId: $c, code: "bench") { ... on PaperBatch { id } ... on ErrorResult { errorCode message } } }`,
      { c: campaignId },
      token,
    );
    const body = new TextEncoder().encode(csvOf(ballots));
    (globalThis as { gc?: () => void }).gc?.();
    const idleRss = process.memoryUsage().rss;
    const start = performance.now();
    const response = await fetch(
      `${server.url}/paper-batches/${batch.createPaperBatch.id}/keyings/1?name=bench.csv&wait=1`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
      },
    );
    const answer = (await response.json()) as { batch?: { state: string; ballots: number } };
    const pipelineMs = performance.now() - start;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    if (answer.batch?.state !== 'imported' || answer.batch.ballots !== ballots)
      throw new Error(`import failed: ${JSON.stringify(answer).slice(0, 500)}`);
    const ratingCount = Number((await server.dataSource.query('SELECT COUNT(*) AS n FROM rating'))[0].n);
    if (ratingCount !== ballots * UNIT_CODES.length)
      throw new Error(`expected ${ballots * UNIT_CODES.length} ratings, found ${ratingCount}`);

    let rawMs: number | null = null;
    if (withBaseline) {
      // the same rows, new ids, into the same (emptied) tables, through the bare driver
      await server.dataSource.query('DELETE FROM rating');
      await server.dataSource.query('DELETE FROM ballot');
      const bureauId = Number(
        (await server.dataSource.query('SELECT bureau_id FROM campaign WHERE id = ' + Number(campaignId)))[0].bureau_id,
      );
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      // in the order of the new ids, as the import writes them (either side may use that)
      const ids = Array.from({ length: ballots }, () => randomUUID());
      const order = ids.map((_, r) => r).sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
      const group = (r: number): string => (r % 4 === 0 ? 'enterprises' : 'residents');
      rawMs =
        database === 'sqlite'
          ? rawSqlite(config, ids, order, group, bureauId, Number(campaignId), today)
          : await rawCopy(db.url as string, ids, order, group, bureauId, Number(campaignId), today);
      const again = Number((await server.dataSource.query('SELECT COUNT(*) AS n FROM rating'))[0].n);
      if (again !== ballots * UNIT_CODES.length) throw new Error(`baseline stored ${again} ratings`);
    }
    return {
      database,
      ballots,
      ratings: ballots * UNIT_CODES.length,
      csvBytes: body.length,
      pipelineMs,
      checkMs: timings.checkMs ?? null,
      writeMs: timings.writeMs ?? null,
      rawMs,
      idleRss,
      peakRssAboveIdle: Math.max(peakRss - idleRss, 0),
    };
  } finally {
    await server.close();
    await db.drop();
  }
}

interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction(fn: () => void): () => void;
  pragma(sql: string): unknown;
  close(): void;
}

// Units in code order, so each ballot's ratings arrive in primary-key order.
const SORTED_UNITS = UNIT_CODES.map((_, u) => u).sort((a, b) =>
  (UNIT_CODES[a] as string) < (UNIT_CODES[b] as string) ? -1 : 1,
);

function rawSqlite(
  config: core.PingyiConfig,
  ids: string[],
  order: number[],
  group: (r: number) => string,
  bureauId: number,
  campaignId: number,
  today: string,
): number {
  if (config.database.type !== 'sqlite') throw new Error('expected SQLite');
  const Database = createRequire(__filename)('better-sqlite3') as new (file: string) => SqliteDatabase;
  const db = new Database(config.database.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536'); // the 64 MiB the import uses
  try {
    const ballot = db.prepare(
      "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, paper_batch_id) VALUES (?, ?, ?, ?, 'paper', ?, NULL)",
    );
    const rating = db.prepare(
      'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (?, ?, ?, ?, ?)',
    );
    const start = performance.now();
    db.transaction(() => {
      for (const r of order) {
        const id = ids[r] as string;
        ballot.run(id, bureauId, campaignId, group(r), today);
        for (const u of SORTED_UNITS) rating.run(id, UNIT_CODES[u], campaignId, group(r), LEVEL_CODES[levelOf(r, u)]);
      }
    })();
    return performance.now() - start;
  } finally {
    db.close();
  }
}

async function rawCopy(
  url: string,
  ids: string[],
  order: number[],
  group: (r: number) => string,
  bureauId: number,
  campaignId: number,
  today: string,
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    await client.query('BEGIN');
    await pipeline(
      Readable.from(
        (function* rows() {
          for (const r of order) yield `${ids[r]}\t${bureauId}\t${campaignId}\t${group(r)}\tpaper\t${today}\n`;
        })(),
      ),
      client.query(
        copyFrom('COPY ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on) FROM STDIN'),
      ),
    );
    await pipeline(
      Readable.from(
        (function* rows() {
          for (const r of order) {
            let chunk = '';
            for (const u of SORTED_UNITS)
              chunk += `${ids[r]}\t${UNIT_CODES[u]}\t${campaignId}\t${group(r)}\t${LEVEL_CODES[levelOf(r, u)]}\n`;
            yield chunk;
          }
        })(),
      ),
      client.query(
        copyFrom('COPY rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) FROM STDIN'),
      ),
    );
    await client.query('COMMIT');
    return performance.now() - start;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--case='))?.slice(7);
  if (only) {
    const [database, ballots, baseline] = only.split(':');
    const result = await runCase(database as 'sqlite' | 'postgres', Number(ballots), baseline === 'baseline');
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  const cases = ['sqlite:10000:baseline', 'sqlite:30000'];
  if (await pgReachable()) cases.push('postgres:10000:baseline', 'postgres:30000');
  const results: CaseResult[] = [];
  for (const c of cases) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', ...process.execArgv, path.resolve(__filename), `--case=${c}`],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: process.env },
    );
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`case ${c} failed:\n${run.stdout}\n${run.stderr}`);
    results.push(JSON.parse(line.slice(7)) as CaseResult);
  }
  console.log(
    '\nPaper import: CSV upload → streaming check → one bulk transaction, against the raw driver (same rows, same tables)\n',
  );
  console.log(
    'database  ballots  ratings    CSV     pipeline ms  check ms  write ms  raw ms  pipeline/raw  write/raw  peak RSS above idle',
  );
  for (const r of results) {
    console.log(
      [
        r.database.padEnd(8),
        String(r.ballots).padStart(7),
        String(r.ratings).padStart(8),
        mb(r.csvBytes).padStart(6),
        r.pipelineMs.toFixed(0).padStart(11),
        String(r.checkMs ?? '-').padStart(8),
        String(r.writeMs ?? '-').padStart(8),
        (r.rawMs === null ? '-' : r.rawMs.toFixed(0)).padStart(6),
        (r.rawMs === null ? '-' : `${(r.pipelineMs / r.rawMs).toFixed(2)}x`).padStart(12),
        (r.rawMs === null || r.writeMs === null ? '-' : `${(r.writeMs / r.rawMs).toFixed(2)}x`).padStart(9),
        mb(r.peakRssAboveIdle).padStart(19),
      ].join('  '),
    );
  }
  console.log(
    '\nraw = better-sqlite3 prepared INSERTs in one transaction (SQLite), COPY FROM STDIN in one transaction (PostgreSQL).',
  );
  console.log(
    'Goals: pipeline ≤ 2× raw on SQLite, ≤ 3× COPY on PostgreSQL; peak memory under 300 MB above idle whatever the size.',
  );
  writeReport('paper-import', { measuredAt: new Date().toISOString(), node: process.version, results });
}

runBench('paper-import', main);
