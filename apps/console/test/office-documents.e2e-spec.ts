import { BallotMixer } from '@pingyi/server-core';
import { moveCampaignTo, type TestServer } from '@pingyi/testing';
import JSZip from 'jszip';
import * as fs from 'node:fs';
import { type Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser';
import { consoleSuite } from './console-suite';
import { open, settle, signIn, switchLanguage } from './console-helpers';
import { createCampaign } from './fixtures/office-campaign';

// Issue 14: the office publishes results in the console, downloads the results
// notice (测评结果通报) and finds in its tables the standings the server
// computes; keeps an evaluator group's contacts and reminds it.

const LEVELS = ['satisfied', 'fairlySatisfied', 'basicallySatisfied', 'notVerySatisfied', 'dissatisfied', 'unknown'];
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { policyJson standings { unitName score rank tierLabel rates { value } responseRate } } }`;

/** The DOCX's tables, as rows of cell texts (word/document.xml read back). */
async function docxTables(file: Buffer): Promise<string[][][]> {
  const xml = (await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string')) ?? '';
  const text = (part: string) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => text(c[1] ?? '')),
    ),
  );
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
}

describeInBrowser("the office's documents", () => {
  let server: TestServer;
  let token: string;
  let campaignId: string;
  let page: Page;

  const suite = consoleSuite('office-documents', async (ready) => {
    ({ server, token } = ready);
    campaignId = await createCampaign(server, token, 'appraisal');
    const issued = await server.gqlOk<{ issueAccessCodes: { codes: string[] } }>(
      `mutation($c: ID!) { issueAccessCodes(campaignId: $c, group: "residents", count: 24) { ... on IssuedAccessCodes { codes } } }`,
      { c: campaignId },
      token,
    );
    for (const [i, code] of issued.issueAccessCodes.codes.entries()) {
      const ratings = ['traffic-police', 'public-order', 'legal-affairs'].map((unit, u) => ({
        unit,
        level: LEVELS[(i * (u + 1) + u) % (u + 4)] as string,
      }));
      await server.gql(
        `mutation($input: CastBallotInput!) { castBallot(input: $input) { __typename } }`,
        { input: { code, ratings } },
        undefined,
        { 'x-forwarded-for': `10.9.2.${i + 1}` },
      );
    }
    await server.app.get(BallotMixer).mixAll();
    await moveCampaignTo(server, token, campaignId, 'rectification');
  });

  beforeAll(async () => {
    ({ page } = suite);
    await signIn(page, server.url, 'admin', 'test-admin-password-1');
  });

  it('publishes the results and downloads the notice, whose ranked table is the standings', async () => {
    await open(page, server.url, '/results');
    // before publication the notice cannot be issued
    expect(await page.getByTestId('results-notice-docx').isDisabled()).toBe(true);
    await screenshot(page, 'documents-results-unpublished');
    await page.getByRole('button', { name: '发布结果' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确认|确定/ })
      .click();
    await page.getByTestId('results-notice-docx').and(page.locator(':not([disabled])')).waitFor();
    await settle(page);
    await screenshot(page, 'documents-results-published');
    const notice = await downloaded(page, () => page.getByTestId('results-notice-docx').click());
    expect(notice.name).toMatch(/测评结果通报\.docx$/);
    const tables = await docxTables(notice.body);
    const { standings } = await server.gqlOk<{
      standings: {
        policyJson: string;
        standings: {
          unitName: string;
          score: number;
          rank: number;
          tierLabel: string;
          rates: { value: number }[];
          responseRate: number;
        }[];
      };
    }>(STANDINGS, { c: campaignId }, token);
    const decimals = JSON.parse(standings.policyJson).decimals as number;
    // the response rate next to every score (issue 14), as published with the standings
    expect(tables[1]?.slice(1)).toEqual(
      standings.standings.map((s) => [
        String(s.rank),
        s.unitName,
        s.score.toFixed(decimals),
        s.tierLabel,
        ...s.rates.map((r) => r.value.toFixed(decimals)),
        s.responseRate.toFixed(2),
      ]),
    );
    const pdf = await downloaded(page, () => page.getByTestId('results-notice-pdf').click());
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("keeps an evaluator group's contacts, refuses a bad address in Chinese, and sends a reminder with the group's count", async () => {
    await open(page, server.url, '/ballots');
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('edit-contacts-residents').click();
    await page.getByTestId('contact-0-name').fill('李主任');
    await page.getByTestId('contact-0-organization').fill('社区居委会');
    await page.getByTestId('contact-0-email').fill('not-an-address');
    await page.getByTestId('contacts-save').click();
    const refusal = await page.getByTestId('contacts-error').innerText();
    expect(refusal).toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'documents-contacts-refused');
    await page.getByTestId('contact-0-email').fill('');
    await page.getByTestId('contact-0-phone').fill('0574-8765 4321');
    await page.getByTestId('contacts-save').click();
    await page.getByTestId('group-residents').getByText('社区居委会 李主任 0574-8765 4321').waitFor();
    await page.getByTestId('remind-residents').click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确认|确定/ })
      .click();
    const row = page.locator('[data-testid^="reminder-"]').filter({ hasText: '24 / ' }).first();
    await row.waitFor();
    await settle(page);
    await screenshot(page, 'documents-contacts-reminded');
    const notice = await downloaded(page, () => row.locator('[data-testid$="-docx"]').click());
    expect(notice.name).toMatch(/催办通知（城乡居民）\.docx$/);
    expect((await docxTables(notice.body))[0]?.[1]?.slice(0, 3)).toEqual(['城乡居民', expect.any(String), '24']);
    await switchLanguage(page, 'English');
    await page
      .getByTestId('tab-contacts')
      .click()
      .catch(() => undefined);
    await settle(page);
    await screenshot(page, 'documents-contacts-en');
    await open(page, server.url, '/results');
    await settle(page);
    await screenshot(page, 'documents-results-en');
    await switchLanguage(page, '简体中文');
  });

  it('offers the rectification report and the feedback letters on the rectification list', async () => {
    await open(page, server.url, '/rectificationItems');
    await page.getByTestId('rectification-report-docx').waitFor();
    const report = await downloaded(page, () => page.getByTestId('rectification-report-docx').click());
    expect(report.name).toMatch(/整改情况报告\.docx$/);
    expect(await page.getByTestId('feedback-letter-docx').isDisabled()).toBe(true);
    await page.getByTestId('feedback-letter-unit').locator('..').click();
    await page.getByRole('option', { name: '交警支队' }).click();
    const letter = await downloaded(page, () => page.getByTestId('feedback-letter-docx').click());
    expect(letter.name).toMatch(/反馈函（交警支队）\.docx$/);
    await screenshot(page, 'documents-rectification');
    expect(suite.errors).toEqual([]);
  });
});
