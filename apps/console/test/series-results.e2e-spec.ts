import { addDays, SEED_RATING_SCALE } from '@pingyi/domain';
import { seedGroup, TEST_ADMIN_PASSWORD, type TestServer, today } from '@pingyi/testing';
import { type Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser';
import { consoleSuite } from './console-suite';
import { download, open, settle, signIn, switchLanguage } from './console-helpers';
import { storeBallots } from './fixtures/ballots';
import { UNITS } from './fixtures/office-campaign';

// Issue 14: the results page shows each unit's series, its rank within the series and overall,
// its tier, its response rate next to the score, and 连续两年 for a unit in the bottom tier
// last year and again now; a group below the minimum response rate is reported, not scored.

const SERIES = [
  { code: 'enforcement', label: '行政执法类' },
  { code: 'service', label: '公共服务类' },
];
const SERIES_OF: Record<string, string | null> = {
  'traffic-police': 'enforcement',
  'public-order': 'enforcement',
  'legal-affairs': 'service',
};
const GROUPS = [seedGroup('residents', 300), seedGroup('peoplesCongressDeputies', 50)];
const TIERS = [
  { code: 'satisfied', label: '满意', min: 85 },
  { code: 'basicallySatisfied', label: '基本满意', min: 60 },
  { code: 'dissatisfied', label: '不满意', min: null },
];
const POLICY = {
  version: 1,
  scale: SEED_RATING_SCALE,
  strategy: { code: 'weighted-mean', args: {} },
  decimals: 2,
  tiers: TIERS,
  rankWithin: 'series',
  rankTiers: [
    { code: 'excellent', label: '优秀', top: 1 },
    { code: 'general', label: '一般', bottom: 1 },
  ],
  minResponseRate: 20,
};

type Phase = { code: string; label: string; start: string; end: string };
const LABELS = ['动员部署', '组织实施', '接受评议', '整改提高'];
const CODES = ['mobilization', 'implementation', 'appraisal', 'rectification'];
const phasesFrom = (start: string, lastEnd?: string): Phase[] =>
  CODES.map((code, i) => ({
    code,
    label: LABELS[i] as string,
    start: addDays(start, 20 * i),
    end: i === 3 && lastEnd ? lastEnd : addDays(start, 20 * i + 19),
  }));

async function campaign(
  server: TestServer,
  token: string,
  name: string,
  phases: Phase[],
  policy: object,
  series: typeof SERIES | [],
): Promise<string> {
  const input = {
    year: Number(phases[0]?.start.slice(0, 4)),
    name,
    phases,
    guidingPrinciple: '坚持以人民为中心',
    objectives: [{ number: 1, title: '政令警令更加畅通', text: '决策部署得到坚决执行。' }],
    requirements: [{ number: 1, title: '提高认识，加强领导', text: '实行一把手负责制。' }],
    evaluatorGroups: GROUPS,
    series,
    policyJson: JSON.stringify(policy),
  };
  const created = await server.gqlOk<{ createCampaign: { id: string } }>(
    'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { errorCode message path } } }',
    { input },
    token,
  );
  const id = created.createCampaign.id;
  const units = UNITS.map((unit) => ({ ...unit, seriesCode: series.length ? (SERIES_OF[unit.code] ?? null) : null }));
  await server.gqlOk(
    'mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ... on ErrorResult { errorCode message path } } }',
    { c: id, units },
    token,
  );
  return id;
}

const rated = (tp: string, po: string, la: string) => ({
  'traffic-police': tp,
  'public-order': po,
  'legal-affairs': la,
});
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describeInBrowser('results by series, with response rates and the consecutive-year mark', () => {
  let server: TestServer;
  let token: string;
  let page: Page;

  const suite = consoleSuite('series-results', async (ready) => {
    ({ server, token } = ready);
    // last round, two years back and still in rectification: 治安支队 in its last tier (不满意)
    const before = await campaign(
      server,
      token,
      '上一轮民主评议',
      phasesFrom(addDays(today(), -800), addDays(today(), 10)),
      { ...POLICY, rankWithin: undefined, rankTiers: undefined, minResponseRate: undefined },
      [],
    );
    await storeBallots(server, before, 'residents', times(30, rated('satisfied', 'dissatisfied', 'fairlySatisfied')));
    await server.gqlOk(
      'mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ErrorResult { errorCode message } } }',
      { c: before },
      token,
    );
    // this round, in appraisal: 100 codes issued to residents, 40 of them returned; 人大代表 5 of 50 (10 % < 20 %)
    const now = await campaign(server, token, '本轮民主评议', phasesFrom(addDays(today(), -50)), POLICY, SERIES);
    await server.gqlOk(
      'mutation($c: ID!) { issueAccessCodes(campaignId: $c, group: "residents", count: 100) { __typename ... on ErrorResult { errorCode message } } }',
      { c: now },
      token,
    );
    await storeBallots(server, now, 'residents', [
      ...times(30, rated('satisfied', 'basicallySatisfied', 'fairlySatisfied')),
      ...times(10, rated('fairlySatisfied', 'notVerySatisfied', 'satisfied')),
    ]);
    await storeBallots(
      server,
      now,
      'peoplesCongressDeputies',
      times(5, rated('dissatisfied', 'satisfied', 'dissatisfied')),
    );
  });

  beforeAll(async () => {
    ({ page } = suite);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  it('shows series, both ranks, the tier, the response rate and 连续两年 (Chinese)', async () => {
    await open(page, server.url, '/results');
    const ranking = page.getByTestId('ranking');
    await ranking.getByText('行政执法类').first().waitFor();
    await settle(page);
    const header = await ranking.locator('thead').innerText();
    for (const heading of ['序列', '序列内排名', '总排名', '得分', '回收率', '档次']) expect(header).toContain(heading);
    const row = (name: string) => ranking.locator('tbody tr').filter({ hasText: name });
    const publicOrder = await row('治安支队').innerText();
    expect(publicOrder).toContain('行政执法类');
    expect(publicOrder).toContain('一般');
    expect(publicOrder).toContain('连续两年');
    // 45 ratings of 150 distributed (residents' 100 codes, 人大代表's quota 50): the unit's response rate
    expect(await row('治安支队').getByTestId('response-rate').innerText()).toBe('30%');
    const traffic = await row('交警支队').innerText();
    expect(traffic).toContain('优秀');
    expect(traffic).not.toContain('连续两年');
    expect(await row('法制处').getByTestId('series').innerText()).toBe('公共服务类');
    expect(await row('法制处').getByTestId('overall-rank').innerText()).toMatch(/^[1-3]$/);
    const groups = await page.getByTestId('group-responses').innerText();
    expect(groups).toContain('城乡居民');
    expect(groups).toContain('40%');
    expect(groups).toContain('人大代表');
    expect(groups).toContain('只报告、不计分（低于 20%）');
    // nothing on the page was refused (the published results' query stays within the server's cost limit)
    expect(await page.locator('.MuiAlert-standardError').count()).toBe(0);
    await screenshot(page, 'series-results-zh');
    // the explanation states the rank in the series, the overall rank and why 人大代表 is not scored
    await ranking.getByText('治安支队').first().click();
    const drawer = page.locator('.MuiDrawer-paper').filter({ hasText: '在序列“行政执法类”中排名第 2' });
    await drawer.waitFor();
    const explained = await drawer.innerText();
    expect(explained).toContain('得分 66.25 · 行政执法类第 2 名 · 总排名第 3 名 · 一般');
    expect(explained).toMatch(/全部单位中排名第 \d/);
    expect(explained).toContain('人大代表回收率 10.00%，低于最低要求 20%：其评价只报告、不计分。');
    expect(explained).toContain('连续两年');
    await screenshot(page, 'series-results-explanation-zh');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('exports the series, both ranks, the response rate and the mark (CSV parsed back)', async () => {
    const file = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = (lines[0] ?? '').split(',');
    expect(header.slice(0, 3)).toEqual(['序列', '序列内排名', '总排名']);
    expect(header).toContain('回收率');
    expect(header).toContain('连续两年末位');
    const publicOrder = (lines.find((line) => line.includes('治安支队')) ?? '').split(',');
    expect(publicOrder[0]).toBe('行政执法类');
    expect(publicOrder[1]).toBe('2');
    expect(publicOrder[header.indexOf('连续两年末位')]).toBe('连续两年');
    expect(publicOrder[header.indexOf('回收率')]).toBe('30');
  });

  it('shows the same in English', async () => {
    await switchLanguage(page, 'English');
    await open(page, server.url, '/results');
    const ranking = page.getByTestId('ranking');
    await ranking.getByText('Rank in series').waitFor();
    await settle(page);
    const header = await ranking.locator('thead').innerText();
    for (const heading of ['Series', 'Overall rank', 'Response rate']) expect(header).toContain(heading);
    expect(await ranking.locator('tbody tr').filter({ hasText: '治安支队' }).innerText()).toContain(
      'Two years running',
    );
    expect(await page.getByTestId('group-responses').innerText()).toContain('Reported, not scored (below 20%)');
    await screenshot(page, 'series-results-en');
    await switchLanguage(page, '简体中文');
  });

  it("sets each unit's series in the unit editor", async () => {
    await open(page, server.url, '/organization');
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('所属序列').waitFor();
    await settle(page);
    expect(await tree.locator('tbody tr').filter({ hasText: '法制处' }).innerText()).toContain('公共服务类');
    await screenshot(page, 'series-units-zh');
  });

  it('edits the ranking scope, rank tiers and the minimum response rate in the policy editor, and the series on the campaign (both languages)', async () => {
    await open(page, server.url, '/policy');
    await page.getByText('按序列分别排名').first().waitFor();
    await settle(page);
    expect(await page.locator('input[name="minResponseRate"]').inputValue()).toBe('20');
    expect(await page.locator('input[name="rankTiers.1.places"]').inputValue()).toBe('1');
    await screenshot(page, 'series-policy-zh');
    const id = (
      await server.gqlOk<{ campaigns: { items: { id: string; name: string }[] } }>(
        'query { campaigns { items { id name } } }',
        {},
        token,
      )
    ).campaigns.items.find((c) => c.name === '本轮民主评议')?.id;
    await open(page, server.url, `/campaigns/${id}`);
    await page.getByRole('tab', { name: '单位序列' }).click();
    await page.locator('input[value="行政执法类"]').waitFor();
    await settle(page);
    await screenshot(page, 'series-campaign-zh');
    await switchLanguage(page, 'English');
    await open(page, server.url, '/policy');
    await page.getByText('Within each series').first().waitFor();
    await settle(page);
    await screenshot(page, 'series-policy-en');
    await open(page, server.url, '/organization');
    await page.getByTestId('unit-tree').getByText('Series').waitFor();
    await settle(page);
    await screenshot(page, 'series-units-en');
    await switchLanguage(page, '简体中文');
  });
});
