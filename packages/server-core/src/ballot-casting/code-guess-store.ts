import Redis from 'ioredis';
import { type TransactionRunner } from '../access-code/transaction-runner';

/** Counts guesses per key within a fixed window, shared by every instance. */
export interface GuessStore {
  /** Counts one guess; returns the guesses in the current window, this one included. */
  hit(key: string, windowMs: number): Promise<number>;
  /** Takes back one guess that turned out to be a real code. */
  refund(key: string): Promise<void>;
  close?(): Promise<void>;
}

export const GUESS_STORE = Symbol('GUESS_STORE');

/** Counters in the `code_guess_throttle` table: one atomic upsert per guess (PostgreSQL and SQLite ≥ 3.35). */
export class DatabaseGuessStore implements GuessStore {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly now: () => number = Date.now,
  ) {}

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
    if (Math.random() < 0.01) await this.tx.query('DELETE FROM code_guess_throttle WHERE window_start_ms < ?', [now - 10 * windowMs]);
    return Number(rows[0]?.guesses ?? 1);
  }

  // A row left at zero would still say when this address last cast a ballot: delete it instead.
  async refund(key: string): Promise<void> {
    await this.tx.query('DELETE FROM code_guess_throttle WHERE throttle_key = ? AND guesses <= 1', [key]);
    await this.tx.query('UPDATE code_guess_throttle SET guesses = guesses - 1 WHERE throttle_key = ? AND guesses > 1', [key]);
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

  async hit(key: string, windowMs: number): Promise<number> {
    const redisKey = this.prefix + key;
    // SET NX PX opens the window atomically; INCR keeps its expiry
    const replies = await this.redis.multi().set(redisKey, 0, 'PX', windowMs, 'NX').incr(redisKey).exec();
    return Number(replies?.[1]?.[1] ?? 1);
  }

  async refund(key: string): Promise<void> {
    // DECR on a missing key would create it without expiry: only when it exists
    await this.redis.eval("if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0", 1, this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
