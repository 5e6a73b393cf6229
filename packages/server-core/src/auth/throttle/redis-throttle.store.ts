import Redis from 'ioredis';
import { type ThrottleStore } from './throttle-store';

/** Throttle counters in Redis (`REDIS_URL`): a counter whose expiry is the window. */
export class RedisThrottleStore implements ThrottleStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'pingyi:login-throttle:') {
    this.redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async hit(key: string, windowMs: number): Promise<number> {
    const redisKey = this.prefix + key;
    // SET NX PX starts the window atomically; INCR keeps its expiry.
    const replies = await this.redis.multi().set(redisKey, 0, 'PX', windowMs, 'NX').incr(redisKey).exec();
    const [, count] = replies?.[1] ?? [];
    return Number(count ?? 1);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
