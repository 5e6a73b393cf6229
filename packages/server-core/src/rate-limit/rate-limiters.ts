import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { PINGYI_CONFIG } from '../config/config.tokens';
import { type PingyiConfig } from '../config/pingyi-config';
import { Transactions } from '../database/transactions';
import { DatabaseRateLimiter } from './database-rate-limiter';
import { type RateLimitPolicy, type RateLimitPolicyName, rateLimitPolicies } from './rate-limit-policies';

/**
 * The server's one way to count attempts: a rate-limiter-flexible limiter per
 * policy ({@link rateLimitPolicies}), in Redis when `REDIS_URL` is set (one
 * client for all), else shared policies in the database (`rate_limit`) and the
 * others in memory.
 */
@Injectable()
export class RateLimiters implements OnApplicationShutdown {
  private readonly redis: Redis | undefined;
  private readonly policies: Partial<Record<RateLimitPolicyName, RateLimitPolicy>>;
  private readonly limiters = new Map<RateLimitPolicyName, RateLimiterAbstract>();

  constructor(
    @Inject(PINGYI_CONFIG) config: Pick<PingyiConfig, 'anonymousRatePerMinute' | 'redisUrl'>,
    private readonly tx: Transactions,
  ) {
    this.policies = rateLimitPolicies(config);
    if (config.redisUrl)
      this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  /** The limiter of a policy; `undefined` when the policy is off. */
  of(name: RateLimitPolicyName): RateLimiterAbstract | undefined {
    const policy = this.policies[name];
    if (!policy) return undefined;
    let limiter = this.limiters.get(name);
    if (!limiter) this.limiters.set(name, (limiter = this.build(policy)));
    return limiter;
  }

  private build(policy: RateLimitPolicy): RateLimiterAbstract {
    const limits = {
      keyPrefix: policy.keyPrefix,
      points: policy.points,
      duration: policy.durationS,
      blockDuration: policy.blockS,
    };
    if (this.redis) {
      // while Redis is unreachable an insured policy counts on each instance
      return new RateLimiterRedis({
        ...limits,
        storeClient: this.redis,
        ...(policy.insured ? { insuranceLimiter: new RateLimiterMemory(limits) } : {}),
      });
    }
    return policy.shared ? new DatabaseRateLimiter({ ...limits, tx: this.tx }) : new RateLimiterMemory(limits);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
