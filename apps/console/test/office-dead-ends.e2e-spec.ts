import { addDays } from '@pingyi/domain';
import { createTestServer, moveCampaignTo, TEST_ADMIN_PASSWORD, type TestServer, today } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { expectNoMissingLabelsOrErrors, open, settle, signIn } from './console-helpers';
import { castOpinions, createCampaign, keyedBatch } from './fixtures/office-campaign';
import { approvePlan, openItem } from './fixtures/office-worker';

// Dead ends an office worker met (issue 16): merged opinions that stayed in
// the queue, a double keying that could not be finished, a refused form that
// stayed locked, and a notice form whose inspection picker was over the
// server's cost limit. One server on SQLite, one Chromium, both languages.

const OPINIONS = ['车管所窗口排队超过一小时', '周末只开一个窗口，群众等得着急', '预约系统经常登录不上'];
const HEADER = '评议对象类别,序号,交警支队,治安支队,法制处';
const FIRST = [HEADER, '城乡居民,0001,满意,比较满意,满意', '城乡居民,0002,基本满意,满意,满意'].join('\r\n');
const SECOND = [HEADER, '城乡居民,0001,满意,比较满意,满意', '城乡居民,0002,基本满意,比较满意,满意'].join('\r\n');
// another batch: other sheet numbers (the server refuses the same bytes twice)
const again = (csv: string): string => csv.replace('0001', '0101').replace('0002', '0102');

describeInBrowser('the office meets no dead ends', () => {
  let server: TestServer;
  let token: string;
  let campaignId: string;
  let page: Page;
  let errors: string[];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';

  const toEnglish = async (): Promise<void> => {
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  };
  const toChinese = async (): Promise<void> => {
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
  };

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy, PINGYI_TRUST_PROXY: 'loopback' } });
    token = await server.adminToken();
    campaignId = await createCampaign(server, token, 'appraisal');
    await castOpinions(server, token, campaignId, 'traffic-police', OPINIONS);
    await server.gqlOk(
      `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { __typename ... on ErrorResult { errorCode message path messageKey messageParamsJson } } }`,
      {
        input: {
          campaignId,
          kind: 'covert',
          date: today(),
          unitCode: 'public-order',
          focusAreas: ['serviceAttitude'],
          summary: '暗访治安支队户籍窗口',
          findings: [{ focusArea: 'serviceAttitude', text: '答复群众不耐烦' }],
        },
      },
      token,
    );
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `FAILED-office-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  it('links a notice to its inspection (the picker fits the query limits)', async () => {
    await open(page, server.url, '/criticismNotices/create');
    await page.getByLabel('来源检查').click();
    await page.getByRole('option', { name: /暗访治安支队户籍窗口/ }).waitFor();
    await screenshot(page, 'office-notice-inspection-picker');
    await page.keyboard.press('Escape');
  });

  it("finishes a double keying by choosing, with the keyboard, among the scale's labels", async () => {
    await keyedBatch(server, token, campaignId, 'D-001', FIRST, SECOND);
    await open(page, server.url, '/ballots');
    await page.getByRole('tab', { name: '纸质评议表' }).click();
    await page.getByRole('cell', { name: /D-001/ }).click();
    const comparison = page.getByTestId('keying-comparison');
    await comparison.waitFor();
    const text = await comparison.innerText();
    // labels and names, never the codes behind them
    expect(text).toContain('治安支队');
    expect(text).toContain('比较满意');
    expect(text).not.toMatch(/satisfied|public-order/i);
    // accepting with nothing chosen says what is missing
    await page.getByRole('button', { name: '确认并导入' }).click();
    await comparison
      .getByTestId('comparison-error')
      .getByText(/还有 1 处/)
      .waitFor();
    await screenshot(page, 'office-keying-comparison');
    // keyboard only: focus the choice, open it, pick the second keying's value
    await comparison.getByRole('combobox').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: '满意（第 1 次录入）' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('比较满意（第 2 次录入）');
    await page.keyboard.press('Enter');
    await expect.poll(() => comparison.getByRole('combobox').innerText()).toContain('比较满意');
    await page.getByRole('button', { name: '确认并导入' }).click();
    await page.getByTestId('batch-state').getByText('已导入').waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot(page, 'office-keying-imported');
  });

  it('shows the double-keying comparison in English too', async () => {
    await keyedBatch(server, token, campaignId, 'D-002', again(FIRST), again(SECOND));
    await toEnglish();
    await page.getByRole('tab', { name: /Paper/ }).click();
    await page.getByRole('cell', { name: /D-002/ }).click();
    const comparison = page.getByTestId('keying-comparison');
    await comparison.waitFor();
    await comparison.getByRole('combobox').click();
    await page.getByRole('option', { name: /\(keying 1\)/ }).waitFor();
    await screenshot(page, 'office-keying-comparison-en');
    await page.keyboard.press('Escape');
    await toChinese();
  });

  it('marks merged opinions, links them to their item both ways, and keeps them out of the queue', async () => {
    await moveCampaignTo(server, token, campaignId, 'rectification');
    await open(page, server.url, '/opinions');
    await page.getByRole('cell', { name: OPINIONS[0] }).click();
    await page.getByRole('cell', { name: OPINIONS[1] }).click();
    await page.getByRole('button', { name: '合并立项整改' }).click();
    await page.getByRole('dialog').locator('input[name="title"]').fill('车管所窗口排队时间长');
    await page.getByRole('dialog').locator('input[name="deadline"]').fill(addDays(today(), 30));
    await page.getByRole('dialog').getByRole('button', { name: '立项整改' }).click();
    const sources = page.getByTestId('item-sources');
    await sources.waitFor();
    expect(await sources.innerText()).toContain(`群众意见：${OPINIONS[0]}`);
    expect(await sources.innerText()).toContain(`群众意见：${OPINIONS[1]}`);
    await settle(page);
    await screenshot(page, 'office-item-sources');
    await toEnglish();
    await sources.getByText(`Opinion: ${OPINIONS[0]}`).waitFor();
    await screenshot(page, 'office-item-sources-en');
    await toChinese();
    // the queue (待审 by default) holds only the opinion not merged
    await open(page, server.url, '/opinions');
    await page.getByRole('cell', { name: OPINIONS[2] }).waitFor();
    await settle(page);
    expect(await page.getByRole('cell', { name: OPINIONS[0] }).count()).toBe(0);
    // the merged ones say so, and name their item
    await page.getByRole('combobox', { name: '审阅状态' }).click();
    await page.getByRole('option', { name: '已合并立项' }).click();
    await page.getByRole('cell', { name: OPINIONS[0] }).waitFor();
    await page.getByRole('link', { name: '车管所窗口排队时间长' }).first().waitFor();
    await settle(page);
    await screenshot(page, 'office-opinions-merged');
    // merging one of them again is refused, in words
    await page.getByRole('cell', { name: OPINIONS[0] }).click();
    await page.getByRole('button', { name: '合并立项整改' }).click();
    await page.getByRole('dialog').locator('input[name="title"]').fill('又一个整改项目');
    await page.getByRole('dialog').locator('input[name="deadline"]').fill(addDays(today(), 30));
    await page.getByRole('dialog').getByRole('button', { name: '立项整改' }).click();
    await page
      .getByTestId('server-error')
      .getByText(/已合并立项整改/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await toEnglish();
    await page.getByRole('cell', { name: OPINIONS[1] }).waitFor();
    await settle(page);
    await screenshot(page, 'office-opinions-merged-en');
    await toChinese();
  });

  it('clears a refused field when it changes, marks it red, and saves the fixed form', async () => {
    await moveCampaignTo(server, token, campaignId, 'rectification');
    const id = await openItem(server, token, campaignId, 'public-order', '户籍窗口服务态度');
    await approvePlan(server, token, await server.loginAs('liaison' as never, 'public-order'), id, today());
    await open(page, server.url, `/rectificationItems/${id}/show`);
    await page.getByTestId('event-buttons').getByRole('button', { name: '调整整改期限' }).click();
    const dialog = page.getByRole('dialog');
    // a deadline before today: only the server's rule refuses it
    await dialog.locator('input[name="deadline"]').fill('2020-01-01');
    await dialog.locator('textarea[name="reason"]').fill('工作量大');
    await dialog.getByRole('button', { name: '调整整改期限' }).click();
    await dialog.getByTestId('server-error').waitFor();
    // the refused field is red, with the reason under it
    await dialog.locator('.MuiFormHelperText-root.Mui-error').first().waitFor();
    await screenshot(page, 'office-refused-field');
    // fixing it clears the refusal; the next save goes through
    await dialog.locator('input[name="deadline"]').fill(addDays(today(), 10));
    await expect.poll(() => dialog.getByTestId('server-error').count()).toBe(0);
    expect(await dialog.locator('.Mui-error').count()).toBe(0);
    await dialog.getByRole('button', { name: '调整整改期限' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByText('表单有误').count()).toBe(0);
    await settle(page);
    await screenshot(page, 'office-refused-field-fixed');
    // the same refusal in English
    await toEnglish();
    await page.getByTestId('event-buttons').getByRole('button', { name: 'Change deadline' }).click();
    await dialog.locator('input[name="deadline"]').fill('2020-01-01');
    await dialog.locator('textarea[name="reason"]').fill('workload');
    await dialog.getByRole('button', { name: 'Change deadline' }).click();
    await dialog.locator('.MuiFormHelperText-root.Mui-error').first().waitFor();
    await screenshot(page, 'office-refused-field-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await toChinese();
  });

  it('had no uncaught errors and no missing labels', () => expectNoMissingLabelsOrErrors(page, errors));
});
