import { AxeBuilder } from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Latin words of a shown text, once the data it quotes (dates, codes, names) is taken out. */
export function latinWords(text: string, data: readonly string[] = []): string[] {
  let rest = text;
  for (const datum of data) rest = rest.split(datum).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

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
    .waitForFunction(
      () =>
        !document.querySelector('.RaLoadingIndicator-loader, .MuiLinearProgress-indeterminate, [data-testid="loader"]'),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** Waits until an input shows its record's value (a form fills in after its record loads). */
export async function waitForValue(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => ((document.querySelector(sel) as HTMLInputElement | null)?.value ?? '') !== '',
    selector,
  );
}

/** Fails naming each label the page found no translation for, and each uncaught error (4xx answers aside: tests ask for them). */
export async function expectNoMissingLabelsOrErrors(page: Page, errors: readonly string[]): Promise<void> {
  const missing = await page.evaluate(
    () => JSON.parse(window.sessionStorage.getItem('pingyi.missingTranslations') ?? '[]') as string[],
  );
  expect(missing).toEqual([]);
  expect(errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e))).toEqual(
    [],
  );
}

/** Reads a download the page starts with `click` as UTF-8 text, BOM included. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved).toString('utf8') };
}

/** Switches the console's language through the app bar and waits for the menu to follow. */
export async function switchLanguage(page: Page, to: 'English' | '简体中文'): Promise<void> {
  await page.locator('button[aria-controls="simple-menu"]').first().click();
  await page.getByRole('menuitem', { name: to }).click();
  await page
    .locator('.RaMenu-open, .RaMenu-closed')
    .getByText(to === 'English' ? 'Dashboard' : '工作台')
    .first()
    .waitFor();
}

/** What axe found on one page, as the report of the accessibility run lists it. */
export interface AxeReport {
  readonly page: string;
  readonly url: string;
  readonly language: string;
  readonly counts: Readonly<Record<'critical' | 'serious' | 'moderate' | 'minor', number>>;
  readonly violations: readonly {
    id: string;
    impact: string | null;
    help: string;
    targets: string[];
    html: string[];
  }[];
}

export const AXE_REPORT_DIR = path.resolve(import.meta.dirname, 'screenshots', 'axe');

/** Waits until no animation or CSS transition runs on the page (a dialog fading in, a drawer sliding in). */
export async function animationsDone(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => document.getAnimations().every((animation) => animation.playState !== 'running'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

/** axe's WCAG 2.1 A and AA rules on the page once transitions (dialogs, drawers, notifications fading in) have ended. */
async function analyze(page: Page): ReturnType<AxeBuilder['analyze']> {
  // twice: a notification may start fading in just after the first wait
  for (let pass = 0; pass < 2; pass++) {
    if (pass) await page.waitForTimeout(150);
    await animationsDone(page);
  }
  return new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
}

/**
 * Runs axe (WCAG 2.1 A and AA rules) on the page as it is now, saves the
 * counts per impact as test/screenshots/axe/<name>.json, and fails naming
 * every serious or critical violation with the elements it found.
 */
export async function checkAccessibility(page: Page, name: string): Promise<AxeReport> {
  await settle(page);
  let results = await analyze(page);
  // a colour caught mid-change (a button enabled as its data arrives, a notification fading in) is measured again
  // once it has settled; one still failing then is shown to the user as it is
  if (results.violations.some((v) => v.id === 'color-contrast')) {
    await page.waitForTimeout(600);
    await settle(page);
    results = await analyze(page);
  }
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const violation of results.violations)
    counts[(violation.impact ?? 'minor') as keyof typeof counts] += violation.nodes.length;
  const report: AxeReport = {
    page: name,
    url: page.url(),
    language: await page.evaluate(() => document.documentElement.lang),
    counts,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
      html: v.nodes.map(
        (node) => `${node.html.slice(0, 300)} [${(node.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}]`,
      ),
    })),
  };
  fs.mkdirSync(AXE_REPORT_DIR, { recursive: true });
  fs.writeFileSync(path.join(AXE_REPORT_DIR, `${name}.json`), JSON.stringify(report, null, 2));
  const blocking = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length)
    throw new Error(
      `axe on ${name}: ${blocking.map((v) => `${v.impact} ${v.id} (${v.help}): ${v.html.slice(0, 3).join(' | ')}`).join('\n')}`,
    );
  return report;
}

/** What has the keyboard focus: its tag, text, name and aria-label. */
export interface Focused {
  readonly tag: string;
  readonly text: string;
  readonly name: string | null;
  readonly label: string | null;
}

/** Presses Tab (Shift+Tab with `back`) until the focused element matches, as a keyboard user would; fails after `max` presses. */
export async function tabTo(
  page: Page,
  matches: (focused: Focused) => boolean,
  options: { max?: number; back?: boolean } = {},
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el?.textContent ?? '').trim().slice(0, 120),
        name: el?.getAttribute('name') ?? null,
        label: el?.getAttribute('aria-label') ?? null,
      };
    });
    if (matches(focused)) return focused;
    seen.push(`${focused.tag}:${focused.label ?? focused.name ?? focused.text.slice(0, 20)}`);
  }
  throw new Error(`Tab never reached the element; it went through ${seen.join(', ')}`);
}
