import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { GUESS_STORE, type GuessStore } from './code-guess-store';

/** Access-code guesses allowed per client address within {@link CODE_GUESS_WINDOW_MS}. */
export const MAX_CODE_GUESSES = 10;
export const CODE_GUESS_WINDOW_MS = 15 * 60_000;

/**
 * Slows access-code guessing, per client address, with a counter of its own
 * (not the sign-in one). Every attempt counts before the code is looked up,
 * so parallel guesses cannot slip through together; an attempt with a real
 * code is taken back, so the evaluators behind one office address do not use
 * up each other's allowance. Past {@link MAX_CODE_GUESSES}: `TOO_MANY_ATTEMPTS`.
 */
@Injectable()
export class CodeGuessThrottle implements OnApplicationShutdown {
  constructor(@Inject(GUESS_STORE) private readonly store: GuessStore) {}

  private keyOf(ip: string): string {
    return `code|${ip}`.slice(0, 200);
  }

  /** Counts one guess from `ip`; throws `TOO_MANY_ATTEMPTS` when it is one too many. */
  async registerGuess(ip: string): Promise<void> {
    const guesses = await this.store.hit(this.keyOf(ip), CODE_GUESS_WINDOW_MS);
    if (guesses > MAX_CODE_GUESSES) {
      throw new PingyiError(
        'TOO_MANY_ATTEMPTS',
        `Too many wrong access codes from your address; try again in ${CODE_GUESS_WINDOW_MS / 60_000} minutes`,
        'code',
        { retryAfterMinutes: CODE_GUESS_WINDOW_MS / 60_000 },
      );
    }
  }

  /** The guess from `ip` was a real code: it does not count. */
  async refund(ip: string): Promise<void> {
    await this.store.refund(this.keyOf(ip));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close?.();
  }
}
