import Redis from 'ioredis';
import { type Transactions } from '../database/transactions';

/** Counts wrong guesses per key within a fixed window, shared by every instance. */
export interface GuessStore {
  /** Wrong guesses in the current window. */
  count(key: string, windowMs: number): Promise<number>;
  /** Records one wrong guess; returns the wrong guesses in the window, this one included. */
  hit(key: string, windowMs: number): Promise<number>;
  close?(): Promise<void>;
}

export const GUESS_STORE = Symbol('GUESS_STORE');

/** Counters in the `code_guess_throttle` table: one atomic upsert per wrong guess (PostgreSQL and SQLite ≥ 3.35). */
export class DatabaseGuessStore implements GuessStore {
  constructor(
    private readonly tx: Transactions,
    // read at each call, so a test's clock applies
    private readonly now: () => number = () => Date.now(),
  ) {}

  async count(key: string, windowMs: number): Promise<number> {
    const rows = await this.tx.query('SELECT guesses FROM code_guess_throttle WHERE throttle_key = ? AND window_start_ms >= ?', [key, this.now() - windowMs]);
    return Number(rows[0]?.guesses ?? 0);
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const now = this.now();
    const expired = now - windowMs;
    const rows = await this.tx.query(
      `INSERT INTO code_guess_throttle (throttle_key, guesses, window_start_ms) VALUES (?, 1, ?)
       ON CONFLICT (throttle_key) DO UPDATE SET
         guesses = CASE WHEN code_guess_throttle.window_start_ms < ? THEN 1 ELSE code_guess_throttle.guesses + 1 END,
         window_start_ms = CASE WHEN code_guess_throttle.window_start_ms < ? THEN ? ELSE code_guess_throttle.window_start_ms END
       RETURNING guesses`,
      [key, now, expired, expired, now],
    );
    // now and then, forget windows that ended long ago
    if (Math.random() < 0.02) await this.tx.query('DELETE FROM code_guess_throttle WHERE window_start_ms < ?', [now - 10 * windowMs]);
    return Number(rows[0]?.guesses ?? 1);
  }
}

/** Counters in Redis (`REDIS_URL`): a key whose expiry is the window. */
export class RedisGuessStore implements GuessStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'pingyi:code-guess:',
  ) {
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async count(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const redisKey = this.prefix + key;
    // SET NX PX opens the window atomically; INCR keeps its expiry
    const replies = await this.redis.multi().set(redisKey, 0, 'PX', windowMs, 'NX').incr(redisKey).exec();
    return Number(replies?.[1]?.[1] ?? 1);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
