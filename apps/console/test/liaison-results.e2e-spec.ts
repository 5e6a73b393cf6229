import { moveCampaignTo, type TestServer, type TestUser } from '@pingyi/testing';
import { type Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser';
import { consoleSuite } from './console-suite';
import { open, settle, signIn } from './console-helpers';
import { castOpinions, createCampaign } from './fixtures/office-campaign';

// Issue 16, item 12: a liaison's results page never spins forever. Before
// publication it says nothing is published; after, another unit's breakdown
// says why it is not shown, and no text sends the liaison to a page it cannot open.

describeInBrowser("a liaison's results page", () => {
  let server: TestServer;
  let token: string;
  let campaignId: string;
  let liaison: TestUser;
  let page: Page;

  const suite = consoleSuite('liaison-results', async (ready) => {
    ({ server, token } = ready);
    campaignId = await createCampaign(server, token, 'appraisal');
    await castOpinions(server, token, campaignId, 'traffic-police', ['窗口排队太久', '周末窗口太少']);
    await castOpinions(server, token, campaignId, 'public-order', ['户籍办理慢', '态度生硬']);
    liaison = await server.createUser({
      roles: ['liaison' as never],
      username: 'liaison-traffic',
      unitCode: 'traffic-police',
    });
  });

  beforeAll(async () => {
    ({ page } = suite);
    await signIn(page, server.url, liaison.username, liaison.password);
  });

  it('says nothing is published yet, instead of loading forever', async () => {
    const refused: string[] = [];
    page.on('response', async (response) => {
      if ((await response.text().catch(() => '')).includes('"FORBIDDEN"'))
        refused.push(response.request().postData()?.slice(0, 40) ?? '');
    });
    await open(page, server.url, '/results');
    await page.getByRole('alert').getByText('尚未发布评议结果').waitFor();
    await settle(page);
    expect(await page.getByText('加载中').count()).toBe(0);
    // it asks for nothing a liaison may not see (the live standings and the comparison)
    expect(refused).toEqual([]);
    await screenshot(page, 'liaison-results-unpublished');
  });

  it("after publication, says why another unit's breakdown is not shown", async () => {
    await moveCampaignTo(server, token, campaignId, 'rectification');
    await server.gqlOk(
      'mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ErrorResult { errorCode message } } }',
      { c: campaignId },
      token,
    );
    await open(page, server.url, '/results');
    let asked = 0;
    page.on('request', (request) => {
      if (request.postData()?.includes('query Breakdown')) asked += 1;
    });
    await page.getByTestId('ranking').getByText('治安支队').first().click();
    // the refusal is a sentence, answered once: a refusal is not retried behind a spinner
    await page.getByTestId('breakdown-refused').waitFor();
    await settle(page);
    expect(asked).toBe(1);
    const drawer = await page
      .locator('.MuiDrawer-paper')
      .filter({ has: page.getByTestId('breakdown-refused') })
      .innerText();
    expect(drawer).toContain('只能查看本单位');
    expect(drawer).not.toContain('加载中');
    expect(drawer).not.toContain('实时结果');
    // the page asks nothing the liaison may not see: no refusal above the ranking
    expect(await page.locator('.MuiAlert-standardError').count()).toBe(0);
    await screenshot(page, 'liaison-results-other-unit');
    await page.keyboard.press('Escape');
    // their own unit's breakdown is shown
    await page.getByTestId('ranking').getByText('交警支队').first().click();
    await page.getByTestId('breakdown').waitFor();
    await screenshot(page, 'liaison-results-own-unit');
  });
});
