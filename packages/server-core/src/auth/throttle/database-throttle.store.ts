import { type DataSource } from 'typeorm';
import { type ThrottleStore } from './throttle-store';

/**
 * Throttle counters in the `login_throttle` table. `hit` is one atomic upsert
 * (the same SQL on PostgreSQL and SQLite ≥ 3.35), so concurrent instances
 * never lose a count.
 */
export class DatabaseThrottleStore implements ThrottleStore {
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => number = Date.now,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  // Positional parameters: $1, $2 on PostgreSQL, ? on SQLite; each use binds its own value.
  private params(): { bind: (value: unknown) => string; values: unknown[] } {
    const values: unknown[] = [];
    return {
      values,
      bind: (value) => {
        values.push(value);
        return this.postgres ? `$${values.length}` : '?';
      },
    };
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const now = this.now();
    const { bind, values } = this.params();
    const expired = (): string => `login_throttle.window_start_ms < ${bind(now - windowMs)}`;
    const sql = `INSERT INTO login_throttle (throttle_key, failures, window_start_ms) VALUES (${bind(key)}, 1, ${bind(now)})
       ON CONFLICT (throttle_key) DO UPDATE SET
         failures = CASE WHEN ${expired()} THEN 1 ELSE login_throttle.failures + 1 END,
         window_start_ms = CASE WHEN ${expired()} THEN ${bind(now)} ELSE login_throttle.window_start_ms END
       RETURNING failures`;
    const rows: { failures: number | string }[] = await this.dataSource.query(sql, values);
    // Now and then, drop rows whose window ended long ago.
    if (Math.random() < 0.02) {
      const cleanup = this.params();
      await this.dataSource.query(`DELETE FROM login_throttle WHERE window_start_ms < ${cleanup.bind(now - 10 * windowMs)}`, cleanup.values);
    }
    return Number(rows[0]?.failures ?? 1);
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE throttle_key = ${this.postgres ? '$1' : '?'}`, [key]);
  }
}
