import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventLoopSlice } from '../common/event-loop-slice';
import {
  type RunOutcome,
  type StepSource,
  expandSteps,
  returnsRows,
  sqliteValue,
  toPostgresPlaceholders,
} from './sql-steps';
import { type SqliteConnection, type SqliteGate, sqliteGateOf, startReadSnapshot } from './sqlite-gate';
import { currentTransaction, withTransactionContext } from './transaction-context';

const MAX_CACHED_STATEMENTS = 200;

type SqliteStatement = ReturnType<SqliteConnection['prepare']>;
const statementCaches = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

function statementOf(db: SqliteConnection, sql: string): SqliteStatement {
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

class Rollback extends Error {
  constructor(
    readonly failed: string,
    readonly changes: number,
  ) {
    super('rollback');
  }
}

/**
 * The server's one way to run a transaction, on either database.
 *
 * - {@link run}: a TypeORM transaction; a call made inside another `run` (in
 *   the same request) joins it instead of opening a second one.
 * - {@link steps}: a fixed list of SQL steps in one transaction, for the hot
 *   and bulk writes (casting, issuing codes, paper imports).
 * - {@link read}: a read-only transaction whose statements all see one
 *   committed state (tallies that read several tables).
 * - {@link query}: one statement outside any transaction (counters, progress).
 *
 * On SQLite the connection is shared, so the gate (see `sqlite-gate.ts`)
 * serializes top-level transactions: one never runs inside another, and a long
 * write goes through a second connection in slices that yield to the event
 * loop, so reads, sign-ins and health checks are answered meanwhile. On
 * PostgreSQL each transaction has a pooled connection of its own.
 */
@Injectable()
export class Transactions {
  readonly dialect: 'sqlite' | 'postgres';

  constructor(private readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** The manager of the transaction the caller is in, else the data source's. */
  get manager(): EntityManager {
    return currentTransaction() ?? this.dataSource.manager;
  }

  /** Runs `work` in one transaction (joining the caller's, if it is in one); rolled back when it throws. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = currentTransaction();
    if (outer) return work(outer);
    return this.dataSource.transaction((manager) => withTransactionContext(manager, () => work(manager)));
  }

  /**
   * Runs `work` in one read-only transaction: every statement in it sees the
   * same committed state, whatever commits meanwhile (joining the caller's
   * transaction, if it is in one). On SQLite a read transaction on the shared
   * connection that does not wait for writers; on PostgreSQL REPEATABLE READ,
   * READ ONLY. Statements must go through the `manager` given.
   *
   * `replica`: the work tolerates a replica's lag (tallies shown, console
   * lists), so on PostgreSQL with `DATABASE_READ_URLS` it reads a replica.
   * Never for a read that decides a write: that reads the primary, in the
   * write's own transaction.
   */
  async read<T>(
    work: (manager: EntityManager) => Promise<T>,
    options: { readonly replica?: boolean } = {},
  ): Promise<T> {
    const outer = currentTransaction();
    if (outer) return work(outer);
    const runner = this.dataSource.createQueryRunner(options.replica ? 'slave' : 'master');
    try {
      if (this.dialect === 'postgres') {
        await runner.startTransaction('REPEATABLE READ');
        await runner.query('SET TRANSACTION READ ONLY');
      } else await startReadSnapshot(runner);
      const result = await withTransactionContext(runner.manager, () => work(runner.manager));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs the steps in order in one transaction of their own; see
   * {@link RunOutcome}. `cacheMiB` enlarges SQLite's page cache for this
   * transaction only (bulk writes into indexes larger than the default cache).
   */
  async steps(steps: readonly StepSource[], options: { readonly cacheMiB?: number } = {}): Promise<RunOutcome> {
    if (currentTransaction())
      throw new Error('Transactions.steps runs a transaction of its own: call it outside Transactions.run');
    return this.dialect === 'postgres'
      ? this.stepsOnPostgres(steps)
      : this.stepsOnSqlite(this.gate(), steps, options.cacheMiB);
  }

  /** A statement outside any transaction (or inside the caller's), on either database. */
  async query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    const outer = currentTransaction();
    if (outer) return this.queryWith(outer, sql, params);
    if (this.dialect === 'postgres') return this.dataSource.query(toPostgresPlaceholders(sql), [...params]);
    const gate = this.gate();
    const bound = params.map(sqliteValue);
    const read = returnsRows(sql);
    if (read && statementOf(gate.shared, sql).readonly)
      return gate.connection.runExclusive(() => statementOf(gate.shared, sql).all(...bound));
    return gate.exclusiveWrite((db) =>
      read ? statementOf(db, sql).all(...bound) : (statementOf(db, sql).run(...bound), []),
    );
  }

  /**
   * A statement written with `?` placeholders through the given manager (in its
   * transaction), on either database: `$1`… on PostgreSQL, SQLite's values
   * (booleans as 0/1, dates as text) on SQLite.
   */
  queryWith(manager: EntityManager, sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    if (this.dialect === 'postgres') return manager.query(toPostgresPlaceholders(sql), [...params]);
    return manager.query(sql, params.map(sqliteValue));
  }

  private gate(): SqliteGate {
    const gate = sqliteGateOf(this.dataSource);
    if (!gate) throw new Error('The SQLite data source was not opened with initializeDataSource (no transaction gate)');
    return gate;
  }

  private stepsOnSqlite(gate: SqliteGate, steps: readonly StepSource[], cacheMiB?: number): Promise<RunOutcome> {
    return gate.exclusiveWrite(async (db) => {
      const rows: (readonly Record<string, unknown>[])[] = [];
      const cacheBefore = cacheMiB ? db.prepare('PRAGMA cache_size').all()[0]?.cache_size : undefined;
      if (cacheMiB) db.prepare(`PRAGMA cache_size = ${-Math.round(cacheMiB * 1024)}`).run();
      statementOf(db, 'BEGIN IMMEDIATE').run();
      try {
        let index = 0;
        const slice = new EventLoopSlice();
        for (const source of steps) {
          for (const step of expandSteps(source, rows)) {
            const statement = statementOf(db, step.sql);
            const params = (step.params ?? []).map(sqliteValue);
            let changes: number;
            if (step.returnsRows) {
              const result = statement.all(...params);
              rows.push(result);
              changes = result.length;
            } else {
              changes = statement.run(...params).changes;
            }
            if (step.expectChanges !== undefined && changes !== step.expectChanges)
              throw new Rollback(step.name ?? `#${index}`, changes);
            index += 1;
            await slice.pause();
          }
        }
        statementOf(db, 'COMMIT').run();
        return { ok: true as const, rows };
      } catch (error) {
        if (db.inTransaction) statementOf(db, 'ROLLBACK').run();
        if (error instanceof Rollback) return { ok: false as const, failed: error.failed, changes: error.changes };
        throw error;
      } finally {
        if (cacheBefore !== undefined) db.prepare(`PRAGMA cache_size = ${Number(cacheBefore)}`).run();
      }
    });
  }

  private async stepsOnPostgres(steps: readonly StepSource[]): Promise<RunOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const rows: (readonly Record<string, unknown>[])[] = [];
    let index = 0;
    try {
      await runner.startTransaction();
      for (const source of steps) {
        for (const step of expandSteps(source, rows)) {
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

/** Provides {@link Transactions} to every module. */
@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class TransactionsModule {}
