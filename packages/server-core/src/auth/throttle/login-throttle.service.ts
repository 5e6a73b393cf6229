import { Injectable } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { LOGIN_WINDOW_MS } from '../../rate-limit/rate-limit-policies';
import { RateLimiters } from '../../rate-limit/rate-limiters';

export { LOGIN_WINDOW_MS, MAX_LOGIN_FAILURES } from '../../rate-limit/rate-limit-policies';

/**
 * Slows password guessing (the `login` policy): every sign-in attempt counts
 * for its username and client address before the password is checked (so
 * parallel attempts cannot slip through), a success resets the count, and
 * once more than `MAX_LOGIN_FAILURES` attempts fall in one window sign-in is
 * refused with `TOO_MANY_ATTEMPTS` until the window ends, even with the right password.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limiters: RateLimiters) {}

  private keyOf(username: string, ip: string): string {
    return `${username.toLowerCase()}|${ip}`.slice(0, 200);
  }

  /** Counts one attempt; throws `TOO_MANY_ATTEMPTS` when it is one too many. */
  async registerAttempt(username: string, ip: string): Promise<void> {
    try {
      await this.limiters.of('login')?.consume(this.keyOf(username, ip));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new PingyiError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins for this user from your address; try again in ${LOGIN_WINDOW_MS / 60_000} minutes`,
      );
    }
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.limiters.of('login')?.delete(this.keyOf(username, ip));
  }
}
