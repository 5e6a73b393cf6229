import { type Logger, type QueryRunner } from 'typeorm';

/** One SQL statement seen by the {@link StatementCounter}. */
export interface RecordedStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[] | undefined;
}

const IGNORED = /^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE SAVEPOINT|PRAGMA)/i;

/**
 * A TypeORM logger that records every SQL statement the application sends
 * (transaction control and PRAGMAs excluded). Tests and benchmarks use it to
 * prove a page costs a bounded number of statements (no N+1).
 */
export class StatementCounter implements Logger {
  private recorded: RecordedStatement[] = [];
  private recording = true;

  /** Statements since the last {@link reset}. */
  get statements(): readonly RecordedStatement[] {
    return this.recorded;
  }

  get count(): number {
    return this.recorded.length;
  }

  reset(): void {
    this.recorded = [];
  }

  /** Stops or resumes recording (e.g. while seeding data). */
  pause(paused = true): void {
    this.recording = !paused;
  }

  /** Runs `work` and returns its result with the statements it sent. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: readonly RecordedStatement[] }> {
    this.reset();
    const result = await work();
    return { result, statements: [...this.recorded] };
  }

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (this.recording && !IGNORED.test(query.trim())) this.recorded.push({ sql: query, parameters });
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
