import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Client } from 'pg';
import { collectEntities, collectMigrations, type PingyiFeature } from '../common/pingyi-feature';
import { type PingyiConfig } from '../config/pingyi-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { initializeDataSource } from '../database/dialect';
import { featuresOf } from '../pingyi-server.module';
import { BackupError } from './backup-error';
import { type BackupManifest, type BackupTable, readVerifiedManifest } from './backup-manifest';
import {
  insertionOrder,
  openPostgres,
  openSqlite,
  postgresTables,
  quoteIdent,
  sqliteTables,
  type TableInfo,
} from './raw-database';
import { type CellValue, readTableFile } from './table-file';

/** Rows per INSERT on PostgreSQL (its limit is 65,535 parameters a statement). */
const PG_PARAMETERS = 30_000;

export interface RestoreOptions {
  /** The backup folder (`manifest.json` and the files it lists). */
  readonly from: string;
  readonly features?: readonly PingyiFeature[];
  readonly log?: (line: string) => void;
}

export interface RestoreResult {
  readonly manifest: BackupManifest;
  readonly rows: number;
  /** Migrations run after the rows were in: the backup's schema was older. */
  readonly upgradedBy: readonly string[];
}

/**
 * Restores a backup into an empty database (the configured one) and its
 * evidence files into the data folder: every checksum checked first, the
 * schema built by the migrations up to the backup's version, the rows
 * inserted (referenced tables first), sequences moved past the ids, then the
 * migrations newer than the backup run on the restored data. Refuses a
 * database that holds tables, a backup of the other database kind, and a
 * backup from a newer schema than this server knows.
 */
export async function restoreBackup(config: PingyiConfig, options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined);
  const from = path.resolve(options.from);
  const manifest = await readVerifiedManifest(from);
  if (manifest.database !== config.database.type)
    throw new BackupError(
      `${from}: this backup is of a ${manifest.database} database and cannot be restored into ${config.database.type}; restore it into ${manifest.database} (set ${manifest.database === 'postgres' ? 'DATABASE_URL' : 'PINGYI_DATA_DIR without DATABASE_URL'})`,
    );
  const features = options.features ?? featuresOf();
  const all = collectMigrations(features);
  const names = all.map((migration) => migration.name);
  manifest.schema.migrations.forEach((name, index) => {
    if (names[index] !== name)
      throw new BackupError(
        `${from}: the backup's schema has migration "${name}" where this server has ${names[index] ? `"${names[index]}"` : 'none'}: it was taken by a newer Pingyi or with a plugin this server lacks`,
      );
  });
  await assertEmpty(config);
  const entities = collectEntities(features);
  const atBackup = all.slice(0, manifest.schema.migrations.length);
  const base = buildDataSourceOptions(config, { entities, migrations: atBackup });
  await (await initializeDataSource({ ...base, migrationsRun: true })).destroy();
  log(`schema built at ${manifest.schema.version ?? 'no migration'}`);
  const rows =
    config.database.type === 'postgres'
      ? await insertPostgres(config.database.url, from, manifest)
      : await insertSqlite(config.database.file, from, manifest);
  log(`${rows} rows restored`);
  const upgraded = await initializeDataSource({
    ...buildDataSourceOptions(config, { entities, migrations: all }),
    migrationsRun: false,
  });
  let upgradedBy: string[];
  try {
    upgradedBy = (await upgraded.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } finally {
    await upgraded.destroy();
  }
  if (upgradedBy.length > 0) log(`upgraded by ${upgradedBy.length} migrations: ${upgradedBy.join(', ')}`);
  for (const attachment of manifest.attachments) {
    const target = path.join(config.dataDir, attachment.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(from, attachment.file), target);
  }
  return { manifest, rows, upgradedBy };
}

async function assertEmpty(config: PingyiConfig): Promise<void> {
  if (config.database.type === 'sqlite') {
    if (!fs.existsSync(config.database.file)) return;
    const db = openSqlite(config.database.file, { fileMustExist: true });
    try {
      if (sqliteTables(db).length > 0)
        throw new BackupError(
          `${config.database.file}: the database is not empty; restore into a new data folder (PINGYI_DATA_DIR)`,
        );
    } finally {
      db.close();
    }
    return;
  }
  const client = await openPostgres(config.database.url);
  try {
    if ((await postgresTables(client)).length > 0)
      throw new BackupError(
        'the database at DATABASE_URL is not empty; create a new one (createdb) and restore into it',
      );
  } finally {
    await client.end();
  }
}

function tableOf(
  manifest: BackupManifest,
  schema: readonly TableInfo[],
  from: string,
): { table: TableInfo; stored: BackupTable }[] {
  const stored = new Map(manifest.tables.map((table) => [table.name, table]));
  for (const name of stored.keys())
    if (!schema.some((table) => table.name === name))
      throw new BackupError(`${from}: table ${name} of the backup is not in the schema its migrations built`);
  return insertionOrder(schema).flatMap((table) => {
    const entry = stored.get(table.name);
    if (!entry) return [];
    for (const column of entry.columns)
      if (!table.columns.includes(column))
        throw new BackupError(`${from}: column ${table.name}.${column} of the backup is not in the schema`);
    return [{ table, stored: entry }];
  });
}

async function insertSqlite(file: string, from: string, manifest: BackupManifest): Promise<number> {
  const db = openSqlite(file, { fileMustExist: true });
  let count = 0;
  try {
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN');
    for (const { table, stored } of tableOf(manifest, sqliteTables(db), from)) {
      const insert = db.prepare(
        `INSERT INTO ${quoteIdent(table.name)} (${stored.columns.map(quoteIdent).join(', ')}) VALUES (${stored.columns.map(() => '?').join(', ')})`,
      );
      for await (const { rows } of readTableFile(path.join(from, stored.file), 2_000)) {
        for (const row of rows) insert.run(...row);
        count += rows.length;
      }
    }
    const broken = db.prepare('PRAGMA foreign_key_check').all();
    if (broken.length > 0)
      throw new BackupError(
        `${from}: ${broken.length} rows reference rows missing from the backup (first: ${JSON.stringify(broken[0])})`,
      );
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  } finally {
    db.pragma('foreign_keys = ON');
    db.close();
  }
  return count;
}

async function insertPostgres(url: string, from: string, manifest: BackupManifest): Promise<number> {
  const client: Client = await openPostgres(url);
  let count = 0;
  try {
    await client.query('BEGIN');
    for (const { table, stored } of tableOf(manifest, await postgresTables(client), from)) {
      // a column referencing its own table is filled in a second pass, once every row exists
      const selfColumns = table.references
        .filter((reference) => reference.table === table.name)
        .map((reference) => stored.columns.indexOf(reference.column))
        .filter((index) => index >= 0);
      const later: { key: CellValue[]; values: CellValue[] }[] = [];
      const keyIndexes = table.primaryKey.map((column) => stored.columns.indexOf(column));
      const perStatement = Math.max(1, Math.floor(PG_PARAMETERS / stored.columns.length));
      for await (const { rows } of readTableFile(path.join(from, stored.file), perStatement)) {
        const params: CellValue[] = [];
        const tuples = rows.map((row) => {
          if (selfColumns.some((index) => row[index] !== null))
            later.push({
              key: keyIndexes.map((index) => row[index] ?? null),
              values: selfColumns.map((index) => row[index] ?? null),
            });
          const values = row.map((value, index) => (selfColumns.includes(index) ? null : value));
          const start = params.length;
          params.push(...values);
          return `(${values.map((_, index) => `$${start + index + 1}`).join(', ')})`;
        });
        await client.query(
          `INSERT INTO ${quoteIdent(table.name)} (${stored.columns.map(quoteIdent).join(', ')}) VALUES ${tuples.join(', ')}`,
          params,
        );
        count += rows.length;
      }
      for (const { key, values } of later) {
        const sets = selfColumns.map((index, i) => `${quoteIdent(stored.columns[index] ?? '')} = $${i + 1}`);
        const where = table.primaryKey.map((column, i) => `${quoteIdent(column)} = $${selfColumns.length + i + 1}`);
        await client.query(`UPDATE ${quoteIdent(table.name)} SET ${sets.join(', ')} WHERE ${where.join(' AND ')}`, [
          ...values,
          ...key,
        ]);
      }
    }
    // serial and identity columns continue after the restored ids
    const sequences = await client.query<{ table: string; column: string; sequence: string }>(
      `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
         FROM information_schema.columns WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
    );
    for (const { table, column, sequence } of sequences.rows) {
      if (!sequence) continue;
      await client.query(
        `SELECT setval($1, COALESCE((SELECT MAX(${quoteIdent(column)}) FROM ${quoteIdent(table)}), 0) + 1, false)`,
        [sequence],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return count;
}
