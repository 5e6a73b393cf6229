import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { latinWords, open, settle, signIn, signOut } from '../console-helpers';
import { type SuiteContext } from '../suite-context';

/** The office creates a campaign from the seed template, exports its configuration, is shown every problem of a bad file, then the indicators and the inbox. */
export function campaignConfigScenario(ctx: SuiteContext): void {
  it('creates a campaign from the seed template and exports its configuration', async () => {
    const { page, server } = ctx;
    const office = await server.createUser({ roles: ['office' as never], username: 'office-config' });
    await signOut(page);
    await signIn(page, server.url, office.username, office.password);
    await open(page, server.url, '/campaigns');
    await settle(page);
    await page.getByRole('button', { name: '从模板创建' }).click();
    await page.getByTestId('template-list').getByRole('button').first().waitFor();
    await page.getByTestId('template-year').fill('2030');
    await screenshot(page, 'campaign-from-template-dialog');
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByTestId('phase-timeline').waitFor();
    await settle(page);
    await screenshot(page, 'campaign-from-template-show');
    expect(page.url()).toMatch(/#\/campaigns\/[^/]+\/show$/);

    await page.getByRole('button', { name: '导出配置' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'YAML' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ya?ml$/);
  });

  it('shows every problem of a refused configuration file', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/campaigns');
    await settle(page);
    await page.getByRole('button', { name: '导入配置' }).click();
    await page
      .getByTestId('config-text')
      .fill('{"format": "pingyi-campaign", "version": 1, "campaign": {"name": "", "year": 1800}}');
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
    await page.getByTestId('config-refusal').waitFor();
    await screenshot(page, 'campaign-import-refused');
    const problems = await page.getByTestId('config-refusal').locator('li').allInnerTexts();
    expect(problems.length).toBeGreaterThan(0);
    // each problem is said in Chinese after the place it names (the file's own field names)
    for (const problem of problems) expect(latinWords(problem.slice(problem.indexOf(':') + 1)), problem).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });

  it('declares an indicator, edits a value inline and imports a CSV, all or nothing', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/indicators');
    await settle(page);
    await screenshot(page, 'indicators-empty');
    await page.getByRole('button', { name: '添加指标' }).click();
    await page.getByTestId('indicator-code').fill('complaints');
    await page.getByTestId('indicator-label').fill('有效投诉');
    await page.getByRole('dialog').getByLabel('计量单位').fill('件');
    await page.getByRole('dialog').getByLabel('整数').check();
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByTestId('indicator-table').waitFor();
    const firstCell = page.locator('[data-testid^="indicator-"][data-testid$="-complaints"]').first();
    const unitCode = ((await firstCell.getAttribute('data-testid')) ?? '')
      .replace(/^indicator-/, '')
      .replace(/-complaints$/, '');
    await firstCell.click();
    await page.keyboard.type('1.5');
    await page.keyboard.press('Enter');
    await page.getByText('只能填整数').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByTestId(`indicator-${unitCode}-complaints`).filter({ hasText: '3' }).waitFor();

    await page.getByRole('button', { name: '导入 CSV' }).click();
    await page.getByTestId('indicator-csv').fill(`unit,complaints\n${unitCode},4\nno-such-unit,2\n${unitCode},abc\n`);
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
    await page.getByTestId('indicator-refusal').waitFor();
    await screenshot(page, 'indicators-import-refused');
    const rows = await page.getByTestId('indicator-refusal').locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // place and reason in Chinese; only the file's own data (unit and indicator codes, the bad value) stays as typed
    for (const row of rows) expect(latinWords(row, [unitCode, 'no-such-unit', 'complaints', 'abc']), row).toEqual([]);
    await page.getByTestId('indicator-csv').fill(`unit,complaints\n${unitCode},5\n`);
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId(`indicator-${unitCode}-complaints`).filter({ hasText: '5' }).waitFor();
    await settle(page);
    await screenshot(page, 'indicators-table');
  });

  it('opens the inbox from the bell and marks a notification read', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/campaigns');
    await settle(page);
    await page.getByTestId('inbox-bell').click();
    await page.getByText(/消息（\d+ 条未读）/).waitFor();
    await settle(page);
    await screenshot(page, 'inbox');
    const unread = page.getByTestId('inbox-notification').getByRole('button', { name: '标为已读' });
    if ((await unread.count()) > 0) {
      const before = await unread.count();
      await unread.first().click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="inbox-notification"] button').length < n,
        before,
      );
      await screenshot(page, 'inbox-marked-read');
    }
  });
}
