/**
 * Counts attempts per key within a fixed window, shared by every server
 * instance (database table or Redis).
 */
export interface ThrottleStore {
  /** Records one attempt and returns the attempts in the current window (this one included). */
  hit(key: string, windowMs: number): Promise<number>;
  /** Forgets the key (after a successful sign-in). */
  reset(key: string): Promise<void>;
  close?(): Promise<void>;
}

export const THROTTLE_STORE = Symbol('THROTTLE_STORE');
