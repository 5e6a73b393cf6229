import { addDays } from '@pingyi/domain';
import { Role } from '@pingyi/server-core';
import {
  createCampaign,
  createTestServer,
  moveCampaignTo,
  phasesAround,
  type TestDatabase,
  type TestServer,
} from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cast, codeOf, ISSUE, issueCodes, type JsonObject, mixBox, rowsOf } from './support/ballot-fixtures';

// What an office worker expects beyond the review queue (issue 16): opinions
// searched by words and tagged, the bureau's public address on the slips,
// and a unit's trend over the bureau's campaigns.

const OPINIONS = `query($c: ID!, $f: OpinionListFilter) { opinions(campaignId: $c, filter: $f, options: { take: 100 }) { totalItems items { id text tags } } }`;
const TAG = `mutation($ids: [ID!]!, $add: [String!], $remove: [String!]) {
  tagOpinions(ids: $ids, add: $add, remove: $remove) { __typename ... on ReviewOpinionsSuccess { updated opinions { id tags } } ... on ErrorResult { errorCode message path } }
}`;
const TAGS = `query($c: ID!) { opinionTags(campaignId: $c) }`;
const LOG = `query($f: AuditLogFilter) { auditLog(filter: $f, options: { take: 10 }) { items { operation args success } } }`;
const SETTINGS = `query { bureauSettings { publicAddress ballotUrl } }`;
const SET = `mutation($input: BureauSettingsInput!) { updateBureauSettings(input: $input) { __typename ... on BureauSettings { publicAddress ballotUrl } ... on ErrorResult { errorCode message path } } }`;
const SLIPS = `mutation($c: ID!, $g: String!, $n: Int!, $url: String) { issueAccessCodes(campaignId: $c, group: $g, count: $n) { __typename ... on IssuedAccessCodes { slipsHtml(ballotUrl: $url) } } }`;
const PUBLISH = `mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ErrorResult { errorCode message } } }`;
const TREND = `query($u: String!) { unitTrend(unitCode: $u) { unitCode unitName points { campaignId campaignName year score rank unitCount decimals } } }`;

const TEXTS = ['窗口排队太久', '排队叫号系统常出故障', '执法程序不透明', '100%满意_没有意见'];

export function officeReviewSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;
  let opinions: JsonObject[];

  beforeAll(async () => {
    server = await createTestServer({ database, env: { PINGYI_TRUST_PROXY: 'loopback' } });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office);
    const { codes } = await issueCodes(server, office, campaignId, 'residents', TEXTS.length);
    for (const [i, code] of codes.entries()) {
      await cast(
        server,
        {
          code,
          ratings: [{ unit: 'traffic-police', level: i % 2 ? 'satisfied' : 'basicallySatisfied' }],
          opinions: [{ unit: 'traffic-police', text: TEXTS[i] as string }],
        },
        `10.9.3.${i + 1}`,
      );
    }
    await mixBox(server);
    opinions = (await server.gqlOk<{ opinions: { items: JsonObject[] } }>(OPINIONS, { c: campaignId }, office)).opinions
      .items;
  });
  afterAll(() => server?.close());

  const texts = async (filter: Record<string, unknown>): Promise<string[]> =>
    (
      await server.gqlOk<{ opinions: { items: JsonObject[] } }>(OPINIONS, { c: campaignId, f: filter }, office)
    ).opinions.items
      .map((o) => o.text as string)
      .sort();

  it('finds opinions by the words they contain, % and _ as themselves', async () => {
    expect(await texts({ search: '排队' })).toEqual(['排队叫号系统常出故障', '窗口排队太久']);
    expect(await texts({ search: '%' })).toEqual(['100%满意_没有意见']);
    expect(await texts({ search: '_' })).toEqual(['100%满意_没有意见']);
    expect(await texts({ search: '没有这句话' })).toEqual([]);
    const long = await server.gql(OPINIONS, { c: campaignId, f: { search: '长'.repeat(101) } }, office);
    expect(codeOf(long)).toBe('INVALID_ARGUMENT');
  });

  it('tags opinions in bulk, lists and filters by tag, removes tags; the audit log has it', async () => {
    const queue = opinions.filter((o) => /排队/.test(o.text)).map((o) => o.id);
    const tagged = await server.gqlOk<{ tagOpinions: JsonObject }>(
      TAG,
      { ids: queue, add: ['窗口服务', ' 效率 '] },
      office,
    );
    expect(tagged.tagOpinions.updated).toBe(2);
    expect(tagged.tagOpinions.opinions.map((o: JsonObject) => o.tags)).toEqual([
      ['效率', '窗口服务'].sort(),
      ['效率', '窗口服务'].sort(),
    ]);
    await server.gqlOk(TAG, { ids: [queue[0]], add: ['窗口服务'] }, office); // again: no duplicate
    expect(await texts({ tag: '窗口服务' })).toEqual(['排队叫号系统常出故障', '窗口排队太久']);
    expect(await texts({ tag: '窗口服务', search: '故障' })).toEqual(['排队叫号系统常出故障']);
    expect((await server.gqlOk<{ opinionTags: string[] }>(TAGS, { c: campaignId }, office)).opinionTags.sort()).toEqual(
      ['效率', '窗口服务'].sort(),
    );
    const other = opinions.find((o) => o.text === '排队叫号系统常出故障')?.id;
    await server.gqlOk(TAG, { ids: [other], remove: ['效率'] }, office);
    expect(await texts({ tag: '效率' })).toEqual(['窗口排队太久']);
    const log = (
      await server.gqlOk<{ auditLog: { items: JsonObject[] } }>(LOG, { f: { operation: 'tagOpinions' } }, office)
    ).auditLog.items;
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(log[0]).toMatchObject({ operation: 'tagOpinions', success: true });
    expect(log[0]?.args).toContain('效率');
  });

  it('refuses a tag too long, too many tags, no tag, and tagging by a liaison', async () => {
    const id = opinions[0]?.id;
    const long = (await server.gql(TAG, { ids: [id], add: ['长'.repeat(21)] }, office)).data.tagOpinions;
    expect(long).toMatchObject({ __typename: 'InvalidArgumentError', path: 'add[0]' });
    const many = (await server.gql(TAG, { ids: [id], add: Array.from({ length: 11 }, (_, i) => `t${i}`) }, office)).data
      .tagOpinions;
    expect(many.__typename).toBe('InvalidArgumentError');
    const none = (await server.gql(TAG, { ids: [id] }, office)).data.tagOpinions;
    expect(none.__typename).toBe('InvalidArgumentError');
    const liaison = await server.loginAs(Role.liaison, 'traffic-police');
    expect(codeOf(await server.gql(TAG, { ids: [id], add: ['x'] }, liaison))).toBe('FORBIDDEN');
    // the liaison reads the tags of their unit's opinions
    expect(
      (await server.gqlOk<{ opinionTags: string[] }>(TAGS, { c: campaignId }, liaison)).opinionTags.length,
    ).toBeGreaterThan(0);
  });

  it('keeps tags apart from ballots: a tag row holds the opinion and the tag only', async () => {
    const rows = await rowsOf<Record<string, unknown>>(server, 'SELECT * FROM opinion_tag');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['opinion_id', 'tag']);
  });

  it('validates the public address and prints it on the slips instead of the address the office used', async () => {
    expect((await server.gqlOk<{ bureauSettings: JsonObject }>(SETTINGS, {}, office)).bureauSettings).toEqual({
      publicAddress: null,
      ballotUrl: null,
    });
    for (const bad of [
      'ftp://pingyi.example.gov.cn',
      'javascript:alert(1)',
      'pingyi.example.gov.cn',
      'https://pingyi.example.gov.cn/?a=1',
      `https://${'a'.repeat(200)}.cn`,
      'https://x.cn/"><script>',
    ]) {
      const refused = (await server.gql(SET, { input: { publicAddress: bad } }, office)).data.updateBureauSettings;
      expect(refused, bad).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.publicAddress' });
    }
    const saved = (
      await server.gqlOk<{ updateBureauSettings: JsonObject }>(
        SET,
        { input: { publicAddress: ' https://pingyi.example.gov.cn/ ' } },
        office,
      )
    ).updateBureauSettings;
    expect(saved).toEqual({
      __typename: 'BureauSettings',
      publicAddress: 'https://pingyi.example.gov.cn',
      ballotUrl: 'https://pingyi.example.gov.cn/vote',
    });
    const slips = (
      await server.gqlOk<{ issueAccessCodes: { slipsHtml: string } }>(
        SLIPS,
        { c: campaignId, g: 'residents', n: 1, url: 'http://localhost:3101/#/ballot' },
        office,
      )
    ).issueAccessCodes.slipsHtml;
    expect(slips).toContain('https://pingyi.example.gov.cn/vote');
    expect(slips).not.toContain('localhost');
    // a leader may not read or change it
    const leader = await server.loginAs(Role.leader);
    expect(codeOf(await server.gql(SETTINGS, {}, leader))).toBe('FORBIDDEN');
    // clearing it: slips print the address given again
    await server.gqlOk(SET, { input: { publicAddress: '' } }, office);
    const given = (
      await server.gqlOk<{ issueAccessCodes: { slipsHtml: string } }>(
        SLIPS,
        { c: campaignId, g: 'residents', n: 1, url: 'https://given.example/vote' },
        office,
      )
    ).issueAccessCodes.slipsHtml;
    expect(given).toContain('https://given.example/vote');
    expect(ISSUE).toContain('issueAccessCodes');
  });

  it("traces a unit over the bureau's published campaigns, oldest first", async () => {
    await moveCampaignTo(server, office, campaignId, 'rectification');
    await server.gqlOk(PUBLISH, { c: campaignId }, office);
    // last year: this campaign's phases a year back
    const lastYear = phasesAround('rectification').map((phase) => ({
      ...phase,
      start: addDays(phase.start, -366),
      end: addDays(phase.end, -366),
    }));
    await server.gqlOk(
      `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode message path } } }`,
      {
        id: campaignId,
        input: {
          phases: lastYear,
          year: Number(lastYear[0]?.start.slice(0, 4)),
          reason: 'the suite moves the campaign a year back',
        },
      },
      office,
    );
    const current = await createCampaign(server, office, { phase: 'appraisal', name: '本年度民主评议机关' });
    const { codes } = await issueCodes(server, office, current, 'residents', 2);
    for (const [i, code] of codes.entries())
      await cast(server, { code, ratings: [{ unit: 'traffic-police', level: 'satisfied' }] }, `10.9.4.${i + 1}`);
    await mixBox(server);
    await moveCampaignTo(server, office, current, 'rectification');
    await server.gqlOk(PUBLISH, { c: current }, office);
    const trend = (await server.gqlOk<{ unitTrend: JsonObject }>(TREND, { u: 'traffic-police' }, office)).unitTrend;
    expect(trend.unitName).toBe('交警支队');
    expect(trend.points.map((p: JsonObject) => p.campaignId)).toEqual([campaignId, current]);
    expect(trend.points[0]).toMatchObject({ decimals: 2, unitCount: expect.any(Number) });
    expect(trend.points[0].year).toBeLessThan(trend.points[1].year);
    expect(typeof trend.points[0].score).toBe('number');
    // a liaison reads published results too
    const liaison = await server.loginAs(Role.liaison, 'traffic-police');
    expect(
      (await server.gqlOk<{ unitTrend: JsonObject }>(TREND, { u: 'traffic-police' }, liaison)).unitTrend.points,
    ).toHaveLength(2);
    expect(codeOf(await server.gql(TREND, { u: 'NOT A CODE' }, office))).toBe('INVALID_ARGUMENT');
  });
}
