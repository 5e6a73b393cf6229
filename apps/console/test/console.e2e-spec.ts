import { createTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { open, settle, signIn, signOut } from './console-helpers';

describeInBrowser('console in a real browser', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let errors: string[];
  let liaison: { username: string; password: string };

  beforeAll(async () => {
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: CONSOLE_DIST } });
    liaison = await server.createUser({ roles: ['liaison' as never], username: 'liaison-traffic', unitCode: 'traffic-police' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the console and signs the office in, in Chinese', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, '01-login');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('wrong-password');
    await page.locator('button[type="submit"]').click();
    await expect(page.getByText('用户名或密码不正确').first().waitFor()).resolves.toBeUndefined();
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
    await settle(page);
    await screenshot(page, '02-dashboard');
    expect(await page.locator('.RaMenu-open, .RaMenu-closed').innerText()).toContain('用户');
  });

  it('lists users and shows a refused create next to the field', async () => {
    await open(page, server.url, '/users');
    await settle(page);
    await page.getByRole('cell', { name: 'liaison-traffic' }).first().waitFor();
    await screenshot(page, '03-users');
    await open(page, server.url, '/users/create');
    await page.locator('input[name="username"]').fill('liaison-traffic');
    await page.locator('input[name="password"]').fill('long-enough-1');
    await page.locator('input[name="displayName"]').fill('重名用户');
    await page.getByLabel('评议办公室').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('该用户名已被使用').first().waitFor();
    await screenshot(page, '04-user-create-error');
    await page.locator('input[name="username"]').fill('office-wang');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: 'office-wang' }).first().waitFor();
  });

  it('edits a user and shows the audit log', async () => {
    await page.getByRole('cell', { name: 'office-wang' }).first().click();
    await page.locator('input[name="displayName"]').fill('王办公');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '王办公' }).first().waitFor();
    await open(page, server.url, '/auditLog');
    await settle(page);
    await page.getByText('新建用户').first().waitFor();
    await screenshot(page, '05-audit-log');
  });

  it('switches to English and back', async () => {
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Audit log').first().waitFor();
    await screenshot(page, '06-audit-log-en');
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByText('操作日志').first().waitFor();
  });

  it('shows a liaison neither the users nor the audit log', async () => {
    await signOut(page);
    await signIn(page, server.url, liaison.username, liaison.password);
    await settle(page);
    await screenshot(page, '07-liaison-dashboard');
    const menu = await page.locator('.RaMenu-open, .RaMenu-closed').innerText();
    expect(menu).not.toContain('用户');
    expect(menu).not.toContain('操作日志');
    await open(page, server.url, '/users');
    await page.getByText('无权访问').first().waitFor();
    await screenshot(page, '08-liaison-users-denied');
  });

  it('had no uncaught errors in the page', () => {
    expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e))).toEqual([]);
  });
});
