import { generateAccessCode, Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cast, issueCodes, type JsonObject } from './support/ballot-fixtures';

const EVALUATORS = 300;
const RATINGS = [{ unit: 'traffic-police', level: 'satisfied' }];

/**
 * An office behind one NAT address: 300 evaluators cast within an hour, 5 %
 * of them first typing a code that was never issued (well formed, so it
 * counts as a wrong guess) and some re-submitting their own used code. None
 * is ever refused. The hour passes on a simulated clock (only `Date` is faked).
 */
describe('one office address [sqlite]', () => {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let codes: string[];

  beforeAll(async () => {
    server = await createTestServer({ env: { PINGYI_TRUST_PROXY: 'loopback' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, {
      groups: [{ code: 'residents', label: '城乡居民', quota: 1000 }],
    });
    codes = (await issueCodes(server, office, campaignId, 'residents', EVALUATORS)).codes;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await server?.close();
  });

  it('never refuses 300 evaluators casting within an hour, with 5 % typos and re-submissions', async () => {
    const ip = '10.80.0.1';
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    const outcomes: string[] = [];
    let wrong = 0;
    let resubmitted = 0;
    try {
      for (const [i, code] of codes.entries()) {
        vi.setSystemTime(start + Math.floor((i * 3_600_000) / EVALUATORS)); // one every 12 s
        if (i % 20 === 7) {
          wrong += 1;
          outcomes.push(
            `typo:${(await cast(server, { code: generateAccessCode(), ratings: RATINGS }, ip)).__typename}`,
          );
        }
        outcomes.push(`cast:${(await cast(server, { code, ratings: RATINGS }, ip)).__typename}`);
        if (i % 10 === 3) {
          resubmitted += 1;
          outcomes.push(`again:${(await cast(server, { code, ratings: RATINGS }, ip)).__typename}`);
        }
      }
    } finally {
      vi.useRealTimers();
    }
    expect(wrong).toBe(15);
    expect(resubmitted).toBe(30);
    expect(outcomes.filter((o) => o.startsWith('cast:') && o !== 'cast:BallotReceipt')).toEqual([]);
    expect(outcomes.filter((o) => o.startsWith('typo:') && o !== 'typo:InvalidCodeError')).toEqual([]);
    expect(outcomes.filter((o) => o.startsWith('again:') && o !== 'again:CodeAlreadyUsedError')).toEqual([]);
    const { participation } = await server.gqlOk<{ participation: JsonObject }>(
      `query($c: ID!) { participation(campaignId: $c) { ballots } }`,
      { c: campaignId },
      office,
    );
    expect(participation.ballots).toBe(EVALUATORS);
  }, 120_000);
});
