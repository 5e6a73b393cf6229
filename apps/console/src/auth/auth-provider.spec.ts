import { describe, expect, it } from 'vitest';
import { GraphqlClient } from '../data/graphql-client';
import { echoTranslate, fakeFetch } from '../data/test-fetch';
import { createAuthProvider } from './auth-provider';
import { canAccess, hasRole } from './permissions';
import { memoryStorage, Session } from './session';

const user = { id: '3', username: 'liu', displayName: '刘', roles: ['liaison'], unitCode: 'traffic-police' };

function setup(answers: Parameters<typeof fakeFetch>[0], now = () => Date.parse('2025-06-01T00:00:00Z')) {
  const fake = fakeFetch(answers);
  const session = new Session(memoryStorage(), now);
  const client = new GraphqlClient({ getToken: () => session.token(), translate: echoTranslate, fetch: fake.fetch });
  let lost = 0;
  const auth = createAuthProvider(client, session, () => void lost++);
  return { auth, session, requests: fake.requests, lost: () => lost };
}

describe('auth provider', () => {
  it('signs in, keeps the token and answers identity and permissions without asking again', async () => {
    const { auth, session, requests } = setup([
      { data: { data: { __typename: 'LoginSuccess', token: 'tok', expiresAt: '2025-06-02T00:00:00Z', user } } },
    ]);
    await auth.login({ username: ' liu ', password: 'pw' });
    expect(requests[0]?.variables).toEqual({ username: 'liu', password: 'pw' });
    expect(session.token()).toBe('tok');
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    await expect(auth.getPermissions?.({})).resolves.toEqual({ roles: ['liaison'], unitCode: 'traffic-police' });
    await expect(auth.getIdentity?.()).resolves.toMatchObject({ id: '3', fullName: '刘' });
    expect(requests).toHaveLength(1);
  });

  it('shows a refused sign-in with its message', async () => {
    const { auth, session } = setup([
      { data: { data: { __typename: 'InvalidCredentialsError', errorCode: 'INVALID_CREDENTIALS', message: 'no' } } },
    ]);
    await expect(auth.login({ username: 'x', password: 'y' })).rejects.toThrow('INVALID_CREDENTIALS: no');
    expect(session.token()).toBeNull();
  });

  it('forgets an expired token, so checkAuth sends to the login page', async () => {
    let now = Date.parse('2025-06-01T00:00:00Z');
    const { auth, session } = setup([], () => now);
    session.start('tok', '2025-06-01T12:00:00Z', user as never);
    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    now = Date.parse('2025-06-01T12:00:01Z');
    await expect(auth.checkAuth({})).rejects.toMatchObject({ status: 401 });
  });

  it('signs out on a 401 and keeps the session on a 403', async () => {
    const { auth, session, lost } = setup([]);
    session.start('tok', '2099-01-01T00:00:00Z', user as never);
    await expect(auth.checkError({ status: 403 })).resolves.toBeUndefined();
    expect(session.token()).toBe('tok');
    expect(lost()).toBe(0);
    await expect(auth.checkError({ status: 401 })).rejects.toBeDefined();
    expect(session.token()).toBeNull();
    expect(lost()).toBe(1);
  });

  it('revokes the token on logout, and signs out locally even if the server is unreachable', async () => {
    const { auth, session, requests } = setup([new TypeError('offline')]);
    session.start('tok', '2099-01-01T00:00:00Z', user as never);
    await auth.logout({});
    expect(requests[0]?.query).toContain('logout');
    expect(session.token()).toBeNull();
  });

  it('keeps the new token after a password change', async () => {
    const { auth, session } = setup([
      { data: { data: { __typename: 'ChangePasswordSuccess', token: 'new', expiresAt: '2099-01-01T00:00:00Z' } } },
    ]);
    session.start('old', '2099-01-01T00:00:00Z', user as never);
    await auth.changePassword('a', 'bbbbbbbb');
    expect(session.token()).toBe('new');
    expect(session.user()?.username).toBe('liu');
  });
});

describe('canAccess', () => {
  it.each([
    [['admin'], 'users', 'edit', true],
    [['office'], 'users', 'list', false],
    [['office'], 'auditLog', 'list', true],
    [['office'], 'auditLog', 'delete', false],
    [['liaison'], 'auditLog', 'list', false],
    [['leader', 'admin'], 'users', 'create', true],
    [['admin'], 'users', 'delete', false],
    [['admin'], 'unknown-resource', 'list', false],
  ] as const)('%o on %s/%s → %s', (roles, resource, action, allowed) => {
    expect(canAccess({ roles }, resource, action)).toBe(allowed);
  });

  it('refuses everything when signed out', () => {
    expect(canAccess(null, 'users', 'list')).toBe(false);
    expect(hasRole(null, 'admin')).toBe(false);
    expect(hasRole({ roles: ['office'] }, 'admin', 'office')).toBe(true);
  });
});
