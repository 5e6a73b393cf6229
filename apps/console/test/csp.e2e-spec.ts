import { createTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, watchErrors } from './browser';
import { signIn } from './console-helpers';

// The console and the public ballot page under the server's Content-Security-Policy
// (helmet): both render, MUI's run-time styles apply, and the browser reports no violation.
describeInBrowser('console and ballot page under the CSP', () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: CONSOLE_DIST } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openPage = async () => {
    const page = await browser!.context.newPage();
    const errors = watchErrors(page);
    // a violation is reported on the console and as an event of the document
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    return { page, errors };
  };

  it('sends the CSP with the console', async () => {
    const response = await server.fetch('/', { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('renders the console and signs in, with MUI styles applied', async () => {
    const { page, errors } = await openPage();
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
    // emotion writes its rules into <style> tags at run time: the app bar has its colour only if they apply
    const background = await page
      .locator('.MuiAppBar-root')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('renders the public ballot page at /vote', async () => {
    const { page, errors } = await openPage();
    await page.goto(`${server.url}/vote`);
    await page.getByTestId('code-input').waitFor();
    const button = page.getByRole('button', { name: '打开评议表' });
    expect(
      await button.evaluate(
        (el) => getComputedStyle(el).textTransform !== '' && getComputedStyle(el).borderRadius !== '0px',
      ),
    ).toBe(true);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('does block an inline script, and the watch above sees it (so its empty lists mean something)', async () => {
    const { page } = await openPage();
    await page.goto(`${server.url}/vote`);
    await page.getByTestId('code-input').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    await page.close();
  });
});
