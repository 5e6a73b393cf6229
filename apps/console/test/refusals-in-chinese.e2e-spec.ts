import { addDays } from '@pingyi/domain';
import { moveCampaignTo, TEST_ADMIN_PASSWORD, type TestServer, today } from '@pingyi/testing';
import { type Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser';
import { consoleSuite } from './console-suite';
import { latinWords, open, settle, signIn, waitForValue } from './console-helpers';
import { createCampaign } from './fixtures/office-campaign';
import { approvePlan, openItem } from './fixtures/office-worker';

// Issue 16, item 7: every refusal the office meets is a sentence in the
// console's language, rendered from the server's message key and parameters,
// never the server's English. One server on SQLite, one Chromium.

describeInBrowser("refusals in the console's language", () => {
  let campaignId = '';
  const suite = consoleSuite('refusals', async ({ server, token }) => {
    campaignId = await createCampaign(server, token, 'appraisal');
  });
  let server: TestServer;
  let token: string;
  let page: Page;

  /** Every refusal on the page: field errors, the dialog's or form's server error, notifications, reports. */
  const refusals = async (): Promise<string[]> => {
    await page
      .locator(
        '.MuiFormHelperText-root.Mui-error, [data-testid="server-error"], .MuiSnackbarContent-message, [data-testid="preview-error"]',
      )
      .first()
      .waitFor();
    const texts = await page
      .locator(
        '.MuiFormHelperText-root.Mui-error, [data-testid="server-error"], .MuiSnackbarContent-message, [data-testid="preview-error"]',
      )
      .allInnerTexts();
    return texts.map((text) => text.replace(/\u200b/g, '').trim()).filter(Boolean);
  };
  const expectChinese = (texts: readonly string[], data: readonly string[] = []): void => {
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(latinWords(text, data), text).toEqual([]);
    }
  };

  beforeAll(async () => {
    ({ server, token, page } = suite);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  it('says why a password is refused (the user form)', async () => {
    await open(page, server.url, '/users/create');
    await page.locator('input[name="username"]').fill('office-new');
    await page.locator('input[name="displayName"]').fill('新同事');
    await page.getByRole('checkbox', { name: '评议办公室' }).check();
    await page.locator('input[name="password"]').fill('iloveyou1234');
    await page.getByRole('button', { name: '保存' }).click();
    const shown = await refusals();
    expectChinese(shown);
    expect(shown.join('\n')).toContain('最常见的密码');
    await screenshot(page, 'refusal-zh-password');
  });

  it('says which phases overlap (the campaign form)', async () => {
    await open(page, server.url, `/campaigns/${campaignId}`);
    await page.getByRole('tab', { name: '阶段安排' }).click();
    await waitForValue(page, 'input[name="phases.1.start"]');
    const firstStart = await page.locator('input[name="phases.0.start"]').inputValue();
    await page.locator('input[name="phases.1.start"]').fill(addDays(firstStart, 1));
    await page.getByRole('button', { name: '保存' }).first().click();
    const shown = await refusals();
    expectChinese(shown);
    expect(shown.join('\n')).toContain('重叠');
    await screenshot(page, 'refusal-zh-phases');
  });

  it('says when an action is open (phase gating)', async () => {
    await open(page, server.url, '/rectificationItems/create');
    await page.locator('input[name="title"]').fill('窗口服务态度');
    await page.getByLabel('责任单位').click();
    await page.getByRole('option', { name: '治安支队' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    const shown = await refusals();
    expectChinese(shown);
    expect(shown.join('\n')).toMatch(/只能在.*整改提高.*办理/);
    await screenshot(page, 'refusal-zh-phase-closed');
  });

  it('says what is wrong in a paper keying, cell by cell', async () => {
    const created = await server.gqlOk<{ createPaperBatch: { id: string } }>(
      `mutation($c: ID!) { createPaperBatch(campaignId: $c, code: "P-ZH", doubleKeyed: false) { __typename ... on PaperBatch { id } ... on ErrorResult { errorCode message } } }`,
      { c: campaignId },
      token,
    );
    const id = created.createPaperBatch.id;
    const csv = [
      '评议对象类别,序号,交警支队,治安支队,法制处',
      '城乡居民,0001,很好,满意,满意',
      '市民,0002,满意,满意,满意',
      '城乡居民,0001,满意,满意,满意',
    ].join('\r\n');
    const response = await server.fetch(`/paper-batches/${id}/keyings/1?name=zh.csv&wait=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: new TextEncoder().encode(csv),
    });
    expect(response.status).toBeLessThan(300);
    await open(page, server.url, '/ballots');
    await page.getByRole('tab', { name: '纸质评议表' }).click();
    await page.getByRole('cell', { name: /P-ZH/ }).click();
    const report = page.getByTestId('problem-report');
    await report.waitFor();
    await settle(page);
    const reasons = await report.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(reasons.length).toBe(3);
    expectChinese(reasons);
    expect(reasons.join('\n')).toContain('不是评价等次');
    await screenshot(page, 'refusal-zh-paper-report');
  });

  it('says why a deadline is refused (rectification)', async () => {
    await moveCampaignTo(server, token, campaignId, 'rectification');
    const id = await openItem(server, token, campaignId, 'public-order', '户籍窗口服务态度');
    await approvePlan(server, token, await server.loginAs('liaison' as never, 'public-order'), id, today());
    await open(page, server.url, `/rectificationItems/${id}/show`);
    await page.getByTestId('event-buttons').getByRole('button', { name: '调整整改期限' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="deadline"]').fill('2020-01-01');
    await dialog.locator('textarea[name="reason"]').fill('工作量大');
    await dialog.getByRole('button', { name: '调整整改期限' }).click();
    const shown = await refusals();
    expectChinese(shown);
    expect(shown.join('\n')).toContain('早于今天');
    await screenshot(page, 'refusal-zh-deadline');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('says why a scoring argument is refused (the policy editor)', async () => {
    await open(page, server.url, '/policy');
    await page.getByTestId('policy-preview').waitFor();
    await page.getByLabel('评分规则').first().click();
    await page.getByRole('option', { name: '去极值平均分' }).click();
    await page.locator('input[name="strategy.args.trim"]').fill('0.7');
    // the preview sends the unsaved rule to the server, which refuses the argument
    const preview = page.getByTestId('preview-error');
    await preview.waitFor();
    const shown = [await preview.innerText()];
    expectChinese(shown);
    expect(shown[0]).toContain('两端各去掉的比例');
    await screenshot(page, 'refusal-zh-policy-argument');
  });
});
