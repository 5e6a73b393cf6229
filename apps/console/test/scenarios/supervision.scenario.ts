import { BallotMixer } from '@pingyi/server-core';
import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle } from '../console-helpers';
import { dayFromToday, type SuiteContext } from '../suite-context';

/** Bulletins, the opinion queue merged into a problem, inspections with findings, notices, accountability and policy actions. */
export function supervisionScenario(ctx: SuiteContext): void {
  it('writes and sends a bulletin', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/bulletins/create');
    await page.locator('input[name="title"]').fill('我局民主评议机关工作进展情况（第一期）');
    await page
      .locator('textarea[name="body"]')
      .fill('一、组织发动情况……\n二、评议情况：已收回评议表 49 份……\n三、下步工作打算……');
    await page.getByRole('button', { name: '保存' }).click();
    // the list the save leads to has loaded (a refetch under way would redraw the row and lose the click)
    await page.getByRole('cell', { name: /第一期/ }).waitFor();
    await settle(page);
    await page.getByRole('cell', { name: /第一期/ }).click();
    await settle(page);
    // the show page may redraw once more as its last query lands, and a click in that moment opens nothing
    // (CI saw it once): click again until the confirmation asks, at most three times
    const confirm = page.getByRole('button', { name: '确认' });
    for (let attempt = 0; attempt < 3 && !(await confirm.isVisible()); attempt += 1) {
      await page.getByRole('button', { name: '报送', exact: true }).click();
      await confirm.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await confirm.click();
    await page.getByText('工作信息已报送').waitFor();
    await settle(page);
    await screenshot(page, 'bulletins');
  });

  it('merges opinions into one rectification item', async () => {
    const { page, server } = ctx;
    // the opinion cast on the ballot page waits in the ballot box until the mixer's next batch
    await server.app.get(BallotMixer).mixAll();
    await open(page, server.url, '/opinions');
    await page.getByText('复议案件办理提速明显').waitFor();
    await screenshot(page, 'opinions');
    await page.getByRole('cell', { name: /复议案件办理提速明显/ }).click();
    await page.getByRole('button', { name: '合并立项整改' }).click();
    await page.getByRole('dialog').locator('input[name="title"]').fill('群众关注复议案件办理时效');
    await page.getByRole('dialog').locator('input[name="deadline"]').fill(dayFromToday(30));
    await screenshot(page, 'opinions-merge');
    await page.getByRole('dialog').getByRole('button', { name: '立项整改' }).click();
    await page.getByTestId('event-buttons').waitFor();
    expect(await page.locator('body').innerText()).toContain('群众意见');
  });

  it('records an inspection and opens an item from its finding', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/inspections/create');
    await page.getByLabel('暗访').check();
    await page.locator('input[name="date"]').fill(dayFromToday(-1));
    await page.getByLabel('被查单位').click();
    await page.getByRole('option', { name: '治安支队' }).click();
    await page.getByLabel('服务态度').check();
    await page.locator('textarea[name="summary"]').fill('暗访治安支队户籍窗口，接待群众态度生硬。');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByRole('combobox', { name: /检查重点/ }).click();
    await page.getByRole('option', { name: '服务态度' }).click();
    await page.locator('textarea[name="findings.0.text"]').fill('窗口民警对群众咨询答复不耐烦。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '立项整改' }).click();
    await page.getByText('已根据发现的问题立项整改').waitFor();
    await settle(page);
    await screenshot(page, 'inspection-show');
  });

  it('issues a notice, records accountability and adopts a policy action', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/criticismNotices/create');
    await page.getByLabel('被通报单位').click();
    await page.getByRole('option', { name: '治安支队' }).click();
    await page.locator('input[name="title"]').fill('关于治安支队户籍窗口服务态度问题的通报');
    await page.locator('textarea[name="text"]').fill('经暗访发现……责成限期整改。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('关于治安支队户籍窗口服务态度问题的通报').waitFor();
    await screenshot(page, 'criticism-notices');
    await open(page, server.url, '/accountabilityRecords/create');
    await page.getByLabel('单位').first().click();
    await page.getByRole('option', { name: '治安支队' }).click();
    await page.locator('input[name="person"]').fill('某某');
    await page.locator('textarea[name="measure"]').fill('诫勉谈话');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('诫勉谈话').waitFor();
    await screenshot(page, 'accountability');
    await open(page, server.url, '/policyActions/create');
    await page.getByLabel('类型').click();
    await page.getByRole('option', { name: '建立' }).click();
    await page.locator('input[name="title"]').fill('窗口服务首问负责制');
    await page.locator('textarea[name="text"]').fill('第一条 群众到窗口办事，首位接待民警负责到底……');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('button', { name: '出台' }).click();
    await page.getByText('已出台').first().waitFor();
    await settle(page);
    await screenshot(page, 'policy-action');
  });
}
