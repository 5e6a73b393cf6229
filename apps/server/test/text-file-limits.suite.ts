import { Role } from '@pingyi/server-core';
import { createCampaign, createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';

const CHECK =
  'query($t: String!, $f: CampaignConfigFormat!) { checkCampaignConfig(text: $t, format: $f) { ok problems { path message code } } }';
const RECTIFICATION = `mutation($c: ID!, $csv: String!) { importRectificationUpdates(campaignId: $c, csv: $csv) { __typename ... on ErrorResult { errorCode message } } }`;
const INDICATORS = `mutation($c: ID!, $csv: String!) { importUnitIndicators(campaignId: $c, csv: $csv) { __typename ... on ErrorResult { errorCode message } } }`;

/**
 * The other files the server reads (issue 10, part 3): campaign
 * configurations (YAML), rectification updates and indicator values (CSV)
 * are held to limits while they are read, and a refusal names the limit.
 */
export function textFileLimitsSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  beforeAll(async () => {
    server = await createTestServer({ database });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
  });
  afterAll(() => server?.close());

  it('refuses a YAML "billion laughs" naming the alias limit', async () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i += 1)
      lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    const { data, errors } = await server.gql(CHECK, { t: lines.join('\n'), f: 'YAML' }, office);
    expect(errors).toBeUndefined();
    expect(data.checkCampaignConfig.ok).toBe(false);
    expect(data.checkCampaignConfig.problems).toEqual([
      { path: '(file)', code: 'FILE_LIMIT_EXCEEDED', message: expect.stringContaining('limit yamlAliases = 100') },
    ]);
    expect((await server.fetch('/health')).status).toBe(200);
  });

  it('reads a YAML map of 50,000 keys in one pass (the repeated key found where it repeats), not in quadratic time', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: v`);
    const started = Date.now();
    const { data, errors } = await server.gql(CHECK, { t: [...keys, 'k7: again'].join('\n'), f: 'YAML' }, office);
    // generous: one linear pass takes a second or two; the library's own duplicate check took minutes
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(errors).toBeUndefined();
    expect(data.checkCampaignConfig.problems).toEqual([
      {
        path: 'line 50001, column 1',
        code: 'INVALID_CAMPAIGN_CONFIG',
        message: expect.stringMatching(/Map keys must be unique/),
      },
    ]);
    expect((await server.fetch('/health')).status).toBe(200);
  });

  it.each([
    ['rectification updates', RECTIFICATION, 'importRectificationUpdates'],
    ['indicator values', INDICATORS, 'importUnitIndicators'],
  ])(
    'refuses %s CSV of 100,000 lines while reading it, naming the limit and the line',
    async (_name, document, field) => {
      const csv = `unit,x\n${'a,1\n'.repeat(100_000)}`;
      const { data, errors } = await server.gql(document, { c: campaignId, csv }, office);
      expect(data?.[field] ?? null).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'FILE_LIMIT_EXCEEDED',
        details: { limit: 'csvLines', max: 50_000, where: 'line 50001' },
      });
      const wide = `unit${',x'.repeat(1_000)}\n`;
      const refused = await server.gql(document, { c: campaignId, csv: wide }, office);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'FILE_LIMIT_EXCEEDED',
        details: { limit: 'cellsPerRow', max: 500, where: 'line 1' },
      });
      expect((await server.fetch('/health')).status).toBe(200);
    },
  );
}
