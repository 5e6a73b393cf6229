import { Mutex, type MutexInterface } from 'async-mutex';
import { type DataSource, type QueryRunner } from 'typeorm';
import { type IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { type BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer';
import { currentTransaction } from './transaction-context';

// TypeORM's better-sqlite3 driver hands every caller one shared query runner
// on one connection: two overlapping transactions nest as savepoints of one,
// so one's rollback undoes the other's acknowledged work, and a statement sent
// while someone's transaction is open runs inside it. The gate fixes that
// under every caller at once:
// - each caller gets a query runner of its own (they share the connection and
//   the prepared statements);
// - `connection`: one transaction, or one statement outside any, at a time on
//   the shared connection;
// - `writer`: one writer at a time across connections, so the bulk writer's
//   own connection (see {@link SqliteGate.writerConnection}) never meets
//   SQLITE_BUSY, which better-sqlite3 would wait out by blocking the event loop.
// Lock order is always writer, then connection.

/** The part of better-sqlite3's Database this module uses. */
export interface SqliteConnection {
  readonly inTransaction: boolean;
  readonly memory: boolean;
  pragma(sql: string): unknown;
  prepare(sql: string): {
    run(...params: unknown[]): { changes: number };
    all(...params: unknown[]): Record<string, unknown>[];
    readonly readonly: boolean;
  };
  close(): void;
}

/** What the gate uses of TypeORM's better-sqlite3 driver. */
export interface SqliteDriverLike {
  readonly options: { readonly database?: unknown };
  readonly dataSource: { readonly logger: { log(level: 'warn', message: string): unknown } };
  readonly databaseConnection: unknown;
}

export class SqliteGate {
  /** One writer at a time, on either connection. */
  readonly writer = new Mutex();
  /** One transaction or statement at a time on TypeORM's shared connection. */
  readonly connection = new Mutex();
  /** Prepared statements of the shared connection, shared by its query runners. */
  readonly statements = new Map<string, unknown>();
  private writerDb: Promise<SqliteConnection> | undefined;
  private readonly checkpointer: Checkpointer | undefined;

  // typed by shape: a deep typeorm import would leak into the package's declarations
  constructor(private readonly driver: SqliteDriverLike) {
    if (this.shared.memory) return;
    this.shared.pragma('wal_autocheckpoint = 0');
    this.checkpointer = startCheckpointer(String(driver.options.database), (message) =>
      driver.dataSource.logger.log('warn', `WAL checkpoint: ${message}`),
    );
  }

  /** TypeORM's shared connection. */
  get shared(): SqliteConnection {
    return this.driver.databaseConnection as SqliteConnection;
  }

  /**
   * A second connection to the same file for long writes (paper imports): in
   * WAL mode readers on the shared connection keep their snapshot and are not
   * blocked while it writes. An in-memory database has no second connection,
   * so the shared one is used (under both locks).
   */
  writerConnection(): Promise<SqliteConnection> {
    if (this.shared.memory) return Promise.resolve(this.shared);
    this.writerDb ??= (this.driver as unknown as { createDatabaseConnection(): Promise<SqliteConnection> })
      .createDatabaseConnection()
      .then((db) => {
        db.pragma('wal_autocheckpoint = 0');
        return db;
      });
    return this.writerDb;
  }

  /** Runs `work` holding the writer lock (and the shared connection when that is the one written). */
  async exclusiveWrite<T>(work: (db: SqliteConnection) => Promise<T> | T): Promise<T> {
    return this.writer.runExclusive(async () => {
      const db = await this.writerConnection();
      if (db === this.shared) return this.connection.runExclusive(() => work(db));
      return work(db);
    });
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    const db = await this.writerDb;
    this.writerDb = undefined;
    if (db && db !== this.shared) db.close();
  }
}

const gates = new WeakMap<DataSource, SqliteGate>();

/** The gate of a SQLite data source (undefined on PostgreSQL). */
export function sqliteGateOf(dataSource: DataSource): SqliteGate | undefined {
  return gates.get(dataSource);
}

class GatedQueryRunner extends BetterSqlite3QueryRunner {
  held: MutexInterface.Releaser | undefined;
  /** A read snapshot (see {@link startReadSnapshot}): holds the shared connection only, refuses writes. */
  private reading = false;
  private joined: GatedQueryRunner | undefined;

  constructor(
    driver: BetterSqlite3Driver,
    readonly gate: SqliteGate,
  ) {
    super(driver);
    (this as unknown as { stmtCache: Map<string, unknown> }).stmtCache = gate.statements;
  }

  override async startTransaction(isolationLevel?: IsolationLevel): Promise<void> {
    // opened inside the transaction that holds the gate (a repository's save()
    // within Transactions.run): a savepoint of that transaction, not a wait for it
    const holder = this.joined ?? this.holder();
    if (holder) {
      await holder.startTransaction(isolationLevel);
      this.joined = holder;
      this.isTransactionActive = true;
      this.transactionDepth += 1;
      return;
    }
    if (!this.held) this.held = await this.acquireBoth();
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      if (this.transactionDepth === 0) this.releaseGate();
      throw error;
    }
  }

  /**
   * A read-only transaction on the shared connection: in WAL mode its reads
   * all see the state of the first one, while writers go on, on the writer
   * connection, meanwhile. It takes the shared connection only, never the
   * writer lock, so a tally is not held up by a long import (nor holds one up).
   */
  async startReadSnapshot(): Promise<void> {
    if (this.held || this.holder()) throw new Error('a read snapshot is opened outside any transaction');
    this.held = await this.gate.connection.acquire();
    this.reading = true;
    try {
      await super.startTransaction();
    } catch (error) {
      this.reading = false;
      this.releaseGate();
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    if (this.joined) return this.leaveJoined(() => this.joined!.commitTransaction());
    try {
      await super.commitTransaction();
    } finally {
      this.releaseIfDone();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    if (this.joined) return this.leaveJoined(() => this.joined!.rollbackTransaction());
    try {
      await super.rollbackTransaction();
    } finally {
      this.releaseIfDone();
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature
  override async query(query: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any> {
    // its own transaction, or a statement sent from inside the transaction that
    // holds the gate through another manager (it belongs to that transaction)
    const holder = this.held ? this : (this.joined ?? this.holder());
    if (holder) {
      if (holder.reading && !(await this.statementOf(query)).readonly)
        throw new Error(`a read snapshot does not write: ${query.slice(0, 60)}`);
      return super.query(query, parameters, useStructuredResult);
    }
    // the driver's statement cache (shared by all runners): prepared, not run
    const statement = await this.statementOf(query);
    const release = statement.readonly ? await this.gate.connection.acquire() : await this.acquireBoth();
    try {
      return await super.query(query, parameters, useStructuredResult);
    } finally {
      release();
    }
  }

  override async release(): Promise<void> {
    // a runner released with its transaction still open (a caller's bug) must not keep the gate
    if (this.held && this.isTransactionActive) await this.rollbackTransaction().catch(() => undefined);
    this.releaseGate();
    return super.release();
  }

  private statementOf(query: string): Promise<{ readonly readonly: boolean }> {
    return (this as unknown as { getStmt(sql: string): Promise<{ readonly: boolean }> }).getStmt(query);
  }

  /** The runner holding the gate, when the calling context is inside its transaction. */
  private holder(): GatedQueryRunner | undefined {
    const runner = currentTransaction()?.queryRunner;
    return runner instanceof GatedQueryRunner &&
      runner !== this &&
      runner.gate === this.gate &&
      runner.held !== undefined
      ? runner
      : undefined;
  }

  private async leaveJoined(end: () => Promise<void>): Promise<void> {
    try {
      await end();
    } finally {
      this.transactionDepth -= 1;
      if (this.transactionDepth <= 0) {
        this.transactionDepth = 0;
        this.isTransactionActive = false;
        this.joined = undefined;
      }
    }
  }

  private async acquireBoth(): Promise<MutexInterface.Releaser> {
    const writer = await this.gate.writer.acquire();
    try {
      const connection = await this.gate.connection.acquire();
      return () => {
        connection();
        writer();
      };
    } catch (error) {
      writer();
      throw error;
    }
  }

  // After COMMIT/ROLLBACK of the outermost transaction (a RELEASE of a
  // savepoint keeps it); also when a failed COMMIT/ROLLBACK left TypeORM's
  // flags set although SQLite has closed the transaction.
  private releaseIfDone(): void {
    if (!this.held || (this.isTransactionActive && this.gate.shared.inTransaction)) return;
    this.isTransactionActive = false;
    this.transactionDepth = 0;
    this.releaseGate();
  }

  private releaseGate(): void {
    this.reading = false;
    const held = this.held;
    this.held = undefined;
    held?.();
  }
}

/**
 * Installs the gate on a better-sqlite3 data source (a no-op on PostgreSQL,
 * where every transaction has a pooled connection of its own). Called by
 * {@link initializeDataSource}, before migrations.
 */
export function installSqliteGate(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3' || gates.has(dataSource)) return;
  const driver = dataSource.driver as BetterSqlite3Driver;
  const gate = new SqliteGate(driver);
  gates.set(dataSource, gate);
  driver.createQueryRunner = (): QueryRunner => new GatedQueryRunner(driver, gate);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await gate.close();
    return destroy();
  };
}

/** Opens a read snapshot on a query runner of a gated data source (see `GatedQueryRunner.startReadSnapshot`). */
export function startReadSnapshot(runner: QueryRunner): Promise<void> {
  if (!(runner instanceof GatedQueryRunner))
    throw new Error('The SQLite data source was not opened with initializeDataSource (no transaction gate)');
  return runner.startReadSnapshot();
}
