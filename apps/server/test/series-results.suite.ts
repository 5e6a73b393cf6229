import { addDays, messageText } from '@pingyi/domain';
import { type BallotToStore, Role } from '@pingyi/server-core';
import { parsePolicy, scoreTally, Tally } from '@pingyi/scoring';
import { createTestServer, type TestDatabase, type TestServer, today } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ballotsOf,
  codeOf,
  createCampaign,
  hostBureauId,
  moveTo,
  POLICY,
  SET_UNITS,
  storeBallots,
  tallyRowsOf,
  UNITS,
  UPDATE_CAMPAIGN,
} from './support/campaign-content';

const SERIES = [
  { code: 'enforcement', label: '行政执法类' },
  { code: 'service', label: '公共服务类' },
];
const SERIES_POLICY = {
  ...POLICY,
  rankWithin: 'series',
  rankTiers: [
    { code: 'excellent', label: '优秀', top: 1 },
    { code: 'general', label: '一般', bottom: 1 },
  ],
  minResponseRate: 10,
};
const SERIES_OF: Record<string, string | null> = {
  'traffic-police': 'enforcement',
  'public-order': 'enforcement',
  'legal-affairs': 'service',
};

// residents 40 (of 100 codes issued: 40 %), enterprise representatives 12 (no codes: 12 % of the quota 100),
// journalists 3 (7.5 % of the quota 40: below the minimum 10 %, reported but not scored)
const ballots: BallotToStore[] = [
  ...ballotsOf(40, 'residents', {
    'traffic-police': 'satisfied',
    'public-order': 'basicallySatisfied',
    'legal-affairs': 'fairlySatisfied',
  }),
  ...ballotsOf(12, 'enterpriseRepresentatives', {
    'traffic-police': 'fairlySatisfied',
    'public-order': 'notVerySatisfied',
    'legal-affairs': 'satisfied',
  }),
  ...ballotsOf(3, 'supervisorsAndJournalists', {
    'traffic-police': 'dissatisfied',
    'public-order': 'satisfied',
    'legal-affairs': 'dissatisfied',
  }),
];

const STANDINGS = `query($c: ID!) { standings(campaignId: $c) {
  rankWithin previousYear series { code label }
  groupResponses { groupCode received distributed rate basis codesIssued codesUsed codeRate minResponseRate scored }
  standings { unitCode series seriesLabel score rank overallRank tier tierLabel responded distributed responseRate bottomTier consecutiveBottom
    notScoredGroups { groupCode groupLabel responseRate minResponseRate } explanation { textZh textEn } }
} }`;
const PUBLISH = `mutation($c: ID!) { publishResults(campaignId: $c) {
  __typename ... on ResultSnapshot { id rankWithin groupResponses { groupCode rate scored } standings { unitCode series rank overallRank tier responseRate consecutiveBottom } }
  ... on ErrorResult { errorCode message path }
} }`;
const UNITS_OF = 'query($c: ID!) { units(campaignId: $c) { code seriesCode } }';

type Standing = Record<string, unknown> & { unitCode: string };

/** Series on units, ranking within series with rank tiers, response rates and the minimum, the consecutive-year mark. */
export function seriesResultsSuite(database: TestDatabase): void {
  let server: TestServer;
  let admin: string;
  let bureauId: number;
  let previousId: string;
  let campaignId: string;

  beforeAll(async () => {
    server = await createTestServer({ database });
    admin = await server.adminToken();
    bureauId = await hostBureauId(server);
    // last round (two years back, still in rectification so it can be published): 治安支队 scored 不满意, the last tier
    const start = addDays(today(), -800);
    const phases = [
      { code: 'mobilization', label: '动员部署', start, end: addDays(start, 19) },
      { code: 'implementation', label: '组织实施', start: addDays(start, 20), end: addDays(start, 39) },
      { code: 'appraisal', label: '接受评议', start: addDays(start, 40), end: addDays(start, 59) },
      { code: 'rectification', label: '整改提高', start: addDays(start, 60), end: addDays(today(), 10) },
    ];
    previousId = await createCampaign(server, admin, 'appraisal', {
      year: Number(start.slice(0, 4)),
      phases,
      name: '上一轮评议',
    });
    await storeBallots(server, bureauId, previousId, [
      ...ballotsOf(30, 'residents', {
        'traffic-police': 'satisfied',
        'public-order': 'dissatisfied',
        'legal-affairs': 'dissatisfied',
      }),
    ]);
    const published = await server.gql(PUBLISH, { c: previousId }, admin);
    expect(published.data.publishResults.__typename).toBe('ResultSnapshot');

    campaignId = await createCampaign(server, admin, 'appraisal', {
      series: SERIES,
      policyJson: JSON.stringify(SERIES_POLICY),
    });
    const units = await server.gql(
      SET_UNITS,
      { c: campaignId, units: UNITS.map((unit) => ({ ...unit, seriesCode: SERIES_OF[unit.code] ?? null })) },
      admin,
    );
    expect(units.data.setUnits.__typename).toBe('UnitList');
    const issued = await server.gql(
      'mutation($c: ID!) { issueAccessCodes(campaignId: $c, group: "residents", count: 100) { __typename ... on ErrorResult { errorCode message } } }',
      { c: campaignId },
      admin,
    );
    expect(issued.data.issueAccessCodes.__typename).toBe('IssuedAccessCodes');
    await storeBallots(server, bureauId, campaignId, ballots);
  });
  afterAll(() => server?.close());

  it("stores the campaign's series and each unit's series; setUnits without seriesCode keeps it", async () => {
    const campaign = (
      await server.gql('query($id: ID!) { campaign(id: $id) { series { code label } } }', { id: campaignId }, admin)
    ).data.campaign;
    expect(campaign.series).toEqual(SERIES);
    await server.gql(SET_UNITS, { c: campaignId, units: UNITS }, admin);
    const units = (await server.gql(UNITS_OF, { c: campaignId }, admin)).data.units as {
      code: string;
      seriesCode: string | null;
    }[];
    expect(Object.fromEntries(units.map((unit) => [unit.code, unit.seriesCode]))).toEqual({
      bureau: null,
      logistics: null,
      ...SERIES_OF,
    });
  });

  it("refuses a series the campaign does not have, naming the unit, in the user's language", async () => {
    const units = UNITS.map((unit) => (unit.code === 'legal-affairs' ? { ...unit, seriesCode: 'nowhere' } : unit));
    const en = await server.gql(SET_UNITS, { c: campaignId, units }, admin);
    expect(en.data.setUnits).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: `units[3].seriesCode` });
    expect(en.data.setUnits.message).toMatch(
      /series "nowhere" is not a series of the campaign \(enforcement \(行政执法类\), service \(公共服务类\)\)/,
    );
    const SENTENCE = `mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { ... on ErrorResult { messageKey messageParamsJson } } }`;
    const { messageKey, messageParamsJson } = (await server.gql(SENTENCE, { c: campaignId, units }, admin)).data
      .setUnits;
    expect(messageKey).toBe('unknownSeries');
    expect(messageText(messageKey, JSON.parse(messageParamsJson), 'zh')).toContain(
      '序列“nowhere”不是本次评议设置的序列',
    );
  });

  it('refuses removing a series that still holds units (IN_USE) and a series code given twice', async () => {
    const removed = await server.gql(UPDATE_CAMPAIGN, { id: campaignId, input: { series: [SERIES[1]] } }, admin);
    expect(removed.data.updateCampaign).toMatchObject({ errorCode: 'IN_USE', path: 'input.series' });
    expect(removed.data.updateCampaign.message).toMatch(/series "enforcement" still has 2 unit\(s\)/);
    const twice = await server.gql(
      UPDATE_CAMPAIGN,
      { id: campaignId, input: { series: [SERIES[0], SERIES[0]] } },
      admin,
    );
    expect(twice.data.updateCampaign).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.series[1].code' });
  });

  it('ranks within series and overall, with rank tiers, exactly as scoreTally does on the same tally', async () => {
    const { data } = await server.gql(STANDINGS, { c: campaignId }, admin);
    const got = data.standings;
    expect(got.rankWithin).toBe('series');
    expect(got.series).toEqual(SERIES);
    const policy = parsePolicy(SERIES_POLICY);
    const participation = {
      residents: { received: 40, distributed: 100 },
      enterpriseRepresentatives: { received: 12, distributed: 100 },
      supervisorsAndJournalists: { received: 3, distributed: 40 },
    };
    const tally = Tally.fromRows(tallyRowsOf(ballots), { scale: policy.scale, groups: policy.groups }).withSeries(
      SERIES_OF,
    );
    const expected = scoreTally(tally, policy, undefined, { participation }).standings;
    expect(got.standings.map((s: Standing) => [s.unitCode, s.series, s.rank, s.overallRank, s.score, s.tier])).toEqual(
      expected.map((s) => [s.unit, s.series, s.rank, s.overallRank, s.score, s.tier]),
    );
    expect(got.standings.map((s: Standing) => [s.unitCode, s.tier])).toEqual([
      ['traffic-police', 'excellent'],
      ['public-order', 'general'],
      ['legal-affairs', 'excellent'],
    ]);
    const lastInSeries = got.standings.find((s: Standing) => s.unitCode === 'public-order');
    expect(lastInSeries).toMatchObject({ seriesLabel: '行政执法类', tierLabel: '一般', bottomTier: true });
    // the steps name a small group (k = 5), so the text is the short one; it still states both ranks
    expect(lastInSeries.explanation.textZh).toContain(
      `在序列“行政执法类”中排名第 2；全部单位中排名第 ${lastInSeries.overallRank}`,
    );
    expect(lastInSeries.explanation.textEn).toContain(
      `rank 2 in series 行政执法类; overall rank ${lastInSeries.overallRank}`,
    );
  });

  it('reports response rates per group and per unit; a group below the minimum is reported but not scored, and the explanation says why', async () => {
    const { data } = await server.gql(STANDINGS, { c: campaignId }, admin);
    const groups = Object.fromEntries(
      data.standings.groupResponses.map((g: { groupCode: string }) => [g.groupCode, g]),
    );
    expect(groups.residents).toMatchObject({
      received: 40,
      distributed: 100,
      rate: 40,
      basis: 'issued',
      codesIssued: 100,
      codesUsed: 0,
      codeRate: 0,
      scored: true,
      minResponseRate: 10,
    });
    expect(groups.enterpriseRepresentatives).toMatchObject({
      received: 12,
      distributed: 100,
      rate: 12,
      basis: 'quota',
      scored: true,
    });
    expect(groups.supervisorsAndJournalists).toMatchObject({
      received: 3,
      distributed: 40,
      rate: 7.5,
      basis: 'quota',
      scored: false,
    });
    for (const standing of data.standings.standings) {
      expect(standing).toMatchObject({ responded: 55, distributed: 240, responseRate: 22.92 });
      expect(standing.notScoredGroups).toEqual([
        { groupCode: 'supervisorsAndJournalists', groupLabel: '监督员/记者', responseRate: 7.5, minResponseRate: 10 },
      ]);
      expect(standing.explanation.textZh).toContain('监督员/记者回收率 7.5%，低于最低要求 10%：其评价只报告、不计分。');
      expect(standing.explanation.textEn).toContain(
        'response rate 7.5%, below the minimum 10%: its ratings are reported but not scored',
      );
    }
  });

  it('marks a unit in the bottom tier last year and again now (连续两年), in the API and the explanation', async () => {
    const { data } = await server.gql(STANDINGS, { c: campaignId }, admin);
    expect(data.standings.previousYear).toBe(Number(addDays(today(), -800).slice(0, 4)));
    const marks = Object.fromEntries(data.standings.standings.map((s: Standing) => [s.unitCode, s.consecutiveBottom]));
    // 法制处 was 不满意 last year but is 优秀 now; 交警支队 was fine last year
    expect(marks).toEqual({ 'traffic-police': false, 'public-order': true, 'legal-affairs': false });
    const marked = data.standings.standings.find((s: Standing) => s.unitCode === 'public-order');
    expect(marked.explanation.textZh).toContain('连续两年');
    expect(marked.explanation.textEn).toContain('two years running');
  });

  it('moves a unit between series: its rank, tier and mark follow', async () => {
    const moved: Record<string, string | null> = { ...SERIES_OF, 'public-order': 'service' };
    await server.gql(
      SET_UNITS,
      { c: campaignId, units: UNITS.map((unit) => ({ ...unit, seriesCode: moved[unit.code] ?? null })) },
      admin,
    );
    try {
      const standings = (await server.gql(STANDINGS, { c: campaignId }, admin)).data.standings.standings as Standing[];
      const bySeries = standings.map((s) => [s.unitCode, s.series, s.rank, s.tier]);
      expect(bySeries).toContainEqual(['traffic-police', 'enforcement', 1, 'excellent']);
      expect(standings.filter((s) => s.series === 'service').map((s) => s.rank)).toEqual([1, 2]);
    } finally {
      await server.gql(
        SET_UNITS,
        { c: campaignId, units: UNITS.map((unit) => ({ ...unit, seriesCode: SERIES_OF[unit.code] ?? null })) },
        admin,
      );
    }
  });

  it("carries the series and each unit's series through the campaign configuration file", async () => {
    const exported = (
      await server.gql(
        'query($c: ID!) { exportCampaignConfig(campaignId: $c, format: JSON) { text } }',
        { c: campaignId },
        admin,
      )
    ).data.exportCampaignConfig.text as string;
    const config = JSON.parse(exported) as { series: unknown; units: { code: string; seriesCode?: string }[] };
    expect(config.series).toEqual(SERIES);
    expect(Object.fromEntries(config.units.map((unit) => [unit.code, unit.seriesCode ?? null]))).toEqual({
      bureau: null,
      logistics: null,
      ...SERIES_OF,
    });
    const year = Number(today().slice(0, 4)) + 3;
    const imported = await server.gql(
      'mutation($t: String!, $y: Int) { importCampaignConfig(text: $t, format: JSON, year: $y) { __typename ... on Campaign { id series { code label } } ... on ErrorResult { errorCode message path } } }',
      { t: exported, y: year },
      admin,
    );
    expect(imported.data.importCampaignConfig).toMatchObject({ __typename: 'Campaign', series: SERIES });
    const units = (await server.gql(UNITS_OF, { c: imported.data.importCampaignConfig.id }, admin)).data.units as {
      code: string;
      seriesCode: string | null;
    }[];
    expect(units.find((unit) => unit.code === 'legal-affairs')?.seriesCode).toBe('service');
  });

  it('publishes series, both ranks, the response rates and the mark frozen; a liaison reads them', async () => {
    await moveTo(server, admin, campaignId, 'rectification');
    const live = (await server.gql(STANDINGS, { c: campaignId }, admin)).data.standings;
    const published = (await server.gql(PUBLISH, { c: campaignId }, admin)).data.publishResults;
    expect(published).toMatchObject({ __typename: 'ResultSnapshot', rankWithin: 'series' });
    expect(published.standings).toEqual(
      live.standings.map((s: Standing) => ({
        unitCode: s.unitCode,
        series: s.series,
        rank: s.rank,
        overallRank: s.overallRank,
        tier: s.tier,
        responseRate: s.responseRate,
        consecutiveBottom: s.consecutiveBottom,
      })),
    );
    expect(
      published.groupResponses.map((g: { groupCode: string; scored: boolean }) => [g.groupCode, g.scored]),
    ).toEqual([
      ['residents', true],
      ['enterpriseRepresentatives', true],
      ['supervisorsAndJournalists', false],
    ]);
    const liaison = await server.loginAs(Role.liaison, 'legal-affairs');
    const read = await server.gql(
      'query($c: ID!) { publishedResults(campaignId: $c) { groupResponses { rate } standings { unitCode responseRate consecutiveBottom } } }',
      { c: campaignId },
      liaison,
    );
    expect(read.data.publishedResults[0].standings).toHaveLength(3);
    expect(codeOf(await server.gql(STANDINGS, { c: campaignId }, liaison))).toBe('FORBIDDEN');
  });
}
