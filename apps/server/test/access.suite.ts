import { Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOperations, type SweptOperation } from './support/operation-sweep';

type Caller = Role | 'anonymous';

/** Operations anyone may call without signing in; a new public operation must be added here on purpose. */
export const PUBLIC_OPERATIONS = new Set(['login', 'castBallot', 'ballotForm']);
/** Operations every signed-in user may call whatever the role. */
const ANY_SIGNED_IN = new Set(['me', 'currentBureau', 'logout', 'changePassword']);

// The platform surface: who may call what. `true` = allowed.
const SURFACE: readonly { name: string; document: string; allowed: readonly Caller[] }[] = [
  {
    name: 'me',
    document: '{ me { username } }',
    allowed: [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader],
  },
  {
    name: 'currentBureau',
    document: '{ currentBureau { code } }',
    allowed: [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader],
  },
  { name: 'users', document: '{ users { totalItems } }', allowed: [Role.admin] },
  { name: 'user', document: '{ user(id: "1") { id } }', allowed: [Role.admin] },
  { name: 'bureaus', document: '{ bureaus { code } }', allowed: [Role.admin] },
  { name: 'auditLog', document: '{ auditLog { totalItems } }', allowed: [Role.admin, Role.office] },
  {
    name: 'createUser',
    document:
      'mutation { createUser(input: { username: "x", displayName: "x", password: "x", roles: [office] }) { __typename } }',
    allowed: [Role.admin],
  },
  {
    name: 'setUserActive',
    document: 'mutation { setUserActive(id: "999999", active: true) { __typename } }',
    allowed: [Role.admin],
  },
  {
    name: 'resetUserPassword',
    document: 'mutation { resetUserPassword(id: "999999", password: "x") { __typename } }',
    allowed: [Role.admin],
  },
];

const CALLERS: readonly Caller[] = ['anonymous', Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader];

/** Roles, deny by default, bureau isolation, on one database. */
export function accessSuite(database: TestDatabase): void {
  let server: TestServer;
  const tokens = new Map<Caller, string | undefined>();
  beforeAll(async () => {
    server = await createTestServer({ database });
    tokens.set('anonymous', undefined);
    // single-role users: the first-start admin also has the office role
    for (const role of [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader])
      tokens.set(role, await server.loginAs(role));
  });
  afterAll(() => server?.close());

  describe('each role on the platform surface', () => {
    const cases = SURFACE.flatMap((op) =>
      CALLERS.map((caller) => [op.name, caller, op.allowed.includes(caller), op.document] as const),
    );
    it.each(cases)('%s as %s: allowed=%s', async (_name, caller, allowed, document) => {
      const response = await server.gql(document, {}, tokens.get(caller));
      const code = response.errors?.[0]?.extensions?.code;
      if (allowed) {
        expect(code === undefined || (code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED')).toBe(true);
        expect(response.data).not.toBeNull();
      } else {
        expect(code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        // nothing leaks: no data, or the nullable field is null
        expect(response.data === null || Object.values(response.data).every((value) => value === null)).toBe(true);
      }
    });
  });

  describe('deny by default across the whole schema', () => {
    let operations: SweptOperation[];
    beforeAll(async () => {
      operations = await sweepOperations(server);
    });

    it('finds the operations to check', () => {
      expect(operations.map((o) => o.field)).toEqual(
        expect.arrayContaining(['login', 'me', 'users', 'createUser', 'auditLog']),
      );
    });

    it('refuses every non-public operation to an anonymous caller', async () => {
      const leaks: string[] = [];
      for (const op of operations.filter((o) => !PUBLIC_OPERATIONS.has(o.field))) {
        const response = await server.gql(op.document);
        if (response.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED')
          leaks.push(`${op.field}: ${JSON.stringify(response.errors ?? response.data)}`);
      }
      expect(leaks).toEqual([]);
    });

    // Leaders read; the only things they change are their own session and inbox, and
    // listed supervision (挂牌督办), which the domain's transition table gives them.
    const LEADER_MUTATIONS = new Set(['fireRectificationEvent', 'markInboxRead']);

    it('refuses every mutation to a leader (read-only) except their session, inbox and listed supervision', async () => {
      const leaks: string[] = [];
      const leader = await server.loginAs(Role.leader);
      const refusable = operations.filter(
        (o) =>
          o.kind === 'mutation' &&
          !PUBLIC_OPERATIONS.has(o.field) &&
          !ANY_SIGNED_IN.has(o.field) &&
          !LEADER_MUTATIONS.has(o.field),
      );
      expect(refusable.length).toBeGreaterThan(20);
      for (const op of refusable) {
        const response = await server.gql(op.document, {}, leader);
        if (response.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
          leaks.push(`${op.field}: ${JSON.stringify(response.errors ?? response.data)}`);
      }
      expect(leaks).toEqual([]);
    });
  });

  describe('another bureau', () => {
    let other: { bureauId: string; adminUsername: string; adminToken: string };
    let hostAdminId: string;
    beforeAll(async () => {
      other = await server.createBureau('second-bureau');
      hostAdminId = (await server.gql('{ me { id } }', {}, await server.adminToken())).data.me.id;
      await server.createUser({ roles: [Role.office], username: 'second-office', token: other.adminToken });
    });

    it('sees its own bureau and users only', async () => {
      expect((await server.gql('{ currentBureau { code host } }', {}, other.adminToken)).data.currentBureau).toEqual({
        code: 'second-bureau',
        host: false,
      });
      const users = await server.gql(
        '{ users(options: { take: 100 }) { totalItems items { username } } }',
        {},
        other.adminToken,
      );
      expect(users.data.users.items.map((u: { username: string }) => u.username).sort()).toEqual([
        'second-bureau-admin',
        'second-office',
      ]);
      expect(users.data.users.totalItems).toBe(2);
      const hostUsers = await server.gql(
        '{ users(options: { take: 100 }) { items { username } } }',
        {},
        await server.adminToken(),
      );
      expect(hostUsers.data.users.items.map((u: { username: string }) => u.username)).not.toContain('second-office');
    });

    it('cannot read or change the host bureau’s users: they do not exist for it', async () => {
      expect(
        (await server.gql('query($id: ID!) { user(id: $id) { id } }', { id: hostAdminId }, other.adminToken)).data.user,
      ).toBeNull();
      const update = await server.gql(
        'mutation($id: ID!) { updateUser(id: $id, input: { displayName: "hacked" }) { __typename ... on ErrorResult { errorCode } } }',
        { id: hostAdminId },
        other.adminToken,
      );
      expect(update.data.updateUser).toEqual({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND' });
      const reset = await server.gql(
        'mutation($id: ID!) { resetUserPassword(id: $id, password: "hacked-password") { __typename } }',
        { id: hostAdminId },
        other.adminToken,
      );
      expect(reset.data.resetUserPassword.__typename).toBe('NotFoundError');
      const deactivate = await server.gql(
        'mutation($id: ID!) { setUserActive(id: $id, active: false) { __typename } }',
        { id: hostAdminId },
        other.adminToken,
      );
      expect(deactivate.data.setUserActive.__typename).toBe('NotFoundError');
      expect((await server.gql('{ me { username } }', {}, await server.adminToken())).data.me.username).toBe('admin');
    });

    it('sees only its own audit entries', async () => {
      const log = await server.gql(
        '{ auditLog(options: { take: 100 }) { items { username operation } } }',
        {},
        other.adminToken,
      );
      const usernames = new Set(log.data.auditLog.items.map((e: { username: string }) => e.username));
      expect(usernames.has('second-bureau-admin')).toBe(true);
      expect(usernames.has('admin')).toBe(false);
      const hostLog = await server.gql(
        '{ auditLog(options: { take: 100 }) { items { username } } }',
        {},
        await server.adminToken(),
      );
      expect(hostLog.data.auditLog.items.map((e: { username: string }) => e.username)).not.toContain(
        'second-bureau-admin',
      );
    });

    it('may not manage bureaus: only host admins may', async () => {
      const create = await server.gql(
        'mutation { createBureau(input: { code: "third", name: "Third", adminUsername: "third-admin", adminPassword: "third-password-1" }) { __typename } }',
        {},
        other.adminToken,
      );
      expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await server.gql('{ bureaus { code } }', {}, other.adminToken)).errors?.[0]?.extensions?.code).toBe(
        'FORBIDDEN',
      );
      const all = await server.gql('{ bureaus { code } }', {}, await server.adminToken());
      expect(all.data.bureaus.map((b: { code: string }) => b.code)).toEqual(['default', 'second-bureau']);
    });

    it('refuses a taken bureau code and names the field', async () => {
      const again = await server.gql(
        'mutation { createBureau(input: { code: "Second-Bureau", name: "Again", adminUsername: "again-admin", adminPassword: "again-password-1" }) { __typename ... on ErrorResult { errorCode path } } }',
        {},
        await server.adminToken(),
      );
      expect(again.data.createBureau).toEqual({
        __typename: 'BureauCodeTakenError',
        errorCode: 'BUREAU_CODE_TAKEN',
        path: 'input.code',
      });
      const badAdmin = await server.gql(
        'mutation { createBureau(input: { code: "fourth", name: "Fourth", adminUsername: "admin", adminPassword: "fourth-password-1" }) { __typename ... on ErrorResult { errorCode path } } }',
        {},
        await server.adminToken(),
      );
      expect(badAdmin.data.createBureau).toEqual({
        __typename: 'UsernameTakenError',
        errorCode: 'USERNAME_TAKEN',
        path: 'input.adminUsername',
      });
      // all-or-nothing: the bureau of a refused creation does not exist
      const all = await server.gql('{ bureaus { code } }', {}, await server.adminToken());
      expect(all.data.bureaus.map((b: { code: string }) => b.code)).not.toContain('fourth');
    });
  });
}
