import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle, signIn, signOut } from '../console-helpers';
import { adminGql, dayFromToday, type SuiteContext } from '../suite-context';
import { latestCampaignId } from './organization.scenario';

const OPEN = `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on ErrorResult { message } } }`;
const FIRE = `mutation($id: ID!, $event: RectificationEventType!, $payload: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $event, payload: $payload) { __typename ... on ErrorResult { errorCode message } } }`;

/** The office opens items; a liaison sees only their unit's and moves one through its states with evidence. */
export function rectificationScenario(ctx: SuiteContext, liaison: () => { username: string; password: string }): void {
  const ids: Record<string, string> = {};

  it('lets the office open and verify an item', async () => {
    const { page, server } = ctx;
    const campaignId = await latestCampaignId(ctx);
    // an overdue item of the legal office (another unit than the liaison's)
    const legal = await adminGql<{ openRectificationItem: { id: string } }>(ctx, OPEN, {
      input: {
        campaignId,
        title: '行政复议案件办理超时',
        unitCode: 'legal',
        description: '群众反映复议案件办理周期过长。',
      },
    });
    ids.legal = legal.openRectificationItem.id;
    await adminGql(ctx, FIRE, { id: ids.legal, event: 'verify', payload: null });
    await open(page, server.url, '/rectificationItems/create');
    await page.locator('input[name="title"]').fill('窗口办事排队时间过长');
    await page.getByLabel('责任单位').click();
    await page.getByRole('option', { name: '交警支队' }).click();
    await page.locator('textarea[name="description"]').fill('车管所窗口高峰期排队超过一小时，群众意见集中。');
    await page.getByLabel('群众意见').check();
    await screenshot(page, 'rectification-create');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('event-buttons').waitFor();
    ids.traffic = page.url().match(/rectificationItems\/(\d+)\/show/)?.[1] ?? '';
    expect(ids.traffic).not.toBe('');
    await page.getByTestId('event-buttons').getByRole('button', { name: '核实' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '核实' }).click();
    await page.getByText('已核实').first().waitFor();
    await screenshot(page, 'rectification-verified');
    await open(page, server.url, '/rectificationItems');
    await settle(page);
    await screenshot(page, 'rectification-list');
  });

  it('shows the office the dashboard with phases, participation, results and rectification', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/');
    await page.getByTestId('rectification-glance').waitFor();
    await page.getByTestId('participation').getByText('城乡居民').waitFor();
    await settle(page);
    await screenshot(page, 'dashboard');
  });

  it('lets a liaison see only their unit and move their item through its states', async () => {
    const { page, server } = ctx;
    await signOut(page);
    await signIn(page, server.url, liaison().username, liaison().password);
    await open(page, server.url, '/rectificationItems');
    await settle(page);
    await page.getByText('窗口办事排队时间过长').waitFor();
    expect(await page.getByText('行政复议案件办理超时').count()).toBe(0);
    await screenshot(page, 'liaison-rectification-list');
    // another unit's item, opened by its address: the server does not reveal it
    await open(page, server.url, `/rectificationItems/${ids.legal}/show`);
    await page
      .getByText(/记录不存在|不在您的权限范围内/)
      .first()
      .waitFor();
    await screenshot(page, 'liaison-other-unit-refused');

    await open(page, server.url, `/rectificationItems/${ids.traffic}/show`);
    await page.getByTestId('event-buttons').getByRole('button', { name: '提交整改方案' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .locator('textarea[name="plan"]')
      .fill('一、高峰期增开两个窗口；二、推行网上预约；三、每周通报排队时长。');
    await dialog.locator('input[name="owner"]').fill('王队长');
    await dialog.locator('input[name="deadline"]').fill(dayFromToday(30));
    await screenshot(page, 'liaison-propose-plan');
    await dialog.getByRole('button', { name: '提交整改方案' }).click();
    await page.getByText('方案待批').first().waitFor();

    await adminGql(ctx, FIRE, { id: ids.traffic, event: 'approvePlan', payload: { note: '同意，抓紧落实。' } });
    await page.reload();
    await page.getByText('整改中').first().waitFor();
    // evidence, then the report that it is fixed, citing it
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-evidence-'));
    const file = path.join(dir, '窗口排队时长统计.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await page.getByTestId('evidence-input').setInputFiles(file);
    await page.getByTestId('evidence').getByText('窗口排队时长统计.pdf').waitFor();
    fs.rmSync(dir, { recursive: true, force: true });
    await page.getByTestId('event-buttons').getByRole('button', { name: '报告整改完成' }).click();
    await page
      .getByRole('dialog')
      .locator('textarea[name="publicResponse"]')
      .fill('已增开窗口并推行预约，高峰期排队缩短至 15 分钟以内。');
    await page.getByRole('dialog').getByLabel('窗口排队时长统计.pdf').check();
    await page.getByRole('dialog').getByRole('button', { name: '报告整改完成' }).click();
    await page.getByText('待验收').first().waitFor();
    await settle(page);
    await screenshot(page, 'liaison-rectification-reported');
    expect(await page.getByTestId('history').innerText()).toContain('提交整改方案');
  });
}
