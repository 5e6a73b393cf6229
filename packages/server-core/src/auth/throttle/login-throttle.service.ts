import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store';

/** Sign-in attempts allowed per username and client address within {@link LOGIN_WINDOW_MS} (a success resets the count). */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing: every sign-in attempt counts for its username and
 * client address before the password is checked (so parallel attempts cannot
 * slip through), a success resets the count, and once more than
 * {@link MAX_LOGIN_FAILURES} attempts fall in one window sign-in is refused
 * with `TOO_MANY_ATTEMPTS` until the window ends, even with the right password.
 */
@Injectable()
export class LoginThrottleService implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_STORE) private readonly store: ThrottleStore) {}

  private keyOf(username: string, ip: string): string {
    return `${username.toLowerCase()}|${ip}`.slice(0, 200);
  }

  /** Counts one attempt; throws `TOO_MANY_ATTEMPTS` when it is one too many. */
  async registerAttempt(username: string, ip: string): Promise<void> {
    const attempts = await this.store.hit(this.keyOf(username, ip), LOGIN_WINDOW_MS);
    if (attempts > MAX_LOGIN_FAILURES) {
      throw new PingyiError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins for this user from your address; try again in ${LOGIN_WINDOW_MS / 60_000} minutes`,
      );
    }
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.store.reset(this.keyOf(username, ip));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close?.();
  }
}
