import { isPingyiError } from '@pingyi/domain';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it, vi } from 'vitest';
import { rateLimitPolicies } from '../rate-limit/rate-limit-policies';
import {
  CODE_GUESS_WINDOW_MS,
  CodeGuessThrottle,
  expectedHitsPerMonth,
  GUESSES_IN_FLIGHT_PER_ADDRESS,
  MAX_CODE_GUESSES,
} from './code-guess-throttle.service';

const policy = rateLimitPolicies({ anonymousRatePerMinute: 0 }).codeGuess!;
const limits = { keyPrefix: policy.keyPrefix, points: policy.points, duration: policy.durationS };

// The policy's limiter in memory, answering after a pause as a database would; `counts` are the keys it was told of.
class SlowLimiter extends RateLimiterMemory {
  readonly counts = new Map<string, number>();
  constructor() {
    super(limits);
  }
  override async get(key: string): Promise<RateLimiterRes | null> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return super.get(key);
  }
  override async penalty(key: string): Promise<RateLimiterRes> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return super.penalty(key);
  }
}
/** The server's limiters with only this one. */
const limitersOf = (limiter: RateLimiterMemory) => ({ of: () => limiter });

const outcome = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'looked up',
    (error: unknown) => (isPingyiError(error) ? error.code : 'crash'),
  );

describe('CodeGuessThrottle', () => {
  it('lets at most the allowance of wrong guesses through, even when they all arrive at once', async () => {
    const throttle = new CodeGuessThrottle(limitersOf(new SlowLimiter()));
    let lookups = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const wrongGuess = () =>
      throttle.guess('10.0.0.1', async () => {
        lookups += 1;
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 3));
        inFlight -= 1;
        return { value: null, wrong: true };
      });
    const attempts = MAX_CODE_GUESSES + 40;
    const results = await Promise.all(Array.from({ length: attempts }, () => outcome(wrongGuess())));
    expect(mostInFlight).toBeLessThanOrEqual(GUESSES_IN_FLIGHT_PER_ADDRESS);
    // the lanes let the last pair past the check together: at most one lane more than the allowance
    expect(lookups).toBeGreaterThanOrEqual(MAX_CODE_GUESSES);
    expect(lookups).toBeLessThanOrEqual(MAX_CODE_GUESSES + GUESSES_IN_FLIGHT_PER_ADDRESS - 1);
    expect(results.filter((r) => r === 'TOO_MANY_ATTEMPTS')).toHaveLength(attempts - lookups);
  });

  it('never counts real codes, however many an address casts', async () => {
    const store = new SlowLimiter();
    const throttle = new CodeGuessThrottle(limitersOf(store));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => throttle.guess('10.0.0.2', async () => ({ value: i, wrong: false }))),
    );
    expect(results).toHaveLength(100);
    expect(store.counts.size).toBe(0);
  });

  it('counts each address on its own', async () => {
    const throttle = new CodeGuessThrottle(limitersOf(new SlowLimiter()));
    for (let i = 0; i < MAX_CODE_GUESSES; i += 1)
      await throttle.guess('10.0.0.3', async () => ({ value: null, wrong: true }));
    expect(await outcome(throttle.guess('10.0.0.3', async () => ({ value: null, wrong: false })))).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect(await outcome(throttle.guess('10.0.0.4', async () => ({ value: null, wrong: false })))).toBe('looked up');
  });
});

describe('what a guesser gets', () => {
  it('holds a guesser at 10 guesses a second, from one address or from 1,000, far below one expected hit in a million a month', async () => {
    // the policy's fixed window, in memory, on a simulated clock
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: 0 });
    const throttle = new CodeGuessThrottle(limitersOf(new RateLimiterMemory(limits)));
    const hours = 1;
    const addresses = 2; // each address has its own counter: 1,000 behave as 1,000 times one
    let looked = 0;
    for (let tick = 0; tick < hours * 3600 * 10; tick += 1) {
      if (tick > 0) vi.advanceTimersByTime(100); // 10 guesses a second from each address
      for (let a = 0; a < addresses; a += 1) {
        await throttle
          .guess(`10.0.1.${a}`, async () => ((looked += 1), { value: null, wrong: true }))
          .catch(() => undefined);
      }
    }
    vi.useRealTimers();
    const perAddressPerSecond = looked / addresses / (hours * 3600);
    expect(perAddressPerSecond).toBeLessThanOrEqual(MAX_CODE_GUESSES / (CODE_GUESS_WINDOW_MS / 1000) + 1e-9);
    const issued = 10_000;
    const one = expectedHitsPerMonth(perAddressPerSecond, 1, issued);
    const thousand = expectedHitsPerMonth(perAddressPerSecond, 1_000, issued);
    console.info(
      `[code guessing] ${MAX_CODE_GUESSES} unknown codes per ${CODE_GUESS_WINDOW_MS / 60_000} min per address: a guesser sending 10/s gets ${perAddressPerSecond.toFixed(4)} lookups/s per address; ` +
        `expected hits in 30 days with ${issued} codes issued: ${one.toExponential(2)} from one address, ${thousand.toExponential(2)} from 1,000 addresses (unthrottled 10/s from 1,000: ${expectedHitsPerMonth(10, 1_000, issued).toExponential(2)})`,
    );
    expect(one).toBeLessThan(1e-6);
    expect(thousand).toBeLessThan(1e-6);
    // and with ten times as many codes, still
    expect(expectedHitsPerMonth(perAddressPerSecond, 1_000, 100_000)).toBeLessThan(1e-6);
  }, 30_000);
});
