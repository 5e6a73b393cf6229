import { Role, ServerSecretService } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOGIN } from './auth.suite';

/**
 * Two instances on one database, as behind a load balancer: tokens, their
 * revocation, login throttling and the server secret are shared; nothing
 * lives only in one process.
 */
export function statelessSuite(database: TestDatabase): void {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await createTestServer({ database });
    const reuse =
      first.config.database.type === 'postgres'
        ? { dataDir: first.config.dataDir, databaseUrl: first.config.database.url }
        : { dataDir: first.config.dataDir };
    second = await createTestServer({ database, reuse });
  });
  afterAll(async () => {
    await second?.close({ keepData: true });
    await first?.close();
  });

  it('both answer /health', async () => {
    for (const server of [first, second])
      expect(await (await server.fetch('/health')).json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('accepts a token issued by the other instance, and honours a logout made there', async () => {
    const user = await first.createUser({ roles: [Role.office] });
    const token = await first.login(user.username, user.password);
    expect((await second.gql('{ me { username } }', {}, token)).data.me.username).toBe(user.username);
    await second.gql('mutation { logout { loggedOut } }', {}, token);
    expect((await first.gql('{ me { username } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts failed sign-ins across instances', async () => {
    const user = await first.createUser({ roles: [Role.leader] });
    for (let i = 0; i < 5; i += 1) await (i % 2 ? first : second).gql(LOGIN, { u: user.username, p: 'wrong-password' });
    const blocked = await first.gql(LOGIN, { u: user.username, p: user.password });
    expect(blocked.data.login.errorCode).toBe('TOO_MANY_ATTEMPTS');
  });

  it('shares one generated server secret', () => {
    const [a, b] = [first, second].map((server) => server.app.get(ServerSecretService).hmac('test', 'value'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });

  it('created the first-start admin once', async () => {
    const users = await first.gql(
      '{ users(filter: { search: "admin" }) { items { username } } }',
      {},
      await first.adminToken(),
    );
    expect(users.data.users.items.filter((u: { username: string }) => u.username === 'admin')).toHaveLength(1);
  });
}
