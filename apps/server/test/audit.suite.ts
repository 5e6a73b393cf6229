import { AuditEntry, Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOG = `query Log($options: ListOptions, $filter: AuditLogFilter) {
  auditLog(options: $options, filter: $filter) {
    totalItems
    items { id username operation args success errorCode at }
  }
}`;

interface Entry {
  username: string | null;
  operation: string;
  args: string;
  success: boolean;
  errorCode: string | null;
  at: string;
}

/** The audit log (every mutation, refused ones included) and its pagination cost, on one database. */
export function auditSuite(database: TestDatabase): void {
  let server: TestServer;
  let admin: string;
  const log = async (
    filter: Record<string, unknown> = {},
    options: Record<string, unknown> = { take: 100 },
  ): Promise<Entry[]> => {
    const response = await server.gql(LOG, { filter, options }, admin);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.auditLog.items as Entry[];
  };

  beforeAll(async () => {
    server = await createTestServer({ database });
    admin = await server.adminToken();
  });
  afterAll(() => server?.close());

  it('records a successful mutation with who, what and when, and redacts the password', async () => {
    const before = Date.now();
    const user = await server.createUser({ roles: [Role.office], username: 'audited-user' });
    const [entry] = await log({ operation: 'createUser' });
    expect(entry).toMatchObject({ username: 'admin', operation: 'createUser', success: true, errorCode: null });
    expect(JSON.parse(entry?.args ?? '{}')).toEqual({
      input: {
        username: 'audited-user',
        displayName: 'audited-user',
        password: '***',
        roles: ['office'],
        unitCode: null,
      },
    });
    expect(entry?.args).not.toContain(user.password);
    expect(new Date(entry?.at ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records failures: error results, failed sign-ins and mutations refused by the guard', async () => {
    await server.gql(
      'mutation { createUser(input: { username: "admin", displayName: "x", password: "some-password-1", roles: [office] }) { __typename } }',
      {},
      admin,
    );
    await server.gql('mutation { login(username: "audited-user", password: "wrong-password") { __typename } }');
    const office = await server.loginAs(Role.office);
    await server.gql(
      'mutation { createUser(input: { username: "nope-user", displayName: "x", password: "some-password-1", roles: [office] }) { __typename } }',
      {},
      office,
    );
    const failures = await log({ success: false });
    expect(failures.map((e) => [e.operation, e.username, e.errorCode])).toEqual(
      expect.arrayContaining([
        ['createUser', 'admin', 'USERNAME_TAKEN'],
        ['login', 'audited-user', 'INVALID_CREDENTIALS'],
        ['createUser', expect.stringMatching(/^user-office-/), 'FORBIDDEN'],
      ]),
    );
    for (const entry of failures) expect(entry.args).not.toContain('wrong-password');
  });

  it('records sign-outs and password changes without the passwords', async () => {
    const user = await server.createUser({ roles: [Role.leader] });
    const token = await server.login(user.username, user.password);
    await server.gql(
      'mutation { changePassword(currentPassword: "test-user-password-1", newPassword: "changed-password-9") { __typename } }',
      {},
      token,
    );
    const entries = await log({ username: user.username });
    expect(entries.map((e) => e.operation)).toEqual(['changePassword', 'login']);
    for (const entry of entries) {
      expect(entry.args).not.toContain('changed-password-9');
      expect(entry.args).not.toContain('test-user-password-1');
    }
  });

  it('filters by time and pages newest first', async () => {
    const all = await log();
    expect(all.length).toBeGreaterThanOrEqual(5);
    const times = all.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const future = await log({ from: new Date(Date.now() + 3600_000).toISOString() });
    expect(future).toEqual([]);
    const past = await log({ to: new Date(Date.now() - 3600_000).toISOString() });
    expect(past).toEqual([]);
    const bad = await server.gql(LOG, { filter: { from: 'yesterday' } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'filter.from' });
  });

  it('is readable by admin and office only', async () => {
    for (const role of [Role.liaison, Role.inspector, Role.leader]) {
      expect((await server.gql(LOG, {}, await server.loginAs(role))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.gql(LOG, {}, await server.loginAs(Role.office))).data.auditLog.totalItems).toBeGreaterThan(0);
  });

  describe('pagination over many rows', () => {
    const ROWS = 2_000;
    beforeAll(async () => {
      const bureauId = (
        await server.dataSource.query('SELECT id FROM bureau WHERE host = ' + (database === 'postgres' ? 'true' : '1'))
      )[0].id;
      server.sql.pause();
      const rows = Array.from({ length: ROWS }, (_, i) => ({
        bureauId: Number(bureauId),
        calledByUserId: null,
        calledBy: `bulk-${i % 7}`,
        operation: i % 2 ? 'bulkEven' : 'bulkOdd',
        args: '{}',
        success: i % 3 !== 0,
        errorCode: null,
        requestId: null,
        ip: null,
        calledAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
      }));
      for (let i = 0; i < rows.length; i += 250)
        await server.dataSource.getRepository(AuditEntry).insert(rows.slice(i, i + 250));
      server.sql.pause(false);
    });

    it.each([10, 100])('costs the same few statements whatever the page size (take %i)', async (take) => {
      server.sql.reset();
      const response = await server.gql(
        LOG,
        { filter: { operation: 'bulkEven' }, options: { skip: 200, take } },
        admin,
      );
      expect(response.data.auditLog.items).toHaveLength(take);
      expect(response.data.auditLog.totalItems).toBe(ROWS / 2);
      const auditStatements = server.sql.statements.filter((s) => s.sql.includes('audit_entry'));
      // one page query and one count; the other statement is the token lookup
      expect(auditStatements).toHaveLength(2);
      expect(server.sql.count).toBeLessThanOrEqual(3);
    });

    it('pages without gaps or repeats when sorting on a non-unique column', async () => {
      const seen = new Set<string>();
      for (let skip = 0; skip < 140; skip += 35) {
        const response = await server.gql(
          'query($o: ListOptions) { auditLog(options: $o, filter: { operation: "bulkOdd" }) { items { id } } }',
          { o: { skip, take: 35, sort: [{ field: 'username', order: 'ASC' }] } },
          admin,
        );
        for (const item of response.data.auditLog.items as { id: string }[]) seen.add(item.id);
      }
      expect(seen.size).toBe(140);
    });
  });
}
