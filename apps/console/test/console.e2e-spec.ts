import { createTestServer, TEST_ADMIN_PASSWORD } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { open, settle, signIn, signOut } from './console-helpers';
import { ballotsScenario } from './scenarios/ballots.scenario';
import { campaignConfigScenario } from './scenarios/campaign-config.scenario';
import { campaignsScenario } from './scenarios/campaigns.scenario';
import { largeListsScenario } from './scenarios/large-lists.scenario';
import { organizationScenario } from './scenarios/organization.scenario';
import { rectificationScenario } from './scenarios/rectification.scenario';
import { resultsScenario } from './scenarios/results.scenario';
import { schemaScenario } from './scenarios/schema.scenario';
import { supervisionScenario } from './scenarios/supervision.scenario';
import { usersScenario } from './scenarios/users.scenario';
import { workPlanScenario } from './scenarios/work-plan.scenario';
import { type SuiteContext } from './suite-context';

// One server on SQLite serving the built console, one Chromium, scenarios in order.
describeInBrowser('console in a real browser', () => {
  const ctx = {} as SuiteContext;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let liaison: { username: string; password: string };

  let consoleCopy = '';

  beforeAll(async () => {
    // a private copy of the build: a rebuild of dist/ during the run must not pull chunks from under the open page
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    ctx.server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy } });
    liaison = await ctx.server.createUser({
      roles: ['liaison' as never],
      username: 'liaison-traffic',
      unitCode: 'traffic-police',
    });
    browser = await launchBrowser();
    ctx.page = await browser.context.newPage();
    ctx.errors = watchErrors(ctx.page);
  });

  // a failed step leaves a picture of the page it failed on
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && ctx.page)
      await screenshot(ctx.page, `FAILED-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await ctx.server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  it('serves the console and signs the office in, in Chinese', async () => {
    const { page, server } = ctx;
    await page.goto(`${server.url}/`);
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, 'login');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('wrong-password');
    await page.locator('button[type="submit"]').click();
    await page.getByText('用户名或密码不正确').first().waitFor();
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
    await settle(page);
    await screenshot(page, 'dashboard-empty');
    expect(await page.locator('.RaMenu-open, .RaMenu-closed').innerText()).toContain('用户');
  });

  schemaScenario(ctx);
  usersScenario(ctx);
  largeListsScenario(ctx, (figures) =>
    console.log(`10,000-row audit log in the browser (ms): ${JSON.stringify(figures)}`),
  );
  campaignsScenario(ctx);
  organizationScenario(ctx);
  workPlanScenario(ctx);
  ballotsScenario(ctx);
  resultsScenario(ctx);
  supervisionScenario(ctx);
  rectificationScenario(ctx, () => liaison);

  it('shows a liaison neither the users nor the audit log', async () => {
    const { page, server } = ctx;
    await signOut(page);
    await signIn(page, server.url, liaison.username, liaison.password);
    await settle(page);
    await screenshot(page, 'liaison-dashboard');
    const menu = await page.locator('.RaMenu-open, .RaMenu-closed').innerText();
    expect(menu).not.toContain('用户');
    expect(menu).not.toContain('操作日志');
    await open(page, server.url, '/users');
    await page.getByText('无权访问').first().waitFor();
    await screenshot(page, 'liaison-users-denied');
  });

  campaignConfigScenario(ctx);

  it('asked for no label missing from the translations', async () => {
    const missing = await ctx.page.evaluate(
      () => JSON.parse(window.sessionStorage.getItem('pingyi.missingTranslations') ?? '[]') as string[],
    );
    expect(missing).toEqual([]);
  });

  it('had no uncaught errors in the page', () => {
    expect(
      ctx.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e)),
    ).toEqual([]);
  });
});
