// Pagination benchmark: lists over 10,000 rows through the real services
// (AuditService.list, UserService.list → paginate) on SQLite and PostgreSQL.
// Prints SQL statements per page (goal ≤ 3, no N+1) and the median time per
// page against the same queries written by hand and sent to the bare driver.
// Run: npm run bench (builds first; this file uses dist/).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import * as core from '../dist/index.js';
import { freshDatabase, pgReachable, runBench } from './bench-kit';

const ROWS = 10_000;
const REPEAT = 25;
const PAGES = [
  { skip: 0, take: 20 },
  { skip: 5_000, take: 20 },
  { skip: 9_900, take: 100 },
];

interface Row {
  database: string;
  list: string;
  skip: number;
  take: number;
  statements: number;
  ormMs: number;
  bareMs: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < REPEAT; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

type Bare = (sql: string, params: unknown[]) => Promise<unknown>;

async function runOn(
  database: 'sqlite' | 'postgres',
  config: core.PingyiConfig,
  bare: Bare,
  placeholder: (i: number) => string,
): Promise<Row[]> {
  const counter = new core.StatementCounter();
  const features = core.featuresOf();
  const dataSource = await core.initializeDataSource(
    core.buildDataSourceOptions(config, {
      entities: core.collectEntities(features),
      migrations: core.collectMigrations(features),
      logger: counter,
    }),
  );
  try {
    counter.pause();
    const bureau = await dataSource
      .getRepository(core.Bureau)
      .save({ code: 'bench', name: 'Bench bureau', host: true });
    const users = dataSource.getRepository(core.User);
    const entries = dataSource.getRepository(core.AuditEntry);
    const hash = 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    for (let i = 0; i < ROWS; i += 500) {
      const n = Math.min(500, ROWS - i);
      await users.insert(
        Array.from({ length: n }, (_, k) => ({
          bureauId: bureau.id,
          username: `user-${String(i + k).padStart(5, '0')}`,
          displayName: `User ${i + k}`,
          roles: [core.Role.office],
          unitCode: null,
          passwordHash: hash,
          active: true,
        })),
      );
      await entries.insert(
        Array.from({ length: n }, (_, k) => ({
          bureauId: bureau.id,
          calledByUserId: null,
          calledBy: `user-${(i + k) % 50}`,
          operation: (i + k) % 3 ? 'updateUser' : 'createUser',
          args: '{}',
          success: true,
          errorCode: null,
          requestId: null,
          ip: null,
          calledAt: new Date(Date.UTC(2025, 0, 1) + (i + k) * 60_000),
        })),
      );
    }
    counter.pause(false);
    const ctx = core.RequestContext.system({
      id: 1,
      username: 'bench',
      bureauId: bureau.id,
      roles: [core.Role.admin],
      unitCode: null,
    });
    const auditService = new core.AuditService(entries);
    const userService = new core.UserService(users, undefined as never);
    const p = placeholder;
    const lists = [
      {
        list: 'auditLog',
        orm: (skip: number, take: number) => auditService.list(ctx, { skip, take }),
        bare: (skip: number, take: number) =>
          Promise.all([
            bare(
              `SELECT id, bureau_id, called_by_user_id, called_by, operation, args, success, error_code, request_id, ip, called_at FROM audit_entry WHERE bureau_id = ${p(1)} ORDER BY called_at DESC, id DESC LIMIT ${p(2)} OFFSET ${p(3)}`,
              [bureau.id, take, skip],
            ),
            bare(`SELECT COUNT(*) AS n FROM audit_entry WHERE bureau_id = ${p(1)}`, [bureau.id]),
          ]),
      },
      {
        list: 'users',
        orm: (skip: number, take: number) => userService.list(ctx, { skip, take }),
        bare: (skip: number, take: number) =>
          Promise.all([
            bare(
              `SELECT id, bureau_id, username, display_name, roles, unit_code, password_hash, active, created_at, updated_at FROM app_user WHERE bureau_id = ${p(1)} ORDER BY username ASC, id ASC LIMIT ${p(2)} OFFSET ${p(3)}`,
              [bureau.id, take, skip],
            ),
            bare(`SELECT COUNT(*) AS n FROM app_user WHERE bureau_id = ${p(1)}`, [bureau.id]),
          ]),
      },
    ];
    const rows: Row[] = [];
    for (const { list, orm, bare: bareList } of lists) {
      for (const { skip, take } of PAGES) {
        const { result, statements } = await counter.measure(() => orm(skip, take));
        if (result.items.length !== Math.min(take, ROWS - skip) || result.totalItems !== ROWS) {
          throw new Error(`${database} ${list}: wrong page (${result.items.length} items, ${result.totalItems} total)`);
        }
        counter.pause();
        const ormMs = await time(() => orm(skip, take));
        const bareMs = await time(() => bareList(skip, take));
        counter.pause(false);
        rows.push({ database, list, skip, take, statements: statements.length, ormMs, bareMs });
      }
    }
    return rows;
  } finally {
    await dataSource.destroy();
  }
}

async function onSqlite(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-'));
  try {
    const config = core.loadConfig({ NODE_ENV: 'test', PINGYI_DATA_DIR: dir });
    if (config.database.type !== 'sqlite') throw new Error('expected SQLite');
    const file = config.database.file;
    let db: Database.Database | undefined;
    const bare: Bare = async (sql, params) => {
      db ??= new Database(file, { readonly: true });
      return db.prepare(sql).all(...params);
    };
    try {
      return await runOn('sqlite', config, bare, () => '?');
    } finally {
      db?.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Row[]> {
  if (!(await pgReachable())) return [];
  const pg = await freshDatabase('postgres');
  const client = new Client({ connectionString: pg.url });
  try {
    await client.connect();
    const config = core.loadConfig({ NODE_ENV: 'test', DATABASE_URL: pg.url as string });
    return await runOn(
      'postgres',
      config,
      (sql, params) => client.query(sql, params),
      (i) => `$${i}`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await pg.drop();
  }
}

async function main(): Promise<void> {
  const rows = [...(await onSqlite()), ...(await onPostgres())];
  console.log(`\nPaginated lists over ${ROWS.toLocaleString('en')} rows (median of ${REPEAT} runs per page)\n`);
  console.log('database  list      skip   take  statements  service ms  bare SQL ms  ratio');
  for (const r of rows) {
    console.log(
      [
        r.database.padEnd(8),
        r.list.padEnd(8),
        String(r.skip).padStart(5),
        String(r.take).padStart(5),
        String(r.statements).padStart(10),
        r.ormMs.toFixed(2).padStart(10),
        r.bareMs.toFixed(2).padStart(11),
        `${(r.ormMs / r.bareMs).toFixed(2)}x`.padStart(6),
      ].join('  '),
    );
  }
  const worst = Math.max(...rows.map((r) => r.statements));
  console.log(`\nStatements per page: at most ${worst} (goal ≤ 3).`);
  fs.mkdirSync('reports', { recursive: true });
  fs.writeFileSync(
    'reports/bench-pagination.json',
    JSON.stringify({ rows: ROWS, repeat: REPEAT, results: rows }, null, 2),
  );
  if (worst > 3) process.exitCode = 1;
}

runBench('pagination', main);
