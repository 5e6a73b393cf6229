import { type AuthProvider, HttpError } from 'react-admin';
import { type GraphqlClient } from '../data/graphql-client';
import { unwrapResult } from '../data/server-errors';
import { canAccess } from './permissions';
import { CHANGE_PASSWORD, LOGIN, LOGOUT, ME } from './auth.queries';
import { type Session, type SessionUser } from './session';

/** Identity and permissions react-admin reads: the user's roles and, for a liaison, its unit. */
export interface Permissions {
  readonly roles: SessionUser['roles'];
  readonly unitCode: string | null;
}

/**
 * Sign-in with the `login` mutation (the token is kept with its expiry), the
 * identity and roles from `me`, `logout` revokes the token on the server. A
 * 401 (expired or revoked token) sends the user back to the login page.
 */
export interface PingyiAuthProvider extends AuthProvider {
  /** Changes the signed-in user's password and keeps the new token the server returns. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

export function createAuthProvider(
  client: GraphqlClient,
  session: Session,
  /** Called once the server has refused the session (the browser loads the login page afresh). */
  onSessionLost: () => void = () => undefined,
): PingyiAuthProvider {
  async function currentUser(): Promise<SessionUser> {
    const known = session.user();
    if (known) return known;
    if (!session.token()) throw new HttpError('pingyi.auth.signed_out', 401);
    const { me } = await client.request<{ me: SessionUser }>(ME);
    session.setUser(me);
    return me;
  }

  return {
    async login({ username, password }: { username: string; password: string }) {
      const { data } = await client.request<{ data: unknown }>(LOGIN, { username: username.trim(), password });
      const success = unwrapResult<{ token: string; expiresAt: string; user: SessionUser }>(
        data as never,
        client.translate,
      );
      session.start(success.token, success.expiresAt, success.user);
    },

    async logout() {
      if (session.token()) {
        // Revoke on the server; signing out locally must work even when the server is unreachable.
        await client.request(LOGOUT).catch(() => undefined);
      }
      session.clear();
    },

    async checkAuth() {
      if (!session.token()) throw new HttpError('pingyi.auth.signed_out', 401);
    },

    async checkError(error: unknown) {
      const status = (error as { status?: number } | null)?.status;
      if (status === 401) {
        session.clear();
        onSessionLost();
        throw new HttpError('pingyi.auth.session_expired', 401);
      }
    },

    async getIdentity() {
      const user = await currentUser();
      return {
        id: user.id,
        fullName: user.displayName || user.username,
        username: user.username,
        unitCode: user.unitCode,
        roles: user.roles,
      };
    },

    async getPermissions(): Promise<Permissions> {
      const user = await currentUser();
      return { roles: user.roles, unitCode: user.unitCode };
    },

    async changePassword(currentPassword: string, newPassword: string) {
      const { data } = await client.request<{ data: unknown }>(CHANGE_PASSWORD, { currentPassword, newPassword });
      const success = unwrapResult<{ token: string; expiresAt: string }>(data as never, client.translate);
      const user = await currentUser();
      session.start(success.token, success.expiresAt, user);
    },

    async canAccess({ resource, action }) {
      return canAccess(session.user() ?? (session.token() ? await currentUser() : null), resource, action);
    },
  };
}
