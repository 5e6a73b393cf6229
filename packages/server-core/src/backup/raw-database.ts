import { createRequire } from 'node:module';
import { Client, type ClientConfig } from 'pg';

/** The few better-sqlite3 calls backup and restore make (the driver is loaded at run time, as TypeORM does). */
export interface SqliteHandle {
  prepare(sql: string): {
    all(...params: unknown[]): Record<string, unknown>[];
    run(...params: unknown[]): unknown;
    raw(on: boolean): { iterate(...params: unknown[]): IterableIterator<unknown[]> };
  };
  pragma(sql: string, options?: { simple: boolean }): unknown;
  exec(sql: string): void;
  backup(destination: string): Promise<unknown>;
  close(): void;
}

export function openSqlite(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): SqliteHandle {
  const Database = createRequire(__filename)('better-sqlite3') as new (file: string, options: object) => SqliteHandle;
  return new Database(file, { timeout: 10_000, ...options });
}

/** A PostgreSQL client that hands every value back as PostgreSQL's own text form (lossless, and what an insert accepts back). */
export async function openPostgres(url: string): Promise<Client> {
  const config: ClientConfig = { connectionString: url, types: { getTypeParser: () => (value: string) => value } };
  const client = new Client(config);
  await client.connect();
  return client;
}

/** A table as backup and restore see it. */
export interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  readonly primaryKey: readonly string[];
  /** Tables this one references (foreign keys), itself included when it references itself. */
  readonly references: readonly { readonly column: string; readonly table: string }[];
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function sqliteTables(db: SqliteHandle): TableInfo[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => String(row.name));
  return names.map((name) => {
    const columns = db.prepare(`PRAGMA table_info(${quoteIdent(name)})`).all() as { name: string; pk: number }[];
    const keys = db.prepare(`PRAGMA foreign_key_list(${quoteIdent(name)})`).all() as { table: string; from: string }[];
    return {
      name,
      columns: columns.map((column) => column.name),
      primaryKey: columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      references: keys.map((key) => ({ column: key.from, table: key.table })),
    };
  });
}

export async function postgresTables(client: Client): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const columns = await client.query<{ table: string; name: string }>(
    'SELECT table_name AS table, column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
  );
  const keys = await client.query<{ table: string; column: string; position: string }>(
    `SELECT c.relname AS table, a.attname AS column, array_position(i.indkey::int2[], a.attnum) AS position
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
      WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace`,
  );
  const references = await client.query<{ table: string; column: string; target: string }>(
    `SELECT c.relname AS table, a.attname AS column, t.relname AS target
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`,
  );
  return tables.rows.map(({ name }) => ({
    name,
    columns: columns.rows.filter((row) => row.table === name).map((row) => row.name),
    primaryKey: keys.rows
      .filter((row) => row.table === name)
      .sort((a, b) => Number(a.position) - Number(b.position))
      .map((row) => row.column),
    references: references.rows
      .filter((row) => row.table === name)
      .map((row) => ({ column: row.column, table: row.target })),
  }));
}

/**
 * Tables in an order where every referenced table comes first (self
 * references aside: those columns are filled in a second pass). Throws on a
 * cycle between tables, which the schema does not have.
 */
export function insertionOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableInfo, trail: readonly string[]): void => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting')
      throw new Error(`foreign keys form a cycle: ${[...trail, table.name].join(' → ')}`);
    state.set(table.name, 'visiting');
    for (const reference of table.references) {
      const target = byName.get(reference.table);
      if (target && target.name !== table.name) visit(target, [...trail, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, []);
  return ordered;
}
