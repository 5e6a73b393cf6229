import { type Page } from 'playwright-core';

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.locator('.RaLayout-appFrame').waitFor();
}

/** Signs out through the user menu. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('button[aria-label="个人"], button[aria-label="Profile"]').first().click();
  await page.getByRole('menuitem', { name: /退出登录|Logout/ }).click();
  await page.locator('input[name="username"]').waitFor();
}

/** Opens a console route (`/users`) and waits for the page title. */
export async function open(page: Page, baseUrl: string, route: string): Promise<void> {
  const target = `${baseUrl}/#${route}`;
  // going to the address already shown would not load anything: reload it
  if (page.url() === target) await page.reload();
  else await page.goto(target);
  await page.locator('.RaLayout-appFrame').waitFor();
}

/** Waits until react-admin has no query in flight. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // react-admin's loading indicators (the app bar spinner, indeterminate bars); determinate bars are data
  await page
    .waitForFunction(() => !document.querySelector('.RaLoadingIndicator-loader, .MuiLinearProgress-indeterminate, [data-testid="loader"]'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

/** Waits until an input shows its record's value (a form fills in after its record loads). */
export async function waitForValue(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => ((document.querySelector(sel) as HTMLInputElement | null)?.value ?? '') !== '', selector);
}
