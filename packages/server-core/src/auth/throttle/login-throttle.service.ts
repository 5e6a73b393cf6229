import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store';

/** Failed sign-ins allowed per username and client address within {@link LOGIN_WINDOW_MS}. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Slows password guessing: after {@link MAX_LOGIN_FAILURES} failures for one
 * username from one address, sign-in is refused with `TOO_MANY_ATTEMPTS`
 * until the window ends, even with the right password.
 */
@Injectable()
export class LoginThrottleService implements OnApplicationShutdown {
  constructor(@Inject(THROTTLE_STORE) private readonly store: ThrottleStore) {}

  private keyOf(username: string, ip: string): string {
    return `${username.toLowerCase()}|${ip}`.slice(0, 200);
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const failures = await this.store.peek(this.keyOf(username, ip), LOGIN_WINDOW_MS);
    if (failures >= MAX_LOGIN_FAILURES) {
      throw new PingyiError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins for this user from your address; try again in ${LOGIN_WINDOW_MS / 60_000} minutes`,
      );
    }
  }

  async recordFailure(username: string, ip: string): Promise<number> {
    return this.store.hit(this.keyOf(username, ip), LOGIN_WINDOW_MS);
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.store.reset(this.keyOf(username, ip));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close?.();
  }
}
