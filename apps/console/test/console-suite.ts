import { createTestServer, type TestServer } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CONSOLE_DIST, launchBrowser, screenshot, watchErrors } from './browser';

/** What a browser suite shares: one server on SQLite, its admin's token, one page, the errors the page saw. */
export interface ConsoleSuite {
  server: TestServer;
  token: string;
  page: Page;
  errors: string[];
}

/**
 * The set-up every browser suite needs, once: a server on a real SQLite file
 * serving a private copy of the built console (a rebuild of dist/ during the
 * run must not pull chunks from under the open page), `prepare` for the
 * suite's data, then Chromium; a failed test leaves a screenshot named after
 * it; everything is torn down after the suite. Call it inside
 * `describeInBrowser`, then read the fields in the tests (or in a later `beforeAll`).
 */
export function consoleSuite(
  name: string,
  prepare?: (suite: Omit<ConsoleSuite, 'page' | 'errors'>) => Promise<void>,
): ConsoleSuite {
  const suite = {} as ConsoleSuite;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    suite.server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy, PINGYI_TRUST_PROXY: 'loopback' } });
    suite.token = await suite.server.adminToken();
    await prepare?.(suite);
    browser = await launchBrowser();
    suite.page = await browser.context.newPage();
    suite.errors = watchErrors(suite.page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && suite.page)
      await screenshot(suite.page, `FAILED-${name}-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(
        () => undefined,
      );
  });

  afterAll(async () => {
    await browser?.close();
    await suite.server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  return suite;
}
