/**
 * Where the rectification and supervision services read "now". The server
 * uses the system clock; tests provide {@link RECTIFICATION_CLOCK} from a
 * global module to pin an instant (the first and last day of a deadline,
 * a moment when two time zones are on different dates).
 */
export interface RectificationClock {
  now(): Date;
}

export const RECTIFICATION_CLOCK = Symbol('RECTIFICATION_CLOCK');

/** The system clock, used when no {@link RECTIFICATION_CLOCK} is provided. */
export const SYSTEM_CLOCK: RectificationClock = { now: () => new Date() };
