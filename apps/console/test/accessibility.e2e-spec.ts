import { createTestServer, moveCampaignTo, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import {
  AXE_REPORT_DIR,
  expectNoMissingLabelsOrErrors,
  open,
  settle,
  switchLanguage,
  tabTo,
  type AxeReport,
} from './console-helpers';
import { storeBallots } from './fixtures/ballots';
import { castOpinions, createCampaign } from './fixtures/office-campaign';

// Every page of the console as axe (WCAG 2.1 A/AA) sees it, in Chinese and
// English, with no serious or critical violation; and the main flows done
// with the keyboard alone: sign in, the menu, a list, a record, a dialog.

const OPEN_ITEM = `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on ErrorResult { errorCode message path } } }`;

/** The pages of the console, by route (`:campaign` and `:item` filled in). */
const PAGES: readonly [name: string, route: string][] = [
  ['dashboard', '/'],
  ['campaigns', '/campaigns'],
  ['campaign-show', '/campaigns/:campaign/show'],
  ['organization', '/organization'],
  ['work-items', '/workItems'],
  ['indicators', '/indicators'],
  ['bulletins', '/bulletins'],
  ['ballots', '/ballots'],
  ['opinions', '/opinions'],
  ['results', '/results'],
  ['policy', '/policy'],
  ['inbox', '/inbox'],
  ['rectification-items', '/rectificationItems'],
  ['rectification-item', '/rectificationItems/:item/show'],
  ['policy-actions', '/policyActions'],
  ['inspections', '/inspections'],
  ['criticism-notices', '/criticismNotices'],
  ['accountability', '/accountabilityRecords'],
  ['users', '/users'],
  ['user-create', '/users/create'],
  ['audit-log', '/auditLog'],
  ['settings', '/settings'],
];

describeInBrowser('every page is accessible (axe) and usable by keyboard alone', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';
  let campaignId = '';
  let itemId = '';
  const reports: AxeReport[] = [];
  /** Pictures the page, which has axe check it first (see screenshot), and keeps its report. */
  const check = async (name: string): Promise<void> => {
    await screenshot(page, `a11y-${name}`);
    reports.push(JSON.parse(fs.readFileSync(path.join(AXE_REPORT_DIR, `a11y-${name}.json`), 'utf8')) as AxeReport);
  };

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy, PINGYI_TRUST_PROXY: 'loopback' } });
    const token = await server.adminToken();
    campaignId = await createCampaign(server, token, 'appraisal');
    await castOpinions(server, token, campaignId, 'traffic-police', [
      '车管所窗口排队超过一小时',
      '预约系统经常登录不上',
    ]);
    await storeBallots(
      server,
      campaignId,
      'residents',
      Array.from({ length: 6 }, (_, i) => ({
        'traffic-police': i % 2 ? 'satisfied' : 'fairlySatisfied',
        'public-order': 'basicallySatisfied',
        'legal-affairs': 'satisfied',
      })),
    );
    await moveCampaignTo(server, token, campaignId, 'rectification');
    itemId = (
      await server.gqlOk<{ openRectificationItem: { id: string } }>(
        OPEN_ITEM,
        { input: { campaignId, title: '车管所窗口排队时间长', unitCode: 'traffic-police' } },
        token,
      )
    ).openRectificationItem.id;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `FAILED-a11y-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    // the counts per page, for the record of the run
    if (reports.length)
      console.log(
        `axe, violations per page (critical/serious/moderate/minor):\n${reports.map((r) => `  ${r.page}: ${r.counts.critical}/${r.counts.serious}/${r.counts.moderate}/${r.counts.minor}`).join('\n')}`,
      );
    await browser?.close();
    await server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  describe('with the keyboard alone', () => {
    it('signs in', async () => {
      await page.goto(`${server.url}/#/login`);
      await page.locator('input[name="username"]').waitFor();
      await check('login-zh');
      await tabTo(page, (f) => f.name === 'username');
      await page.keyboard.type('admin');
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_ADMIN_PASSWORD);
      await page.keyboard.press('Enter');
      await page.locator('.RaLayout-appFrame').waitFor();
      await settle(page);
    });

    it('goes through the menu to a page', async () => {
      await tabTo(page, (f) => f.tag === 'a' && f.text === '意见表');
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/opinions/);
      await page.getByRole('cell', { name: '预约系统经常登录不上' }).waitFor();
    });

    it('selects rows of a list and submits a dialog', async () => {
      const row = await tabTo(page, (f) => f.tag === 'tr' && f.text.includes('预约系统经常登录不上'));
      expect(row.tag).toBe('tr');
      await page.keyboard.press('Enter');
      await page.getByText('已选 1 项').waitFor();
      await tabTo(page, (f) => f.tag === 'button' && f.text === '标签', { back: true });
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('添加标签').waitFor();
      await tabTo(page, (f) => f.tag === 'input' && f.name === 'add');
      await page.keyboard.type('预约系统');
      await page.getByRole('option', { name: /新建标签“预约系统”/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.tag === 'button' && f.text === '保存标签');
      await page.keyboard.press('Enter');
      await page.getByText('已为 1 条意见设置标签').waitFor();
      await page.getByTestId('opinion-tags').filter({ hasText: '预约系统' }).waitFor();
    });

    it('opens a record from its list', async () => {
      await open(page, server.url, '/rectificationItems');
      await page.getByText('车管所窗口排队时间长').first().waitFor();
      await tabTo(page, (f) => f.tag === 'tr' && f.text.includes('车管所窗口排队时间长'));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`#/rectificationItems/${itemId}/show`));
    });
  });

  for (const language of ['zh', 'en'] as const) {
    describe(`every page in ${language === 'zh' ? 'Chinese' : 'English'}`, () => {
      if (language === 'en') it('switches to English', () => switchLanguage(page, 'English'));
      for (const [name, route] of PAGES) {
        it(`${name} has no serious or critical violation`, async () => {
          await open(page, server.url, route.replace(':campaign', campaignId).replace(':item', itemId));
          await settle(page);
          await check(`${name}-${language}`);
        });
      }
      it('the public ballot page has none either', async () => {
        await page.goto(`${server.url}/vote${language === 'en' ? '?lang=en' : ''}`);
        await page.locator('input').first().waitFor();
        await check(`vote-${language}`);
        await open(page, server.url, '/');
      });
    });
  }

  it('had no uncaught errors and no missing labels', () => expectNoMissingLabelsOrErrors(page, errors));
});
