import { moveCampaignTo, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import { type Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser';
import { consoleSuite } from './console-suite';
import { open, settle, signIn, signOut } from './console-helpers';
import { castOpinions, createCampaign } from './fixtures/office-campaign';
import { fireEvent, openItem } from './fixtures/office-worker';

// Issue 16: every page every role can open, in both languages, with a
// screenshot of each (test/screenshots/tour-<role>-<language>-<page>.png).
// On each page: no internal code shown as text, no spinner left, no missing
// label, no uncaught error.

const ROLES = ['office', 'liaison', 'inspector', 'leader', 'admin'] as const;
type TourRole = (typeof ROLES)[number];
const LANGUAGES = [
  { code: 'zh', name: '简体中文' },
  { code: 'en', name: 'English' },
] as const;
// codes behind the labels of the tour's data: units, strategy, roles, operations, error codes
const CODES =
  /traffic-police|public-order|legal-affairs|weighted-mean|INVALID_[A-Z_]+|PHASE_CLOSED|createCampaign|openRectificationItem|fireRectificationEvent|\bresidents\b/;

describeInBrowser('every page of every role, in both languages', () => {
  let server: TestServer;
  let page: Page;
  let errors: string[];
  const passwords = new Map<TourRole, { username: string; password: string }>();
  const visited: string[] = [];
  const problems: string[] = [];

  const suite = consoleSuite('tour', async (ready) => {
    server = ready.server;
    const token = ready.token;
    const campaignId = await createCampaign(server, token, 'appraisal');
    await castOpinions(server, token, campaignId, 'traffic-police', ['车管所排队太久', '周末窗口太少']);
    await castOpinions(server, token, campaignId, 'public-order', ['户籍办理慢']);
    await moveCampaignTo(server, token, campaignId, 'rectification');
    await fireEvent(
      server,
      token,
      await openItem(server, token, campaignId, 'traffic-police', '车管所窗口排队'),
      'verify',
    );
    for (const role of ROLES) {
      if (role === 'admin') passwords.set(role, { username: 'admin', password: TEST_ADMIN_PASSWORD });
      else
        passwords.set(
          role,
          await server.createUser({
            roles: [role as never],
            username: `tour-${role}`,
            ...(role === 'liaison' ? { unitCode: 'traffic-police' } : {}),
          }),
        );
    }
  });

  beforeAll(() => {
    ({ page, errors } = suite);
  });

  /** The routes of the menu the signed-in user sees, in menu order. */
  const menuRoutes = async (): Promise<string[]> => {
    const hrefs = await page
      .locator('.RaSidebar-fixed a[href^="#/"], .MuiDrawer-root a[href^="#/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return [...new Set(hrefs.map((href) => href.replace(/^#/, '')).filter((route) => route !== '/'))];
  };

  /** Waits until the page at the current address is drawn: a new page element, its title, its data. */
  const drawn = (): Promise<boolean> =>
    page
      .waitForFunction(
        () => {
          const content = document.querySelector('#main-content > *');
          const before = (window as unknown as { __tourPage?: Element | null }).__tourPage;
          return (
            !!content &&
            content !== before &&
            (content.textContent ?? '').trim().length > 0 &&
            (document.querySelector('#react-admin-title')?.textContent ?? '').trim().length > 0 &&
            !document.querySelector(
              '.RaLoadingIndicator-loader, .MuiLinearProgress-indeterminate, .MuiCircularProgress-root',
            )
          );
        },
        undefined,
        { timeout: 30_000 },
      )
      .then(
        () => true,
        () => false,
      );

  /** Forgets the page shown, so that {@link drawn} waits for the next one. */
  const leave = (): Promise<void> =>
    page.evaluate(
      () =>
        void ((window as unknown as { __tourPage?: Element | null }).__tourPage =
          document.querySelector('#main-content > *')),
    );

  const photograph = async (role: TourRole, language: string, route: string, ok: boolean): Promise<void> => {
    await settle(page);
    const name = `tour-${role}-${language}-${route.replace(/^\//, '').replace(/[^\w]+/g, '-') || 'dashboard'}`;
    await screenshot(page, name);
    visited.push(name);
    if (!ok) problems.push(`${name}: not drawn, or still loading, after 30 s`);
    const code = CODES.exec(await page.locator('#main-content').innerText());
    if (code) problems.push(`${name}: shows the code ${code[0]}`);
  };

  const visit = async (role: TourRole, language: string, route: string): Promise<void> => {
    await leave();
    await open(page, server.url, route);
    await photograph(role, language, route, await drawn());
  };

  for (const role of ROLES) {
    for (const language of LANGUAGES) {
      it(`${role}, ${language.name}`, async () => {
        const user = passwords.get(role);
        if (!user) throw new Error(`no user for ${role}`);
        await signIn(page, server.url, user.username, user.password);
        if (language.code === 'en') {
          await page.locator('button[aria-controls="simple-menu"]').first().click();
          await page.getByRole('menuitem', { name: 'English' }).click();
        }
        await visit(role, language.code, '/');
        const routes = await menuRoutes();
        expect(routes.length, `${role} sees a menu`).toBeGreaterThan(2);
        for (const route of routes) {
          await visit(role, language.code, route);
          // the first record of a list, when it opens a page of its own
          const row = page.locator('table tbody tr.RaDataTable-clickableRow').first();
          if ((await row.count()) > 0 && !route.startsWith('/auditLog')) {
            await leave();
            await row.click();
            await page
              .waitForURL((url) => url.hash.replace(/^#/, '').split('?')[0] !== route, { timeout: 5_000 })
              .catch(() => undefined);
            const shown = page.url().split('#')[1] ?? '';
            if (shown.split('?')[0] !== route) await photograph(role, language.code, shown, await drawn());
          }
        }
        if (language.code === 'en') {
          await page.locator('button[aria-controls="simple-menu"]').first().click();
          await page.getByRole('menuitem', { name: '简体中文' }).click();
        }
        await signOut(page);
        expect(problems.filter((problem) => problem.startsWith(`tour-${role}-${language.code}-`))).toEqual([]);
      });
    }
  }

  it('visited every page without a missing label or an uncaught error', async () => {
    console.log(`role tour: ${visited.length} pages photographed`);
    expect(visited.length).toBeGreaterThan(100);
    const missing = await page.evaluate(
      () => JSON.parse(window.sessionStorage.getItem('pingyi.missingTranslations') ?? '[]') as string[],
    );
    expect(missing).toEqual([]);
    expect(
      errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e)),
    ).toEqual([]);
  });
});
