import { createTestServer, seedGroup, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { download, expectNoMissingLabelsOrErrors, open, settle, signIn, switchLanguage } from './console-helpers';
import { castOpinions, createCampaign } from './fixtures/office-campaign';

// Opinions as an office worker reviews hundreds of them (issue 16): words,
// unit, group, status and tag filtered on the server, tags set in bulk, and
// an export with the review in the user's language. One server, one Chromium.

const QUEUE = '车管所窗口排队超过一小时';
const LOGIN = '预约系统经常登录不上';
const HUKOU = '户籍窗口排队太久';
const GROUPS = [seedGroup('residents', 300), seedGroup('enterpriseRepresentatives', 100)];

describeInBrowser('the office reviews opinions: search, filters, tags, export', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';

  const rows = async (): Promise<string[]> => {
    await settle(page);
    return page.locator('.RaDataTable-table tbody tr, table tbody tr').allInnerTexts();
  };
  // the list keeps its filters: start each test from none
  const openQueue = () => open(page, server.url, `/opinions?filter=${encodeURIComponent('{}')}`);
  const pick = async (label: RegExp | string, option: string): Promise<void> => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await settle(page);
  };

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy, PINGYI_TRUST_PROXY: 'loopback' } });
    const token = await server.adminToken();
    const campaignId = await createCampaign(server, token, 'appraisal', { groups: GROUPS });
    await castOpinions(server, token, campaignId, 'traffic-police', [QUEUE, LOGIN]);
    await castOpinions(server, token, campaignId, 'public-order', [HUKOU], 'enterpriseRepresentatives');
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `FAILED-opinions-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(
        () => undefined,
      );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  it('finds opinions by words, then narrows them by unit and by evaluator group', async () => {
    await open(page, server.url, '/opinions');
    await page.getByRole('cell', { name: LOGIN }).waitFor();
    await page.getByLabel('关键词').fill('排队');
    await expect.poll(async () => (await rows()).length).toBe(2);
    const found = (await rows()).join('\n');
    expect(found).toContain(QUEUE);
    expect(found).toContain(HUKOU);
    expect(found).not.toContain(LOGIN);
    await pick('被评单位', '交警支队');
    await expect.poll(async () => (await rows()).join('\n')).not.toContain(HUKOU);
    expect((await rows()).join('\n')).toContain(QUEUE);
    await screenshot(page, 'opinions-search-unit');
    // the other group's opinion is about another unit: start again without the unit
    await openQueue();
    await page.getByRole('cell', { name: LOGIN }).waitFor();
    await page.getByLabel('关键词').fill('排队');
    await expect.poll(async () => (await rows()).length).toBe(2);
    await pick('评议对象类别', '企业代表');
    await expect
      .poll(async () => {
        const text = (await rows()).join('\n');
        return text.includes(HUKOU) && !text.includes(QUEUE);
      })
      .toBe(true);
    // the group is shown by its label, never its code
    expect((await rows()).join('\n')).not.toContain('enterpriseRepresentatives');
  });

  it('tags the selected opinions, shows and filters by the tag', async () => {
    await openQueue();
    await page.getByRole('cell', { name: QUEUE }).click();
    await page.getByRole('cell', { name: LOGIN }).click();
    await page.getByRole('button', { name: '标签' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /为选中的 2 条意见设置标签/ }).waitFor();
    // a new tag typed in, chosen with the keyboard
    await dialog.getByLabel('添加标签').fill('车管服务');
    await page.getByRole('option', { name: /新建标签“车管服务”/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '车管服务' }).or(dialog.getByText('车管服务')).first().waitFor();
    await screenshot(page, 'opinions-tag-dialog');
    await dialog.getByRole('button', { name: '保存标签' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('已为 2 条意见设置标签').waitFor();
    await expect.poll(() => page.getByTestId('opinion-tags').filter({ hasText: '车管服务' }).count()).toBe(2);
    await pick('标签', '车管服务');
    await expect.poll(async () => (await rows()).length).toBe(2);
    expect((await rows()).join('\n')).not.toContain(HUKOU);
    await screenshot(page, 'opinions-tagged');
  });

  it('exports the opinions with their review: Chinese headings, one BOM, names not codes, nothing that identifies a ballot', async () => {
    await openQueue();
    await page.getByRole('cell', { name: QUEUE }).waitFor();
    const file = await download(page, () => page.getByRole('button', { name: '导出' }).click());
    expect(file.name).toMatch(/意见表\.csv$/);
    expect(file.text.match(/\uFEFF/g)).toHaveLength(1);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('收到日期,被评单位,评议对象类别,意见内容,审阅状态,标签,整改项目');
    const queue = lines.find((line) => line.includes(QUEUE)) ?? '';
    expect(queue).toContain('交警支队');
    expect(queue).toContain('城乡居民');
    expect(queue).toContain('待审');
    expect(queue).toContain('车管服务');
    // a day, never a time of day or an id
    expect(file.text).not.toMatch(/\d{2}:\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(file.text).not.toMatch(/traffic-police|residents|pending/);
  });

  it('does all of it in English too', async () => {
    await switchLanguage(page, 'English');
    await openQueue();
    await page.getByRole('cell', { name: QUEUE }).waitFor();
    await page.getByLabel('Words').fill('排队');
    await expect.poll(async () => (await rows()).length).toBe(2);
    await page.getByRole('combobox', { name: 'Tags' }).waitFor();
    await screenshot(page, 'opinions-search-en');
    const file = await download(page, () => page.getByRole('button', { name: 'Export' }).click());
    expect(file.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Received,Unit,Evaluator group,Opinion,Status,Tags,Rectification item',
    );
    await switchLanguage(page, '简体中文');
  });

  it('had no uncaught errors and no missing labels', () => expectNoMissingLabelsOrErrors(page, errors));
});
