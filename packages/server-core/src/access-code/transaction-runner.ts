import { type DataSource } from 'typeorm';
import { type RunOutcome, type StepSource } from '../database/sql-steps';
import { Transactions } from '../database/transactions';

export { type RunOutcome, type SqlStep, type StepSource, toPostgresPlaceholders } from '../database/sql-steps';

/**
 * The SQL-step runner under its first name: a thin name for
 * {@link Transactions.steps} and {@link Transactions.query}, the server's one
 * transaction mechanism (database/transactions.ts).
 */
export class TransactionRunner {
  private readonly transactions: Transactions;
  readonly dialect: 'sqlite' | 'postgres';

  constructor(dataSource: DataSource) {
    this.transactions = new Transactions(dataSource);
    this.dialect = this.transactions.dialect;
  }

  run(steps: readonly StepSource[], options: { readonly cacheMiB?: number } = {}): Promise<RunOutcome> {
    return this.transactions.steps(steps, options);
  }

  query(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.transactions.query(sql, params);
  }
}
