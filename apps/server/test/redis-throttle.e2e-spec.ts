import { Role } from '@pingyi/server-core';
import { createTestServer, type TestServer } from '@pingyi/testing';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN } from './auth.suite';

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 6379), hostname);
  });
}

describe('login throttle in Redis (REDIS_URL) [sqlite]', () => {
  let reachable = false;
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    reachable = await redisReachable(REDIS_URL);
    if (!reachable) {
      console.warn(`Skipping the Redis throttle test: no Redis at ${REDIS_URL} (set REDIS_TEST_URL to run it).`);
      return;
    }
    first = await createTestServer({ env: { REDIS_URL } });
    second = await createTestServer({ env: { REDIS_URL } });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('blocks after five failures and shares the count between instances', async (context) => {
    if (!reachable) return context.skip(`no Redis at ${REDIS_URL}`);
    // separate databases, one Redis: the count can only be shared through Redis
    const username = `redis-user-${Date.now().toString(36)}`;
    await first.createUser({ roles: [Role.office], username });
    await second.createUser({ roles: [Role.office], username });
    for (let i = 0; i < 5; i += 1) await (i % 2 ? first : second).gql(LOGIN, { u: username, p: 'wrong-password' });
    expect((await first.gql(LOGIN, { u: username, p: 'test-user-password-1' })).data.login.errorCode).toBe('TOO_MANY_ATTEMPTS');
    expect((await second.gql(LOGIN, { u: username, p: 'test-user-password-1' })).data.login.errorCode).toBe('TOO_MANY_ATTEMPTS');
    expect(await first.dataSource.query('SELECT COUNT(*) AS n FROM login_throttle')).toEqual([{ n: 0 }]);
  });
});
