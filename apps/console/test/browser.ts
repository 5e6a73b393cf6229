import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { checkAccessibility } from './console-helpers';

/** Debian's Chromium, or CHROMIUM_PATH. Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');
export const CONSOLE_DIST = path.resolve(import.meta.dirname, '../dist');

/**
 * `describe` for the browser suite: skipped with a printed reason when there
 * is no Chromium (or no built console), except under CI, where it fails.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  const missing = !fs.existsSync(CHROMIUM_PATH)
    ? `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`
    : !fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))
      ? `the console is not built (${CONSOLE_DIST}); run npm run build -w @pingyi/console`
      : null;
  if (!missing) {
    describe(name, suite);
    return;
  }
  if (process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') {
    describe(name, () =>
      it('needs Chromium and the built console (required in CI)', () => {
        throw new Error(`CI is set but ${missing}`);
      }),
    );
    return;
  }
  console.warn(`Skipping the browser suite "${name}": ${missing}.`);
  describe.skip(`${name} (skipped: ${missing})`, suite);
}

/** One headless Chromium with a fresh profile, removed on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a full-page screenshot as test/screenshots/<name>.png, after axe has
 * checked the page as shown (see checkAccessibility): every page a browser
 * suite pictures is checked, in the language it is shown in. A failure's
 * picture is taken as it is.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!name.startsWith('FAILED')) await checkAccessibility(page, name);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // react-admin's app bar is fixed: at the top it lands at the top of a full-page shot
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Collects uncaught page errors and failed console messages so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
