import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle, signIn, signOut } from '../console-helpers';
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
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'YAML' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ya?ml$/);
  });

  it('shows every problem of a refused configuration file', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/campaigns');
    await settle(page);
    await page.getByRole('button', { name: '导入配置' }).click();
    await page.getByTestId('config-text').fill('{"format": "pingyi-campaign", "version": 1, "campaign": {"name": "", "year": 1800}}');
    await page.getByRole('dialog').getByRole('button', { name: '导入', exact: true }).click();
    await page.getByTestId('config-refusal').waitFor();
    await screenshot(page, 'campaign-import-refused');
    expect(await page.getByTestId('config-refusal').locator('li').count()).toBeGreaterThan(0);
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });
}
