import { type PingyiConfig } from '../config/pingyi-config';

/**
 * One rate-limit policy as data: `points` counted per key within a fixed
 * window of `durationS` seconds (rate-limiter-flexible's terms). `shared`
 * policies are counted where every instance sees them (Redis, else the
 * database); the others in Redis or, without it, in each instance's memory.
 * `insured` keeps counting in memory while Redis cannot be reached.
 */
export interface RateLimitPolicy {
  readonly keyPrefix: string;
  readonly points: number;
  readonly durationS: number;
  /** Seconds a key stays refused once over its points; 0: until the window ends. */
  readonly blockS: number;
  readonly shared: boolean;
  readonly insured: boolean;
}

export type RateLimitPolicyName = 'login' | 'codeGuess' | 'anonymousRate' | 'anonymousBurst';

/** Sign-in attempts allowed per username and client address in the window (a success forgets them). */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/**
 * Unknown access codes allowed per client address in the window. Generous on
 * purpose: the evaluators of a whole office may share one address, and a code
 * carries 65 bits (see `expectedHitsPerMonth`).
 */
export const MAX_CODE_GUESSES = 60;
export const CODE_GUESS_WINDOW_MS = 15 * 60_000;

/**
 * Every policy of the server. The anonymous flood guard allows
 * `PINGYI_ANON_RATE` requests a minute plus a burst of as many again once in
 * ten minutes (0 turns it off: no policy).
 */
export function rateLimitPolicies(
  config: Pick<PingyiConfig, 'anonymousRatePerMinute'>,
): Partial<Record<RateLimitPolicyName, RateLimitPolicy>> {
  const anonymous = config.anonymousRatePerMinute;
  return {
    login: {
      keyPrefix: 'pingyi:login-throttle',
      points: MAX_LOGIN_FAILURES,
      durationS: LOGIN_WINDOW_MS / 1000,
      blockS: 0,
      shared: true,
      insured: false,
    },
    codeGuess: {
      keyPrefix: 'pingyi:code-guess',
      points: MAX_CODE_GUESSES,
      durationS: CODE_GUESS_WINDOW_MS / 1000,
      blockS: 0,
      shared: true,
      insured: false,
    },
    ...(anonymous > 0
      ? {
          anonymousRate: {
            keyPrefix: 'pingyi:anon-rate',
            points: anonymous,
            durationS: 60,
            blockS: 0,
            shared: false,
            insured: true,
          },
          anonymousBurst: {
            keyPrefix: 'pingyi:anon-burst',
            points: anonymous,
            durationS: 600,
            blockS: 0,
            shared: false,
            insured: true,
          },
        }
      : {}),
  };
}
