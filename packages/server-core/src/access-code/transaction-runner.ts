import { type DataSource } from 'typeorm';

// Writes that must be atomic and fast (redeeming a code and storing its
// ballot, issuing a batch of codes, importing a paper batch) run as a fixed
// list of SQL steps in one transaction, the same on both databases.
//
// SQLite: TypeORM shares one better-sqlite3 connection, and an async TypeORM
// transaction lets other requests' statements run inside it while it awaits.
// So the steps run synchronously through the driver, once the connection has
// no transaction open: nothing can interleave with them, and they never run
// inside someone else's transaction. PostgreSQL: a pooled connection of its own.

/** One statement; `?` placeholders (turned into `$1`… on PostgreSQL). */
export interface SqlStep {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /** Roll everything back and report this step when it changes another number of rows. */
  readonly expectChanges?: number;
  /** Collect the rows it returns (`RETURNING`, `SELECT`); they are passed to later step functions. */
  readonly returnsRows?: boolean;
  /** Names the step in a failed {@link RunOutcome}. */
  readonly name?: string;
}

type StepRows = readonly (readonly Record<string, unknown>[])[];

/**
 * A step, steps made lazily (a generator: bulk inserts), or a function of the
 * rows earlier steps returned (e.g. the id of a new batch).
 */
export type StepSource = SqlStep | Iterable<SqlStep> | ((rows: StepRows) => SqlStep | Iterable<SqlStep>);

function* expand(source: StepSource, rows: StepRows): Generator<SqlStep> {
  const value = typeof source === 'function' ? source(rows) : source;
  if (Symbol.iterator in value) yield* value as Iterable<SqlStep>;
  else yield value;
}

/**
 * What a run did: the rows of the steps that return rows, in order; or the
 * step whose row count was not the expected one (everything rolled back).
 */
export type RunOutcome =
  | { readonly ok: true; readonly rows: StepRows }
  | { readonly ok: false; readonly failed: string; readonly changes: number };

interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): Record<string, unknown>[];
}
interface SqliteDatabase {
  readonly inTransaction: boolean;
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): { immediate(): T };
}

class Rollback extends Error {
  constructor(
    readonly failed: string,
    readonly changes: number,
  ) {
    super('rollback');
  }
}

const statementCaches = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();
const MAX_CACHED_STATEMENTS = 200;

/** Values SQLite can bind: booleans as 0/1, dates as ISO text. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/** `?` → `$1`, `$2`… (the steps never put `?` inside string literals). */
export function toPostgresPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${(i += 1)}`);
}

/** Runs {@link SqlStep} lists in one transaction on the server's database. */
export class TransactionRunner {
  readonly dialect: 'sqlite' | 'postgres';

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /**
   * Runs the steps in order in one transaction; see {@link RunOutcome}.
   * `cacheMiB` enlarges SQLite's page cache for this transaction only (bulk
   * writes into indexes larger than the default 2 MiB cache).
   */
  async run(steps: readonly StepSource[], options: { readonly cacheMiB?: number } = {}): Promise<RunOutcome> {
    return this.dialect === 'postgres' ? this.runOnPostgres(steps) : this.runOnSqlite(steps, options.cacheMiB);
  }

  /** A statement outside any transaction (counters, progress), on either database. */
  async query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    if (this.dialect === 'postgres') return this.dataSource.query(toPostgresPlaceholders(sql), [...params]);
    const db = this.sqlite();
    while (db.inTransaction) await this.connectionIdle(db);
    const statement = this.statement(db, sql);
    const bound = params.map(sqliteValue);
    return /^\s*(select|with)\b/i.test(sql) || /\breturning\b/i.test(sql) ? statement.all(...bound) : (statement.run(...bound), []);
  }

  private sqlite(): SqliteDatabase {
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
  }

  private statement(db: SqliteDatabase, sql: string): SqliteStatement {
    let cache = statementCaches.get(db);
    if (!cache) statementCaches.set(db, (cache = new Map()));
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (cache.size >= MAX_CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  }

  // Waits (without blocking) until no TypeORM transaction is open on the shared
  // connection. Callers check `inTransaction` again synchronously right before
  // their own work: other code may run while this promise resolves.
  private async connectionIdle(db: SqliteDatabase): Promise<void> {
    const started = Date.now();
    while (db.inTransaction) {
      if (Date.now() - started > 60_000) throw new Error('The SQLite connection stayed inside a transaction for a minute');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  private async runOnSqlite(steps: readonly StepSource[], cacheMiB?: number): Promise<RunOutcome> {
    const db = this.sqlite();
    while (db.inTransaction) await this.connectionIdle(db);
    // from here on nothing awaits until the transaction is over
    const rows: (readonly Record<string, unknown>[])[] = [];
    let index = 0;
    const cacheBefore = cacheMiB ? db.prepare('PRAGMA cache_size').all()[0]?.cache_size : undefined;
    if (cacheMiB) db.prepare(`PRAGMA cache_size = ${-Math.round(cacheMiB * 1024)}`).run();
    try {
      db.transaction(() => {
        for (const source of steps) {
          for (const step of expand(source, rows)) {
            const statement = this.statement(db, step.sql);
            const params = (step.params ?? []).map(sqliteValue);
            let changes: number;
            if (step.returnsRows) {
              const result = statement.all(...params);
              rows.push(result);
              changes = result.length;
            } else {
              changes = statement.run(...params).changes;
            }
            if (step.expectChanges !== undefined && changes !== step.expectChanges) throw new Rollback(step.name ?? `#${index}`, changes);
            index += 1;
          }
        }
      }).immediate();
    } catch (error) {
      if (error instanceof Rollback) return { ok: false, failed: error.failed, changes: error.changes };
      throw error;
    } finally {
      if (cacheBefore !== undefined) db.prepare(`PRAGMA cache_size = ${Number(cacheBefore)}`).run();
    }
    return { ok: true, rows };
  }

  private async runOnPostgres(steps: readonly StepSource[]): Promise<RunOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const rows: (readonly Record<string, unknown>[])[] = [];
    let index = 0;
    try {
      await runner.startTransaction();
      for (const source of steps) {
        for (const step of expand(source, rows)) {
          const result = await runner.query(toPostgresPlaceholders(step.sql), [...(step.params ?? [])], true);
          const changes = step.returnsRows ? result.records.length : (result.affected ?? 0);
          if (step.returnsRows) rows.push(result.records);
          if (step.expectChanges !== undefined && changes !== step.expectChanges) {
            await runner.rollbackTransaction();
            return { ok: false, failed: step.name ?? `#${index}`, changes };
          }
          index += 1;
        }
      }
      await runner.commitTransaction();
      return { ok: true, rows };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
