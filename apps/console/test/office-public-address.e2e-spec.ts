import { createTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { expectNoMissingLabelsOrErrors, open, settle, signIn, switchLanguage } from './console-helpers';
import { createCampaign } from './fixtures/office-campaign';

// The public address (issue 16): slips print the address evaluators reach,
// set once by the office, not whatever address the office opened the
// console at. One server, one Chromium, both languages.

const PUBLIC = 'https://pingyi.example.gov.cn';

describeInBrowser('the office sets the public address that slips print', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';

  /** Issues one code of 城乡居民 and returns the slips' HTML the server sent. */
  const issueOne = async (): Promise<string> => {
    await page.getByLabel('评议对象类别').click();
    await page.getByRole('option', { name: /城乡居民/ }).click();
    await page.getByLabel('发放数量').fill('1');
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/graphql') && (r.request().postData() ?? '').includes('IssueAccessCodes'),
      ),
      page.getByRole('button', { name: '发放评议码' }).click(),
    ]);
    const body = (await response.json()) as { data: { data: { slipsHtml: string } } };
    await page.getByTestId('issued-codes').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    return body.data.data.slipsHtml;
  };

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy } });
    await createCampaign(server, await server.adminToken(), 'appraisal');
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `FAILED-address-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  it("warns, where codes are issued, that without a public address slips print the office's own address", async () => {
    await open(page, server.url, '/ballots');
    const address = page.getByTestId('slip-address');
    await address.waitFor();
    expect(await address.innerText()).toContain(`${server.url}/#/ballot`);
    await settle(page);
    await screenshot(page, 'address-unset-ballots');
    expect(await issueOne()).toContain(`${server.url}/#/ballot`);
  });

  it('refuses an address that is not http(s), then saves one and shows the ballot page under it', async () => {
    await page.getByTestId('slip-address').getByRole('link', { name: '设置公开访问地址' }).click();
    await page.waitForURL(/#\/settings$/);
    // exactly the field: until the ballots page is gone, its link "设置公开访问地址" matches the words too
    const input = page.getByLabel('公开访问地址', { exact: true });
    await input.fill('ftp://pingyi.example.gov.cn');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('须为以 http:// 或 https:// 开头').waitFor();
    await screenshot(page, 'address-refused');
    await input.fill(`${PUBLIC}/`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置已保存').waitFor();
    await page.getByTestId('ballot-url').getByText(`${PUBLIC}/vote`).waitFor();
    await settle(page);
    await screenshot(page, 'address-saved');
  });

  it('prints the public address on the slips, whatever address the console was opened at', async () => {
    await open(page, server.url, '/ballots');
    await page.getByTestId('slip-address').getByText(`评议码条印的网址：${PUBLIC}/vote`).waitFor();
    const slips = await issueOne();
    expect(slips).toContain(`${PUBLIC}/vote`);
    expect(slips).not.toContain(server.url);
    await screenshot(page, 'address-set-ballots');
  });

  it('says the same in English', async () => {
    await switchLanguage(page, 'English');
    await open(page, server.url, '/settings');
    await page.getByTestId('ballot-url').getByText(`${PUBLIC}/vote`).waitFor();
    await page.getByLabel('Public address').waitFor();
    await settle(page);
    await screenshot(page, 'address-saved-en');
    await switchLanguage(page, '简体中文');
  });

  it('had no uncaught errors and no missing labels', () => expectNoMissingLabelsOrErrors(page, errors));
});
