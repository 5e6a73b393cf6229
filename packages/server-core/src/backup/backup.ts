import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { type Client } from 'pg';
import { type PingyiFeature } from '../common/pingyi-feature';
import { type PingyiConfig } from '../config/pingyi-config';
import { featuresOf } from '../pingyi-server.module';
import { BackupError } from './backup-error';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupFile,
  type BackupManifest,
  type BackupTable,
  describeFile,
  EXCLUDED_TABLES,
  MANIFEST_FILE,
} from './backup-manifest';
import { flushBallotBox } from './box-flush';
import {
  openPostgres,
  openSqlite,
  postgresTables,
  quoteIdent,
  type SqliteHandle,
  sqliteTables,
  type TableInfo,
} from './raw-database';
import { writeTableFile } from './table-file';

const run = promisify(execFile);
/** Flush-and-snapshot attempts while ballots keep arriving in the box. */
const ATTEMPTS = 5;
const FETCH_ROWS = 5_000;

export interface BackupOptions {
  /** The backup folder: created, or empty. */
  readonly out: string;
  /** PostgreSQL: also `pg_dump --format=custom` of the same snapshot into `database.pgdump` (needs `pg_dump` on the PATH). */
  readonly pgDump?: boolean;
  /** Features whose tables the database holds (default: the core's). */
  readonly features?: readonly PingyiFeature[];
  /** Progress lines (the CLI prints them on stderr). */
  readonly log?: (line: string) => void;
}

export interface BackupResult {
  readonly manifest: BackupManifest;
  readonly bytes: number;
  /** Ballots the box held that were counted before the snapshot. */
  readonly flushed: number;
}

/** What a backup reads: one consistent snapshot of the database. */
interface Snapshot {
  readonly tables: readonly TableInfo[];
  boxCount(): Promise<number>;
  migrations(): Promise<string[]>;
  rows(table: TableInfo): AsyncIterable<unknown[]>;
  /** PostgreSQL: the exported snapshot id, for pg_dump --snapshot. */
  readonly snapshotId?: string;
  close(): Promise<void>;
}

/**
 * Writes a backup of the configured database and its evidence files into
 * `options.out`, while the server runs: one table file per table (gzip JSON
 * lines, rows in primary-key order, i.e. random ids for ballots and
 * opinions), the attachments, and `manifest.json` with the schema version
 * (the migrations run) and a SHA-256 per file.
 *
 * Consistent: SQLite is copied with the online backup API, PostgreSQL read in
 * one REPEATABLE READ transaction. Anonymous: the ballot box is emptied into
 * the counted tables first (as a mixer instance would), and a snapshot that
 * still holds a sealed ballot is retaken, up to 5 times, then refused; the
 * server secret, sign-in tokens and throttle counters are never copied.
 */
export async function createBackup(config: PingyiConfig, options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined);
  const features = options.features ?? featuresOf();
  const out = path.resolve(options.out);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0)
    throw new BackupError(`${out}: the backup folder must be new or empty`);
  fs.mkdirSync(path.join(out, 'tables'), { recursive: true });
  if (options.pgDump && config.database.type !== 'postgres')
    throw new BackupError(
      '--pg-dump is for PostgreSQL (DATABASE_URL); a SQLite backup is taken with the online backup API',
    );
  let flushed = 0;
  let snapshot: Snapshot | undefined;
  for (let attempt = 1; ; attempt += 1) {
    snapshot = await openSnapshot(config, out);
    const waiting = await snapshot.boxCount();
    if (waiting === 0) break;
    await snapshot.close();
    if (attempt === ATTEMPTS)
      throw new BackupError(
        `${waiting} ballots were still waiting in the ballot box after ${ATTEMPTS} attempts to count them (casting is at its peak): retry later; a backup never holds unmixed ballots`,
      );
    log(`counting ${waiting} ballots waiting in the ballot box before the snapshot`);
    flushed += await flushBallotBox(config, features);
  }
  try {
    const migrations = await snapshot.migrations();
    const tables: BackupTable[] = [];
    for (const table of snapshot.tables) {
      if ((EXCLUDED_TABLES as readonly string[]).includes(table.name)) continue;
      const file = `tables/${table.name}.jsonl.gz`;
      const rows = await writeTableFile(path.join(out, file), table.columns, snapshot.rows(table));
      tables.push({ name: table.name, columns: table.columns, rows, ...(await describeFile(out, file)) });
    }
    log(`${tables.length} tables, ${tables.reduce((sum, table) => sum + table.rows, 0)} rows`);
    const pgDump = options.pgDump && snapshot.snapshotId ? await dumpPostgres(config, out, snapshot.snapshotId) : null;
    const attachments = await copyAttachments(config.dataDir, out);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: config.database.type,
      schema: { version: migrations.at(-1) ?? null, migrations },
      tables,
      attachments,
      pgDump,
      excludedTables: [...EXCLUDED_TABLES],
    };
    fs.writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const bytes =
      [...tables, ...attachments, ...(pgDump ? [pgDump] : [])].reduce((sum, file) => sum + file.bytes, 0) +
      fs.statSync(path.join(out, MANIFEST_FILE)).size;
    return { manifest, bytes, flushed };
  } finally {
    await snapshot.close();
  }
}

async function openSnapshot(config: PingyiConfig, out: string): Promise<Snapshot> {
  return config.database.type === 'postgres'
    ? postgresSnapshot(config.database.url)
    : sqliteSnapshot(config.database.file, out);
}

// The online backup API copies the live file page by page (restarting when a
// writer changes it), into a file of the backup folder read and then deleted.
async function sqliteSnapshot(file: string, out: string): Promise<Snapshot> {
  if (!fs.existsSync(file))
    throw new BackupError(`${file}: no SQLite database there (set PINGYI_DATA_DIR to the server's data folder)`);
  const copy = path.join(out, '.snapshot.sqlite');
  const live = openSqlite(file, { fileMustExist: true });
  try {
    await live.backup(copy);
  } finally {
    live.close();
  }
  const db: SqliteHandle = openSqlite(copy, { readonly: true, fileMustExist: true });
  const tables = sqliteTables(db);
  const has = (name: string): boolean => tables.some((table) => table.name === name);
  return {
    tables,
    boxCount: () =>
      Promise.resolve(has('ballot_box') ? Number(db.prepare('SELECT COUNT(*) AS n FROM ballot_box').all()[0]?.n) : 0),
    migrations: () =>
      Promise.resolve(
        has('migrations')
          ? db
              .prepare('SELECT name FROM migrations ORDER BY id')
              .all()
              .map((row) => String(row.name))
          : [],
      ),
    rows: (table) =>
      iterateAsync(
        db
          .prepare(`SELECT ${table.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table.name)}${orderBy(table)}`)
          .raw(true)
          .iterate(),
      ),
    close: () => {
      db.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${copy}${suffix}`, { force: true });
      return Promise.resolve();
    },
  };
}

async function* iterateAsync(rows: IterableIterator<unknown[]>): AsyncGenerator<unknown[]> {
  let n = 0;
  for (const row of rows) {
    yield row;
    // let the event loop breathe on large tables
    if ((n += 1) % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function postgresSnapshot(url: string): Promise<Snapshot> {
  const client: Client = await openPostgres(url);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const snapshotId = String((await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id);
  const tables = await postgresTables(client);
  const has = (name: string): boolean => tables.some((table) => table.name === name);
  let cursors = 0;
  return {
    tables,
    snapshotId,
    boxCount: async () =>
      has('ballot_box')
        ? Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM ballot_box')).rows[0]?.n)
        : 0,
    migrations: async () =>
      has('migrations')
        ? (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((row) => row.name)
        : [],
    rows: (table) => {
      const cursor = `backup_${(cursors += 1)}`;
      return (async function* () {
        await client.query(
          `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${table.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table.name)}${orderBy(table)}`,
        );
        for (;;) {
          const page = await client.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM ${cursor}`, rowMode: 'array' });
          for (const row of page.rows) yield row;
          if (page.rows.length < FETCH_ROWS) break;
        }
        await client.query(`CLOSE ${cursor}`);
      })();
    },
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

const orderBy = (table: TableInfo): string => {
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  return key.length > 0 ? ` ORDER BY ${key.map(quoteIdent).join(', ')}` : '';
};

// pg_dump of the very snapshot checked to hold an empty box (its transaction stays open meanwhile)
async function dumpPostgres(config: PingyiConfig, out: string, snapshotId: string): Promise<BackupFile> {
  if (config.database.type !== 'postgres') throw new Error('unreachable');
  const file = 'database.pgdump';
  const args = [
    '--format=custom',
    '--no-owner',
    `--snapshot=${snapshotId}`,
    ...EXCLUDED_TABLES.filter((name) => name !== 'migrations' && name !== 'ballot_box').map(
      (name) => `--exclude-table-data=${name}`,
    ),
    `--file=${path.join(out, file)}`,
    `--dbname=${config.database.url}`,
  ];
  try {
    await run('pg_dump', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? "pg_dump is not on the PATH (install the PostgreSQL client of the server's version)"
        : String((error as { stderr?: string }).stderr || (error as Error).message).trim();
    throw new BackupError(`pg_dump failed: ${reason}`);
  }
  return describeFile(out, file);
}

async function copyAttachments(dataDir: string, out: string): Promise<BackupFile[]> {
  const source = path.join(dataDir, 'attachments');
  if (!fs.existsSync(source)) return [];
  const copied: BackupFile[] = [];
  for (const entry of fs.readdirSync(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const relative = path.join('attachments', path.relative(source, path.join(entry.parentPath, entry.name)));
    fs.mkdirSync(path.dirname(path.join(out, relative)), { recursive: true });
    fs.copyFileSync(path.join(dataDir, relative), path.join(out, relative));
    copied.push(await describeFile(out, relative));
  }
  return copied.sort((a, b) => a.file.localeCompare(b.file));
}
