import { isPingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { type GuessStore } from './code-guess-store';
import { CodeGuessThrottle, GUESSES_IN_FLIGHT_PER_ADDRESS, MAX_CODE_GUESSES } from './code-guess-throttle.service';

// An in-memory store that answers after a pause, as a database would.
class SlowStore implements GuessStore {
  readonly counts = new Map<string, number>();
  async count(key: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return this.counts.get(key) ?? 0;
  }
  async hit(key: string): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    const next = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, next);
    return next;
  }
}

const outcome = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'looked up',
    (error: unknown) => (isPingyiError(error) ? error.code : 'crash'),
  );

describe('CodeGuessThrottle', () => {
  it('lets at most the allowance of wrong guesses through, even when they all arrive at once', async () => {
    const throttle = new CodeGuessThrottle(new SlowStore());
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
    const results = await Promise.all(Array.from({ length: 40 }, () => outcome(wrongGuess())));
    expect(mostInFlight).toBeLessThanOrEqual(GUESSES_IN_FLIGHT_PER_ADDRESS);
    // the lanes let the last pair past the check together: at most one lane more than the allowance
    expect(lookups).toBeGreaterThanOrEqual(MAX_CODE_GUESSES);
    expect(lookups).toBeLessThanOrEqual(MAX_CODE_GUESSES + GUESSES_IN_FLIGHT_PER_ADDRESS - 1);
    expect(results.filter((r) => r === 'TOO_MANY_ATTEMPTS')).toHaveLength(40 - lookups);
  });

  it('never counts real codes, however many an address casts', async () => {
    const store = new SlowStore();
    const throttle = new CodeGuessThrottle(store);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => throttle.guess('10.0.0.2', async () => ({ value: i, wrong: false }))));
    expect(results).toHaveLength(100);
    expect(store.counts.size).toBe(0);
  });

  it('counts each address on its own', async () => {
    const throttle = new CodeGuessThrottle(new SlowStore());
    for (let i = 0; i < MAX_CODE_GUESSES; i += 1) await throttle.guess('10.0.0.3', async () => ({ value: null, wrong: true }));
    expect(await outcome(throttle.guess('10.0.0.3', async () => ({ value: null, wrong: false })))).toBe('TOO_MANY_ATTEMPTS');
    expect(await outcome(throttle.guess('10.0.0.4', async () => ({ value: null, wrong: false })))).toBe('looked up');
  });
});
