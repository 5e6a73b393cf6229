import { moveCampaignTo, TEST_ADMIN_PASSWORD, type TestServer, today } from '@pingyi/testing';
import { type Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser';
import { consoleSuite } from './console-suite';
import { open, settle, signIn, switchLanguage } from './console-helpers';
import { castOpinions, createCampaign } from './fixtures/office-campaign';
import { fireEvent, openItem } from './fixtures/office-worker';

// Issue 16, item 8: the console names units, strategies, operations and
// errors; it never shows the codes behind them. One server on SQLite, one
// Chromium, the office's pages in Chinese.

const CODES =
  /traffic-police|public-order|weighted-mean|INVALID_CREDENTIALS|createCampaign|reportWorkItemProgress|\blogin\b/;

describeInBrowser('the office reads names, never codes', () => {
  let server: TestServer;
  let token: string;
  let campaignId: string;
  let workItemId: string;
  let itemId: string;
  let page: Page;

  const mainText = async (): Promise<string> => {
    await settle(page);
    return page.locator('#main-content, main').first().innerText();
  };

  const suite = consoleSuite('no-codes', async (ready) => {
    ({ server, token } = ready);
    campaignId = await createCampaign(server, token, 'implementation');
    await server.gqlOk(
      'mutation($c: ID!, $t: [ThemeInput!]!) { setThemes(campaignId: $c, themes: $t) { __typename ... on ErrorResult { errorCode message } } }',
      { c: campaignId, t: [{ code: 'police-image', number: 1, title: '围绕提升公安形象' }] },
      token,
    );
    const created = await server.gqlOk<{ createWorkItem: { id: string } }>(
      'mutation($c: ID!, $input: WorkItemInput!) { createWorkItem(campaignId: $c, input: $input) { __typename ... on WorkItem { id } ... on ErrorResult { errorCode message } } }',
      {
        c: campaignId,
        input: { themeCode: 'police-image', number: 1, text: '深化城市畅通工程。', leadUnitCodes: ['traffic-police'] },
      },
      token,
    );
    workItemId = created.createWorkItem.id;
    const liaison = await server.loginAs('liaison' as never, 'traffic-police');
    await server.gqlOk(
      'mutation($i: ID!, $input: ReportProgressInput!) { reportWorkItemProgress(workItemId: $i, input: $input) { __typename ... on ErrorResult { errorCode message } } }',
      { i: workItemId, input: { progress: 40, unitCode: 'traffic-police', note: '已完成路口改造' } },
      liaison,
    );
    await moveCampaignTo(server, token, campaignId, 'appraisal');
    await castOpinions(server, token, campaignId, 'traffic-police', [
      '车管所排队太久',
      '周末窗口太少',
      '预约系统登录不上',
    ]);
    await moveCampaignTo(server, token, campaignId, 'rectification');
    itemId = await openItem(server, token, campaignId, 'traffic-police', '车管所窗口排队');
    await fireEvent(server, token, itemId, 'verify');
    await fireEvent(server, liaison, itemId, 'proposePlan', { plan: '增开窗口', owner: '王科长', deadline: today() });
    // a failed sign-in, for the audit log's outcome
    await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(username: "admin", password: "not-the-password") { __typename } }',
      }),
    });
  });

  beforeAll(async () => {
    ({ page } = suite);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  it('names the unit in a score explanation', async () => {
    await open(page, server.url, '/results');
    await page.getByTestId('ranking').getByText('交警支队').first().click();
    const explanation = page.getByTestId('explanation');
    await explanation.waitFor();
    const text = await explanation.innerText();
    expect(text).toContain('交警支队：总票 3');
    expect(text).not.toMatch(CODES);
    await screenshot(page, 'no-codes-explanation');
  });

  it('names the scoring rule in the campaign list and the policy editor', async () => {
    await open(page, server.url, '/campaigns');
    await page.getByText('民主评议机关（办公室测试）').waitFor();
    const list = await mainText();
    expect(list).toContain('加权平均');
    expect(list).not.toMatch(CODES);
    await open(page, server.url, '/policy');
    await page.getByTestId('policy-preview').waitFor();
    expect(await mainText()).not.toMatch(CODES);
  });

  it("names the unit in an item's history, the inbox and a work item's updates", async () => {
    await open(page, server.url, `/rectificationItems/${itemId}/show`);
    const history = page.getByTestId('history');
    await history.getByText('提交整改方案').waitFor();
    await settle(page);
    expect(await history.innerText()).toContain('交警支队');
    expect(await mainText()).not.toMatch(CODES);
    await open(page, server.url, '/inbox');
    await page.getByTestId('inbox-alerts').waitFor();
    const inbox = await mainText();
    expect(inbox).toContain('交警支队');
    expect(inbox).not.toMatch(CODES);
    await screenshot(page, 'no-codes-inbox');
    // in English the notifications are English sentences around the bureau's own names
    await switchLanguage(page, 'English');
    await page
      .getByText(/Submit plan: rectification item #\d+/)
      .first()
      .waitFor();
    const english = await page.getByTestId('inbox-notification').allInnerTexts();
    expect(english.join('\n')).not.toMatch(/整改项目|提交整改方案|立项整改/);
    expect(english.join('\n')).toContain('交警支队');
    await screenshot(page, 'no-codes-inbox-en');
    await switchLanguage(page, '简体中文');
    await open(page, server.url, `/workItems/${workItemId}/show`);
    await page.getByTestId('update-timeline').waitFor();
    const updates = await page.getByTestId('update-timeline').innerText();
    expect(updates).toContain('交警支队');
    expect(await mainText()).not.toMatch(CODES);
  });

  it('names operations and refusals in the audit log, and finds them by their names', async () => {
    await open(page, server.url, '/auditLog');
    await page.locator('table tbody tr').first().waitFor();
    const log = await mainText();
    expect(log).toContain('用户名或密码不正确');
    expect(log).not.toMatch(CODES);
    await screenshot(page, 'no-codes-audit');
    // typing the shown name finds the sign-ins
    const filter = page.getByLabel('操作').first();
    await filter.click();
    await filter.fill('登录');
    await page.getByRole('option', { name: '登录', exact: true }).click();
    const rows = async () => (await page.locator('table tbody tr').allInnerTexts()).filter((row) => row.trim() !== '');
    await expect.poll(async () => (await rows()).every((row) => row.includes('登录')), { timeout: 10_000 }).toBe(true);
    expect((await rows()).length).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'no-codes-audit-filter');
  });
});
