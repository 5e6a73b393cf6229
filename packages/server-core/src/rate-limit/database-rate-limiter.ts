import { RateLimiterRes } from 'rate-limiter-flexible';
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';
import { type Transactions } from '../database/transactions';

interface StoredPoints {
  readonly points: number;
  readonly expire: number | null;
}

/**
 * rate-limiter-flexible's store over the one `rate_limit` table, through the
 * server's {@link Transactions} (so on SQLite it uses the gated shared
 * connection and never opens one of its own). `consume` is one atomic upsert
 * (PostgreSQL and SQLite ≥ 3.35), so concurrent instances never lose a count.
 */
export class DatabaseRateLimiter extends RateLimiterStoreAbstract {
  private readonly tx: Transactions;

  constructor(options: {
    tx: Transactions;
    keyPrefix: string;
    points: number;
    duration: number;
    blockDuration?: number;
  }) {
    const { tx, ...limits } = options;
    super({ ...limits, storeClient: tx });
    this.tx = tx;
  }

  /** Adds `points` to the key (or starts a new window, or with `forceExpire` replaces it); the key's points and expiry after. */
  async _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false): Promise<StoredPoints> {
    const now = Date.now();
    const expire = msDuration > 0 ? now + msDuration : null;
    const live = 'rate_limit.expire_ms IS NULL OR rate_limit.expire_ms > ?';
    const rows = forceExpire
      ? await this.tx.query(
          `INSERT INTO rate_limit (rate_key, points, expire_ms) VALUES (?, ?, ?)
           ON CONFLICT (rate_key) DO UPDATE SET points = excluded.points, expire_ms = excluded.expire_ms RETURNING points, expire_ms`,
          [rlKey, points, expire],
        )
      : await this.tx.query(
          `INSERT INTO rate_limit (rate_key, points, expire_ms) VALUES (?, ?, ?)
           ON CONFLICT (rate_key) DO UPDATE SET
             points = CASE WHEN ${live} THEN rate_limit.points + excluded.points ELSE excluded.points END,
             expire_ms = CASE WHEN ${live} THEN rate_limit.expire_ms ELSE excluded.expire_ms END
           RETURNING points, expire_ms`,
          [rlKey, points, expire, now, now],
        );
    // now and then, forget windows that have ended
    if (Math.random() < 0.02) await this.tx.query('DELETE FROM rate_limit WHERE expire_ms < ?', [now]);
    return stored(rows[0]);
  }

  async _get(rlKey: string): Promise<StoredPoints | null> {
    const rows = await this.tx.query(
      'SELECT points, expire_ms FROM rate_limit WHERE rate_key = ? AND (expire_ms IS NULL OR expire_ms > ?)',
      [rlKey, Date.now()],
    );
    return rows[0] ? stored(rows[0]) : null;
  }

  async _delete(rlKey: string): Promise<boolean> {
    return (await this.tx.query('DELETE FROM rate_limit WHERE rate_key = ? RETURNING rate_key', [rlKey])).length > 0;
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, result: StoredPoints): RateLimiterRes {
    const first = changedPoints === result.points;
    const consumed = first ? changedPoints : result.points;
    const msBeforeNext = result.expire ? Math.max(result.expire - Date.now(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, first);
  }
}

// PostgreSQL returns bigint as text
const stored = (row: Record<string, unknown> | undefined): StoredPoints => ({
  points: Number(row?.['points'] ?? 0),
  expire: row?.['expire_ms'] === null || row?.['expire_ms'] === undefined ? null : Number(row['expire_ms']),
});
