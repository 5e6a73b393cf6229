import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle } from '../console-helpers';
import { putTodayIn, type SuiteContext } from '../suite-context';
import { latestCampaignId } from './organization.scenario';

// Paper rows leave the traffic police and the patrol blank (abstentions), so the results scenario's figures for them hold.
const HEADER = '评议对象类别,序号,交警支队,巡特警支队,治安支队,法制处,纪委,政治部,后勤处';
const GOOD_ROWS = [
  '城乡居民,0001,,,满意,满意,比较满意,满意,基本满意',
  '城乡居民,0002,,,比较满意,满意,满意,,不了解',
  '人大代表,0003,,,满意,比较满意,满意,满意,满意',
];

/** Access codes issued, printed and used on the public ballot page; a paper batch with a bad row, its report, the fix, the import. */
export function ballotsScenario(ctx: SuiteContext): void {
  let code = '';

  it('issues access codes and shows them once, with printable slips', async () => {
    const { page, server } = ctx;
    await putTodayIn(ctx, await latestCampaignId(ctx), 'appraisal');
    await open(page, server.url, '/ballots');
    await page.getByTestId('code-summary').getByText('城乡居民').waitFor();
    await page.getByLabel('评议对象类别').click();
    await page.getByRole('option', { name: /城乡居民/ }).click();
    await page.locator('input[name="count"]').fill('3');
    await page.getByRole('button', { name: '发放评议码' }).click();
    const codes = (await page.getByTestId('issued-codes').innerText())
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(codes).toHaveLength(3);
    code = codes[0] as string;
    await screenshot(page, 'ballots-codes-issued');
    const [slips] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: '打印评议码条' }).click(),
    ]);
    await slips.waitForLoadState();
    await screenshot(slips, 'ballots-slips');
    expect(await slips.content()).toContain(code);
    await slips.close();
    await page.getByRole('button', { name: '关闭' }).click();
    await settle(page);
    await screenshot(page, 'ballots-codes');
  });

  it('casts a ballot through the public page, once', async () => {
    const { server } = ctx;
    const page = await ctx.page.context().newPage();
    await page.goto(`${server.url}/#/ballot`);
    await page.getByTestId('code-input').fill(code.toLowerCase());
    await screenshot(page, 'ballot-page-code');
    await page.getByRole('button', { name: '打开评议表' }).click();
    await page.getByTestId('unit-legal').getByLabel('满意', { exact: true }).check();
    await page.getByTestId('unit-logistics').getByLabel('比较满意').check();
    await page
      .getByTestId('unit-legal')
      .getByPlaceholder('意见或建议（选填）')
      .fill('复议案件办理提速明显，希望继续保持。');
    await screenshot(page, 'ballot-page-form');
    await page.getByRole('button', { name: '提交评议表' }).click();
    await page.getByTestId('ballot-receipt').waitFor();
    expect(await page.getByTestId('ballot-receipt').innerText()).toContain('评价 2 个单位');
    await screenshot(page, 'ballot-page-receipt');
    // the same code a second time
    await page.reload();
    await page.getByTestId('code-input').fill(code);
    await page.getByRole('button', { name: '打开评议表' }).click();
    await page.getByTestId('ballot-error').getByText('该评议码已经提交过评议表').waitFor();
    await screenshot(page, 'ballot-page-used');
    await page.close();
  });

  it('uploads a paper batch with a bad row, shows the report, and imports the corrected file', async () => {
    const { page, server } = ctx;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-paper-'));
    const bad = path.join(dir, '第一批.csv');
    const good = path.join(dir, '第一批-改正.csv');
    fs.writeFileSync(
      bad,
      [HEADER, GOOD_ROWS[0], '城乡居民,0002,,,比较满意,很好,满意,,不了解', GOOD_ROWS[2]].join('\n'),
    );
    fs.writeFileSync(good, [HEADER, ...GOOD_ROWS].join('\n'));
    await open(page, server.url, '/ballots');
    await page.getByRole('tab', { name: '纸质评议表' }).click();
    await page.locator('input[name="code"]').fill('P-001');
    await page.getByRole('button', { name: '新建批次' }).click();
    await page.getByTestId('paper-batch-detail').waitFor();
    await page.getByTestId('keying-input-1').setInputFiles(bad);
    // keyed once: imported as soon as it passes the check, so confirmed first
    await page.getByRole('dialog').getByRole('button', { name: '上传并导入' }).click();
    await page.getByTestId('problem-report').waitFor();
    const report = await page.getByTestId('problem-report').innerText();
    expect(report).toContain('很好');
    expect(report).toMatch(/\b3\b/);
    await screenshot(page, 'paper-batch-report');
    await page.getByTestId('keying-input-1').setInputFiles(good);
    await page.getByRole('dialog').getByRole('button', { name: '上传并导入' }).click();
    await page.getByTestId('batch-state').getByText('已导入').waitFor({ timeout: 30_000 });
    await settle(page);
    await screenshot(page, 'paper-batch-imported');
    fs.rmSync(dir, { recursive: true, force: true });
    await page.getByRole('tab', { name: '参评情况' }).click();
    await page.getByTestId('participation').getByText('城乡居民').waitFor();
    await screenshot(page, 'ballots-participation');
  });
}
