import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle, waitForValue } from '../console-helpers';
import { type SuiteContext } from '../suite-context';

/** The office creates a campaign through the form, sees its timeline, and gets the server's calendar error next to the phase. */
export function campaignsScenario(ctx: SuiteContext): void {
  it('creates a campaign from the seed defaults', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/campaigns');
    await settle(page);
    await screenshot(page, 'campaigns-empty');
    await open(page, server.url, '/campaigns/create');
    await page.locator('input[name="name"]').waitFor();
    await screenshot(page, 'campaign-create-basics');
    await page.getByRole('tab', { name: '阶段安排' }).click();
    await screenshot(page, 'campaign-create-phases');
    await page.getByRole('tab', { name: '实施方案' }).click();
    await page
      .locator('textarea[name="guidingPrinciple"]')
      .fill('坚持立警为公、执法为民，通过开展民主评议机关活动，切实加强和改进公安机关作风建设。');
    await page.getByRole('tab', { name: '评议对象类别' }).click();
    await page.getByRole('button', { name: '添加' }).first().click();
    await page.locator('input[name="evaluatorGroups.0.code"]').fill('residents');
    await page.locator('input[name="evaluatorGroups.0.label"]').fill('城乡居民');
    await page.locator('input[name="evaluatorGroups.0.quota"]').fill('6000');
    await page.getByRole('button', { name: '添加' }).first().click();
    await page.locator('input[name="evaluatorGroups.1.code"]').fill('deputies');
    await page.locator('input[name="evaluatorGroups.1.label"]').fill('人大代表');
    await page.locator('input[name="evaluatorGroups.1.quota"]').fill('400');
    await screenshot(page, 'campaign-create-groups');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('phase-timeline').waitFor();
    await settle(page);
    await screenshot(page, 'campaign-show');
    expect(await page.getByTestId('phase-timeline').innerText()).toContain('接受评议');
  });

  it("shows the server's calendar error next to the phase", async () => {
    const { page } = ctx;
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByRole('tab', { name: '阶段安排' }).click();
    // make the third phase start inside the second one: an overlap only the server's calendar rules catch
    await waitForValue(page, 'input[name="phases.2.start"]');
    const start = page.locator('input[name="phases.2.start"]');
    const end = page.locator('input[name="phases.1.end"]');
    const endValue = await end.inputValue();
    await start.fill(endValue);
    await page.getByRole('button', { name: '保存' }).click();
    // the vote of this campaign is over: moving its window asks why first
    const reason = page.getByTestId('change-reason-dialog');
    await reason.locator('textarea[name="reason"]').fill('调整接受评议的开始日期');
    await reason.getByRole('button', { name: '确认修改' }).click();
    await page
      .getByText(/阶段安排有误/)
      .first()
      .waitFor();
    await screenshot(page, 'campaign-edit-calendar-error');
  });
}
