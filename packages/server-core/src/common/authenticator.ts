import { type SessionUser } from './request-context';

/**
 * Resolves a bearer token to its user. Provided by the auth module; the
 * global guard depends only on this interface.
 */
export interface Authenticator {
  /** The user of a valid (known, unexpired, unrevoked, active user) token, else `null`. */
  authenticate(token: string): Promise<SessionUser | null>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
