import { MAX_CODE_GUESSES, Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, redisAvailable, redisTestUrl, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BALLOT_FORM, issueCodes } from './support/ballot-fixtures';

const REDIS_URL = redisTestUrl();

describe('access-code guess throttle in Redis (REDIS_URL) [sqlite]', () => {
  let reachable = false;
  let first: TestServer;
  let second: TestServer;
  let codes: string[];
  beforeAll(async () => {
    reachable = await redisAvailable(REDIS_URL);
    if (!reachable) {
      console.warn(`Skipping the Redis guess-throttle test: no Redis at ${REDIS_URL} (set REDIS_TEST_URL to run it).`);
      return;
    }
    first = await createTestServer({ env: { REDIS_URL, PINGYI_TRUST_PROXY: 'loopback' } });
    second = await createTestServer({ env: { REDIS_URL, PINGYI_TRUST_PROXY: 'loopback' } });
    const office = await second.loginAs(Role.office);
    codes = (await issueCodes(second, office, await createCampaign(second, office), 'residents', 2)).codes;
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('counts wrong codes of one address across instances, in Redis only', async (context) => {
    if (!reachable) return context.skip(`no Redis at ${REDIS_URL}`);
    // an address of its own for this run (the counter lives 15 minutes in Redis)
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    // separate databases, one Redis: the first server knows none of the second's codes
    for (let i = 0; i < MAX_CODE_GUESSES; i += 1) {
      const wrong = (await first.gql(BALLOT_FORM, { code: codes[i % 2] }, undefined, { 'x-forwarded-for': ip })).data
        .ballotForm;
      expect(wrong.errorCode).toBe('INVALID_CODE');
    }
    const refused = (await second.gql(BALLOT_FORM, { code: codes[0] }, undefined, { 'x-forwarded-for': ip })).data
      .ballotForm;
    expect(refused.errorCode).toBe('TOO_MANY_ATTEMPTS');
    // another address still opens its ballot on the second server
    expect(
      (await second.gql(BALLOT_FORM, { code: codes[0] }, undefined, { 'x-forwarded-for': ip.replace(/^10\./, '11.') }))
        .data.ballotForm.__typename,
    ).toBe('BallotForm');
    for (const server of [first, second])
      expect(await server.dataSource.query('SELECT COUNT(*) AS n FROM rate_limit')).toEqual([{ n: 0 }]);
  });
});
