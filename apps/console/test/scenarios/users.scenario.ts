import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle, waitForValue } from '../console-helpers';
import { type SuiteContext } from '../suite-context';

/** Users and roles, field errors from the server, the audit log, the language switch. */
export function usersScenario(ctx: SuiteContext): void {
  it('lists users and shows a refused create next to the field', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/users');
    await settle(page);
    await page.getByRole('cell', { name: 'liaison-traffic' }).first().waitFor();
    await screenshot(page, 'users-list');
    await open(page, server.url, '/users/create');
    await page.locator('input[name="username"]').fill('liaison-traffic');
    await page.locator('input[name="password"]').fill('long-enough-1');
    await page.locator('input[name="displayName"]').fill('重名用户');
    await page.getByLabel('评议办公室').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '该用户名已被使用' }).waitFor();
    await screenshot(page, 'users-create-error');
    await page.locator('input[name="username"]').fill('office-wang');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'office-wang' }).first().waitFor();
  });

  it('edits a user and shows the audit log', async () => {
    const { page, server } = ctx;
    await page.getByRole('cell', { name: 'office-wang' }).first().click();
    await waitForValue(page, 'input[name="displayName"]');
    await page.locator('input[name="displayName"]').fill('王办公');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '王办公' }).first().waitFor();
    await open(page, server.url, '/auditLog');
    await settle(page);
    await page.getByText('新建用户').first().waitFor();
    await screenshot(page, 'audit-log');
  });

  it('switches to English and back', async () => {
    const { page } = ctx;
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Audit log').first().waitFor();
    expect(await page.locator('.RaMenu-open, .RaMenu-closed').innerText()).toContain('Users');
    await screenshot(page, 'audit-log-en');
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByText('操作日志').first().waitFor();
  });
}
