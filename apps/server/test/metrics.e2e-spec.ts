// GET /metrics behind PINGYI_METRICS_TOKEN: GraphQL rate and latency per
// operation, ballots cast per group published a minute at a time, the import
// queue, the database pool, event-loop lag.
import {
  createCampaign,
  createTestServer,
  describeOnPostgres,
  type TestDatabase,
  type TestServer,
} from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cast, issueCodes } from './support/ballot-fixtures';

const TOKEN = 'metrics-token-0123456789';

/** The value of a sample whose labels include `labels` (in any order); undefined when absent. A line with a timestamp would have a third field. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = match[2]?.split(',') ?? [];
    if (Object.entries(labels).every(([key, value]) => has.includes(`${key}="${value}"`))) return Number(match[3]);
  }
  return undefined;
}

function metricsSuite(database: TestDatabase): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_METRICS_TOKEN: TOKEN, PINGYI_TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => server?.close());
  const scrape = async (): Promise<string> => {
    const response = await server.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  it('answers only with the token', async () => {
    expect((await server.fetch('/metrics')).status).toBe(401);
    expect(
      (await server.fetch('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    expect((await server.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('counts GraphQL requests per operation, ballots per group only once their minute is over, and shows queue, pool and event-loop lag', async () => {
    const admin = await server.adminToken();
    const campaignId = await createCampaign(server, admin);
    const { codes } = await issueCodes(server, admin, campaignId, 'residents', 2);
    for (const code of codes)
      expect((await cast(server, { code, ratings: [{ unit: 'traffic-police', level: 'satisfied' }] })).__typename).toBe(
        'BallotReceipt',
      );
    const castMinute = Math.floor(Date.now() / 60_000);
    let text = await scrape();
    expect(
      sample(text, 'pingyi_graphql_request_duration_seconds_count', {
        operation: 'mutation castBallot',
        status: '200',
      }),
    ).toBe(2);
    expect(sample(text, 'pingyi_graphql_request_duration_seconds_count', { operation: 'Login', status: '200' })).toBe(
      1,
    );
    expect(
      sample(text, 'pingyi_graphql_request_duration_seconds_bucket', {
        operation: 'mutation castBallot',
        status: '200',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(sample(text, 'pingyi_import_queue_length', {})).toBe(0);
    expect(sample(text, 'pingyi_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds', {})).toBeGreaterThanOrEqual(0);
    if (Math.floor(Date.now() / 60_000) === castMinute)
      expect(sample(text, 'pingyi_ballots_cast_total', { group: 'residents' })).toBeUndefined();
    // the minute of the casts ends: now they show, with no timestamp on the line
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (castMinute + 1) * 60_000 - Date.now() + 50)));
    text = await scrape();
    expect(sample(text, 'pingyi_ballots_cast_total', { group: 'residents' })).toBe(2);
  }, 120_000);
}

describe('metrics [sqlite]', () => metricsSuite('sqlite'));
describeOnPostgres('metrics', () => metricsSuite('postgres'));

it('is off (404) without PINGYI_METRICS_TOKEN', async () => {
  const server = await createTestServer();
  try {
    expect((await server.fetch('/metrics')).status).toBe(404);
  } finally {
    await server.close();
  }
});
