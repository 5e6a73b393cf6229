import { Injectable, Logger } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { BurstyRateLimiter, RateLimiterRes } from 'rate-limiter-flexible';
import { clientKeyOf } from './client-key';
import { RateLimiters } from './rate-limiters';

/** Addresses remembered as already reported (one audit row per address and window); older ones are forgotten first. */
const MAX_REPORTED = 10_000;

/** What a refused request learns: when to try again, and whether it is the first refusal of this address in the window. */
export interface RateLimitRefusal {
  readonly retryAfterSeconds: number;
  readonly firstInWindow: boolean;
}

/**
 * A coarse per-address limit on requests made without a valid sign-in
 * (ballot form, casting, sign-in itself, anonymous REST): the `anonymousRate`
 * policy with the `anonymousBurst` allowance on top (see `rateLimitPolicies`),
 * counted in memory, or in Redis when `REDIS_URL` is set so that every
 * instance shares the count. Refused requests are only counted: the caller
 * writes one audit row per address and window ({@link RateLimitRefusal.firstInWindow}).
 */
@Injectable()
export class AnonymousRateLimit {
  private readonly logger = new Logger('RateLimit');
  private readonly limiter: BurstyRateLimiter | undefined;
  /** address key → end of the window in which its refusal was reported */
  private readonly reported = new Map<string, number>();

  constructor(limiters: RateLimiters) {
    const rate = limiters.of('anonymousRate');
    const burst = limiters.of('anonymousBurst');
    if (rate && burst) this.limiter = new BurstyRateLimiter(rate, burst);
  }

  /** Counts one anonymous request from `ip`; `null` when it may go on, else the refusal. */
  async hit(ip: string): Promise<RateLimitRefusal | null> {
    if (!this.limiter) return null;
    const key = clientKeyOf(ip);
    try {
      await this.limiter.consume(key);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterMs = Math.max(1000, rejection.msBeforeNext);
      return { retryAfterSeconds: Math.ceil(retryAfterMs / 1000), firstInWindow: this.firstRefusal(key, retryAfterMs) };
    }
  }

  private firstRefusal(key: string, retryAfterMs: number): boolean {
    const now = Date.now();
    const until = this.reported.get(key);
    if (until !== undefined && until > now) return false;
    this.reported.delete(key);
    if (this.reported.size >= MAX_REPORTED) this.reported.delete(this.reported.keys().next().value as string);
    this.reported.set(key, now + retryAfterMs);
    this.logger.warn(
      `Anonymous requests from ${key} exceed the limit; refused for ${Math.ceil(retryAfterMs / 1000)} s (further refusals are counted, not logged)`,
    );
    return true;
  }
}

/** The refusal as a client sees it: `RATE_LIMITED` with `details.retryAfterSeconds`. */
export function rateLimitedError(refusal: RateLimitRefusal): PingyiError {
  return new PingyiError(
    'RATE_LIMITED',
    `Too many requests without signing in from your address; try again in ${refusal.retryAfterSeconds} s`,
    undefined,
    { retryAfterSeconds: refusal.retryAfterSeconds },
  );
}

export const ANONYMOUS_RATE_LIMIT = Symbol('ANONYMOUS_RATE_LIMIT');
