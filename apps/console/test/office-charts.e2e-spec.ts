import { createTestServer, moveCampaignTo, seedGroup, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { expectNoMissingLabelsOrErrors, open, settle, signIn, switchLanguage } from './console-helpers';
import { storeBallots } from './fixtures/ballots';
import { createCampaign } from './fixtures/office-campaign';

// The results as an office worker reads them (issue 16): scores to the
// policy's decimals everywhere, the score chart on an axis from 0, each
// unit's levels as a stacked bar per group, and a unit's trend over the
// bureau's campaigns. One server, one Chromium, both languages.

const GROUPS = [seedGroup('residents', 300), seedGroup('enterpriseRepresentatives', 100)];
const PUBLISH = `mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ErrorResult { errorCode message path } } }`;
const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describeInBrowser('the office reads the results: decimals, axis from 0, levels per group, trend', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy } });
    const token = await server.adminToken();
    // last year: published, traffic police all 满意 (100.00)
    const last = await createCampaign(server, token, 'rectification', { name: '上一年度民主评议机关', groups: GROUPS });
    await storeBallots(
      server,
      last,
      'residents',
      repeat(6, () => ({
        'traffic-police': 'satisfied',
        'public-order': 'basicallySatisfied',
        'legal-affairs': 'satisfied',
      })),
    );
    await server.gqlOk(PUBLISH, { c: last }, token);
    await moveCampaignTo(server, token, last, 'rectification', 1);
    // this year: traffic police half 满意, half 不满意 (70.00); public order all 比较满意 (85.00); two of the ballots from enterprise representatives (a small cell)
    const current = await createCampaign(server, token, 'rectification', {
      name: '本年度民主评议机关',
      groups: GROUPS,
    });
    await storeBallots(
      server,
      current,
      'residents',
      repeat(6, (i) => ({
        'traffic-police': i % 2 ? 'dissatisfied' : 'satisfied',
        'public-order': 'fairlySatisfied',
        'legal-affairs': 'basicallySatisfied',
      })),
    );
    await storeBallots(
      server,
      current,
      'enterpriseRepresentatives',
      repeat(2, (i) => ({
        'traffic-police': i % 2 ? 'dissatisfied' : 'satisfied',
        'public-order': 'fairlySatisfied',
        'legal-affairs': 'fairlySatisfied',
      })),
    );
    await server.gqlOk(PUBLISH, { c: current }, token);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `FAILED-charts-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  const scoreOf = async (unit: string): Promise<string> => {
    const row = page.getByTestId('ranking').locator('tbody tr').filter({ hasText: unit });
    return (await row.locator('td').nth(2).innerText()).trim();
  };

  it("shows every score to the policy's two decimals: ranking, dashboard, comparison", async () => {
    await settle(page);
    const glance = page.getByTestId('results-glance');
    await glance.waitFor();
    expect(await glance.innerText()).toContain('85.00');
    await open(page, server.url, '/results');
    await page.getByTestId('ranking').waitFor();
    await settle(page);
    expect(await scoreOf('治安支队')).toBe('85.00');
    expect(await scoreOf('交警支队')).toBe('70.00');
    await screenshot(page, 'charts-ranking-decimals');
    await page.getByRole('tab', { name: '与上一轮对比' }).click();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    const traffic = await comparison.locator('tbody tr').filter({ hasText: '交警支队' }).innerText();
    expect(traffic).toContain('100.00');
    expect(traffic).toContain('-30.00');
    await screenshot(page, 'charts-compare');
  });

  it('draws the score chart on an axis from 0, bars in proportion, opened from the keyboard', async () => {
    await page.getByRole('tab', { name: '图表' }).click();
    const chart = page.getByTestId('score-chart');
    await chart.waitFor();
    expect(
      await chart.getByTestId('score-axis-tick').evaluateAll((ticks) => ticks.map((tick) => tick.textContent)),
    ).toEqual(['0', '25', '50', '75', '100']);
    const width = async (unit: string) =>
      Number(await chart.getByTestId(`score-bar-${unit}`).getAttribute('data-width'));
    expect((await width('public-order')) / (await width('traffic-police'))).toBeCloseTo(85 / 70, 5);
    expect(await chart.getByTestId('score-bar-public-order').textContent()).toContain('85.00');
    await screenshot(page, 'charts-score-axis');
    // keyboard only: the bars are buttons
    await chart.getByTestId('score-bar-traffic-police').focus();
    await page.keyboard.press('Enter');
    const drawer = page.locator('.MuiDrawer-paper');
    await drawer.getByTestId('unit-trend').waitFor();
    expect(await drawer.locator('h5').innerText()).toBe('交警支队');
    await drawer.getByText(/得分 70\.00 · 第 \d 名/).waitFor();
    const trend = await drawer.getByTestId('unit-trend-table').locator('tbody tr').allInnerTexts();
    expect(trend).toHaveLength(2);
    expect(trend[0]).toContain('上一年度民主评议机关');
    expect(trend[0]).toContain('100.00');
    expect(trend[1]).toContain('本年度民主评议机关');
    expect(trend[1]).toContain('70.00');
    await screenshot(page, 'charts-unit-trend');
    await page.keyboard.press('Escape');
  });

  it("stacks each unit's levels in one bar, for all groups or one, small groups withheld", async () => {
    await page.getByRole('tab', { name: '档次分布' }).click();
    const chart = page.getByTestId('level-distribution');
    await chart.waitFor();
    const segments = chart.getByTestId('distribution-traffic-police').getByTestId('distribution-segment');
    await expect.poll(() => segments.count()).toBe(2);
    const counts = Object.fromEntries(
      await segments.evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-level'), Number(n.getAttribute('data-count'))]),
      ),
    );
    expect(counts).toEqual({ satisfied: 4, dissatisfied: 4 });
    expect(await chart.getByTestId('level-legend').innerText()).toContain('比较满意');
    await screenshot(page, 'charts-distribution-all');
    await chart.getByRole('combobox', { name: '评议对象类别' }).click();
    await page.getByRole('option', { name: '企业代表' }).click();
    await chart
      .getByTestId('distribution-traffic-police')
      .locator('text')
      .filter({ hasText: /不单独显示/ })
      .first()
      .waitFor();
    await screenshot(page, 'charts-distribution-group');
  });

  it('reads the same in English', async () => {
    await switchLanguage(page, 'English');
    await open(page, server.url, '/results');
    await page.getByRole('tab', { name: 'Levels' }).click();
    await page.getByTestId('level-distribution').waitFor();
    await settle(page);
    await screenshot(page, 'charts-distribution-en');
    await page.getByRole('tab', { name: 'Chart' }).click();
    await page.getByTestId('score-chart').waitFor();
    await screenshot(page, 'charts-score-axis-en');
    await page.getByRole('tab', { name: 'Ranking' }).click();
    await page.getByTestId('ranking').getByRole('button', { name: '交警支队' }).click();
    await page
      .getByTestId('unit-trend')
      .getByText('Results over the years')
      .or(page.getByText('Results over the years'))
      .first()
      .waitFor();
    await screenshot(page, 'charts-unit-trend-en');
    await page.keyboard.press('Escape');
    await switchLanguage(page, '简体中文');
  });

  it('had no uncaught errors and no missing labels', () => expectNoMissingLabelsOrErrors(page, errors));
});
