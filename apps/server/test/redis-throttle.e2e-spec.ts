import { Role } from '@pingyi/server-core';
import { createTestServer, redisAvailable, redisTestUrl, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN } from './auth.suite';

const REDIS_URL = redisTestUrl();

describe('login throttle in Redis (REDIS_URL) [sqlite]', () => {
  let reachable = false;
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    reachable = await redisAvailable(REDIS_URL);
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
    expect((await first.gql(LOGIN, { u: username, p: 'test-user-password-1' })).data.login.errorCode).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect((await second.gql(LOGIN, { u: username, p: 'test-user-password-1' })).data.login.errorCode).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    expect(await first.dataSource.query('SELECT COUNT(*) AS n FROM rate_limit')).toEqual([{ n: 0 }]);
  });
});
