import { Inject, Injectable } from '@nestjs/common';
import { PingyiError } from '@pingyi/domain';
import { type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CODE_GUESS_WINDOW_MS, MAX_CODE_GUESSES } from '../rate-limit/rate-limit-policies';
import { RateLimiters } from '../rate-limit/rate-limiters';

// the `codeGuess` policy: even at its rate a guesser's expected hits stay far
// below one in a million a month ({@link expectedHitsPerMonth})
export { CODE_GUESS_WINDOW_MS, MAX_CODE_GUESSES } from '../rate-limit/rate-limit-policies';
/** Codes that could be guessed: 13 random symbols of 32 (the 14th is a check symbol anyone can compute). */
export const CODE_SPACE = 32 ** 13;

/** Expected successful guesses in 30 days for `addresses` guessers each held to `guessesPerSecond`, with `issuedCodes` valid codes. */
export function expectedHitsPerMonth(guessesPerSecond: number, addresses: number, issuedCodes: number): number {
  return guessesPerSecond * 30 * 86_400 * addresses * (issuedCodes / CODE_SPACE);
}
/** Code lookups one address may have running at once on an instance; more wait their turn. */
export const GUESSES_IN_FLIGHT_PER_ADDRESS = 2;

/**
 * A lookup's answer: its value, and whether the code given was wrong: unknown.
 * A used or revoked code is a real code (its owner re-submitting it, say): it
 * is as rare a find for a guesser as an unused one, so it does not count.
 */
export interface GuessOutcome<T> {
  readonly value: T;
  readonly wrong: boolean;
}

/**
 * Slows access-code guessing, per client address, with a counter of its own
 * (not the sign-in one). Only unknown codes count, so the evaluators behind one
 * office address do not use up each other's allowance (a typo caught by the
 * check symbol never reaches this), and a successful cast writes nothing here. Past {@link MAX_CODE_GUESSES} wrong codes in the window:
 * `TOO_MANY_ATTEMPTS`. Lookups of one address run at most
 * {@link GUESSES_IN_FLIGHT_PER_ADDRESS} at a time, so a burst of parallel
 * guesses cannot all pass the check before the first is counted.
 */
@Injectable()
export class CodeGuessThrottle {
  private readonly lanes = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(@Inject(RateLimiters) private readonly limiters: Pick<RateLimiters, 'of'>) {}

  private get limiter(): RateLimiterAbstract {
    const limiter = this.limiters.of('codeGuess');
    if (!limiter) throw new Error('the codeGuess rate-limit policy is missing');
    return limiter;
  }

  private keyOf(ip: string): string {
    return `code|${ip}`.slice(0, 200);
  }

  /** Runs `lookup` as one guess from `ip`: refused when the address has no allowance left, counted when the code was wrong. */
  async guess<T>(ip: string, lookup: () => Promise<GuessOutcome<T>>): Promise<T> {
    await this.enter(ip);
    try {
      const key = this.keyOf(ip);
      if (((await this.limiter.get(key))?.consumedPoints ?? 0) >= MAX_CODE_GUESSES) {
        throw new PingyiError(
          'TOO_MANY_ATTEMPTS',
          `Too many wrong access codes from your address; try again in ${CODE_GUESS_WINDOW_MS / 60_000} minutes`,
          'code',
          {
            retryAfterMinutes: CODE_GUESS_WINDOW_MS / 60_000,
          },
        );
      }
      const outcome = await lookup();
      // a penalty counts without refusing: the lookup has been answered already
      if (outcome.wrong) await this.limiter.penalty(key);
      return outcome.value;
    } finally {
      this.leave(ip);
    }
  }

  private async enter(ip: string): Promise<void> {
    let lane = this.lanes.get(ip);
    if (!lane) this.lanes.set(ip, (lane = { active: 0, waiting: [] }));
    if (lane.active >= GUESSES_IN_FLIGHT_PER_ADDRESS) await new Promise<void>((resolve) => lane?.waiting.push(resolve));
    lane.active += 1;
  }

  private leave(ip: string): void {
    const lane = this.lanes.get(ip);
    if (!lane) return;
    lane.active -= 1;
    const next = lane.waiting.shift();
    if (next) next();
    else if (lane.active === 0) this.lanes.delete(ip);
  }
}
