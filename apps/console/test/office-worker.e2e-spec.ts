import { BallotMixer } from '@pingyi/server-core';
import { createTestServer, phasesAround, phasesFrom, TEST_ADMIN_PASSWORD, type TestUser } from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { animationsDone, download, open, settle, signIn, signOut, switchLanguage } from './console-helpers';
import { closeItem, createCampaign, movePhases, openItem } from './fixtures/office-worker';
import { dayFromToday, type SuiteContext } from './suite-context';

const LIVE = '本年度民主评议机关';
const NEXT = '下一年度民主评议机关';

const boms = (text: string) => text.match(/\uFEFF/g)?.length ?? 0;
const headerOf = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n')[0];

/** Picks a campaign in the app bar's switch. */
async function chooseCampaign(page: Page, name: string): Promise<void> {
  await page.getByLabel('当前评议工作').click();
  await page.getByRole('option', { name }).click();
  await page.locator('#main-content h6').filter({ hasText: name }).first().waitFor();
}

/** What an office worker meets (issue 16): the right rate, the live campaign, one item per finding, exports in their language. */
describeInBrowser('the console as an office worker meets it', () => {
  const ctx = {} as SuiteContext;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';
  let admin = '';
  let liaison: TestUser;
  let liaisonToken = '';
  let liveId = '';
  let codes: string[] = [];

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    ctx.server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy } });
    admin = await ctx.server.adminToken();
    // this year's campaign in its appraisal phase, and next year's set up in advance
    liveId = await createCampaign(ctx.server, admin, LIVE, phasesAround('appraisal'));
    await createCampaign(ctx.server, admin, NEXT, phasesFrom(380));
    liaison = await ctx.server.createUser({
      roles: ['liaison' as never],
      username: 'liaison-traffic',
      unitCode: 'traffic-police',
    });
    liaisonToken = await ctx.server.login(liaison.username, liaison.password);
    browser = await launchBrowser();
    ctx.page = await browser.context.newPage();
    ctx.errors = watchErrors(ctx.page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && ctx.page)
      await screenshot(ctx.page, `FAILED-office-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(
        () => undefined,
      );
  });

  afterAll(async () => {
    await browser?.close();
    await ctx.server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  // the dashboard's first card names the campaign shown
  const campaignTitle = async (page: Page) => {
    await page.locator('#main-content h6').first().waitFor();
    return page.locator('#main-content h6').first().innerText();
  };

  it("lands on the campaign running today, not on next year's set up in advance", async () => {
    const { page, server } = ctx;
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
    await settle(page);
    expect(await campaignTitle(page)).toBe(LIVE);
    await screenshot(page, 'office-dashboard-live-campaign');
  });

  it("downloads the code list with one BOM and headings in the user's language", async () => {
    const { page, server } = ctx;
    // this and the later steps work on this year's campaign, whatever the default
    await chooseCampaign(page, LIVE);
    await open(page, server.url, '/ballots');
    await page.getByTestId('code-summary').getByText('城乡居民').waitFor();
    await page.getByLabel('评议对象类别').click();
    await page.getByRole('option', { name: /城乡居民/ }).click();
    await page.locator('input[name="count"]').fill('2');
    await page.getByRole('button', { name: '发放评议码' }).click();
    await page.getByTestId('issued-codes').waitFor();
    await animationsDone(page);
    codes = (await page.getByTestId('issued-codes').innerText()).split('\n').filter(Boolean);
    const file = await download(page, () => page.getByRole('button', { name: '下载名单' }).click());
    expect(boms(file.text)).toBe(1);
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    expect(headerOf(file.text)).toBe('评议码,评议对象类别,评议工作');
    expect(file.text).toContain(`${codes[0]},城乡居民,${LIVE}`);
    await page.getByRole('button', { name: '关闭' }).click();
  });

  it("heads the ranking's columns by what they hold: 有效票 (counted) apart from 评议表 (ballots)", async () => {
    const { page, server } = ctx;
    const CAST = `mutation($input: CastBallotInput!) { castBallot(input: $input) { __typename ... on ErrorResult { errorCode message } } }`;
    // two ballots rate the traffic police; one of them does not know the legal office (a ballot, not a counted vote)
    await server.gqlOk(
      CAST,
      {
        input: {
          code: codes[0],
          ratings: [
            { unit: 'traffic-police', level: 'satisfied' },
            { unit: 'legal', level: 'satisfied' },
          ],
        },
      },
      '',
    );
    await server.gqlOk(
      CAST,
      {
        input: {
          code: codes[1],
          ratings: [
            { unit: 'traffic-police', level: 'fairlySatisfied' },
            { unit: 'legal', level: 'unknown' },
          ],
        },
      },
      '',
    );
    await server.app.get(BallotMixer).mixAll();
    await open(page, server.url, '/results');
    await page.getByRole('columnheader', { name: '有效票 / 评议表' }).waitFor();
    await settle(page);
    await screenshot(page, 'office-results-ranking');
    const file = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    expect(boms(file.text)).toBe(1);
    const header = headerOf(file.text)?.split(',') ?? [];
    expect(header.slice(0, 7)).toEqual(['名次', '单位', '单位代码', '得分', '档次', '评议表', '有效票']);
    const legal =
      file.text
        .split('\r\n')
        .find((line) => line.includes('法制处'))
        ?.split(',') ?? [];
    expect([legal[5], legal[6]]).toEqual(['2', '1']);
  });

  it('shows the rectification rate as the ledger does: 1 of 3 closed is 33.33%, 1 of 1 is 100%', async () => {
    const { page, server } = ctx;
    await movePhases(server, admin, liveId, phasesAround('rectification'));
    const fixed = await openItem(server, admin, liveId, 'traffic-police', '窗口办事排队时间过长');
    await openItem(server, admin, liveId, 'public-order', '户籍窗口服务态度生硬');
    await openItem(server, admin, liveId, 'legal', '行政复议案件办理超时');
    await closeItem(server, admin, liaisonToken, fixed);
    await open(page, server.url, '/');
    const card = page.getByTestId('rectification-glance');
    await card.getByText('33.33%').waitFor();
    const rows = await card.locator('tr').allInnerTexts();
    expect(rows.find((row) => row.includes('交警支队'))).toContain('100%');
    expect(rows.find((row) => row.includes('治安支队'))).toContain('0%');
    await settle(page);
    await screenshot(page, 'office-dashboard-rate');
    await switchLanguage(page, 'English');
    await card.getByText('33.33%').waitFor();
    await settle(page);
    await screenshot(page, 'office-dashboard-rate-en');
    await switchLanguage(page, '简体中文');
  });

  it('calls identified items 已立项 in the ledger, with one BOM', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/rectificationItems');
    await settle(page);
    const file = await download(page, () => page.getByRole('button', { name: '整改台账（CSV）' }).click());
    expect(boms(file.text)).toBe(1);
    const lines = file.text.split('\r\n');
    expect(lines.find((line) => line.includes('户籍窗口服务态度生硬'))).toContain('已立项');
    expect(file.text).not.toContain('已发现');
    expect(headerOf(file.text)?.startsWith('编号,上级项目,责任单位,单位代码,整改项目')).toBe(true);
    // in English when the console is
    await switchLanguage(page, 'English');
    const en = await download(page, () => page.getByRole('button', { name: 'Ledger (CSV)' }).click());
    expect(boms(en.text)).toBe(1);
    expect(headerOf(en.text)?.startsWith('No.,Parent item,Responsible unit,Unit code,Item')).toBe(true);
    expect(en.text.split('\r\n').find((line) => line.includes('户籍窗口服务态度生硬'))).toContain('Identified');
    expect(en.name).toBe(`${LIVE}-rectification ledger.csv`);
    await settle(page);
    await screenshot(page, 'office-rectification-list-en');
    await switchLanguage(page, '简体中文');
  });

  it("exports the work plan with headings in the user's language, not react-admin's field dump", async () => {
    const { page, server } = ctx;
    await server.gqlOk(
      `mutation($id: ID!, $themes: [ThemeInput!]!) { setThemes(campaignId: $id, themes: $themes) { __typename } }`,
      {
        id: liveId,
        themes: [{ code: 'stability', number: 1, title: '围绕社会稳定大局，着力解决治安热点难点' }],
      },
      admin,
    );
    await server.gqlOk(
      `mutation($id: ID!, $input: WorkItemInput!) { createWorkItem(campaignId: $id, input: $input) { __typename ... on ErrorResult { errorCode message } } }`,
      {
        id: liveId,
        input: {
          themeCode: 'stability',
          number: 4,
          text: '进一步落实五条常态严管措施，建立长效管理机制。',
          leadUnitCodes: ['traffic-police', 'public-order'],
        },
      },
      admin,
    );
    await open(page, server.url, '/workItems');
    await page.getByText('进一步落实五条常态严管措施', { exact: false }).first().waitFor();
    const zh = await download(page, () => page.getByRole('button', { name: '导出' }).click());
    expect(boms(zh.text)).toBe(1);
    expect(headerOf(zh.text)).toBe('工作主题,序号,标题,工作内容,牵头单位,进度（%）');
    expect(zh.text).toContain(
      '1. 围绕社会稳定大局，着力解决治安热点难点,4,,进一步落实五条常态严管措施，建立长效管理机制。,交警支队、治安支队,',
    );
    expect(zh.name).toBe(`${LIVE}-重点工作.csv`);
    await screenshot(page, 'office-work-items');
    await switchLanguage(page, 'English');
    const en = await download(page, () => page.getByRole('button', { name: 'Export' }).click());
    expect(boms(en.text)).toBe(1);
    expect(headerOf(en.text)).toBe('Theme,No.,Title,Work item,Lead units,Progress (%)');
    await screenshot(page, 'office-work-items-en');
    await switchLanguage(page, '简体中文');
  });

  it("exports the user list with headings and roles in the user's language", async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/users');
    await page.getByText('liaison-traffic').first().waitFor();
    const file = await download(page, () => page.getByRole('button', { name: '导出' }).click());
    expect(boms(file.text)).toBe(1);
    expect(headerOf(file.text)).toBe('用户名,姓名,角色,所属单位,状态,创建时间');
    expect(file.text.split('\r\n').find((line) => line.startsWith('liaison-traffic,'))).toContain('单位联络员');
  });

  const RECORD = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { __typename ... on Inspection { id findings { id } } ... on ErrorResult { errorCode message path messageKey messageParamsJson } } }`;
  const recordInspection = async (text: string) =>
    (
      await ctx.server.gqlOk<{ recordInspection: { id: string; findings: { id: string }[] } }>(
        RECORD,
        {
          input: {
            campaignId: liveId,
            kind: 'covert',
            date: dayFromToday(-1),
            unitCode: 'public-order',
            focusAreas: ['serviceAttitude'],
            summary: '暗访户籍窗口。',
            findings: [{ focusArea: 'serviceAttitude', text }],
          },
        },
        admin,
      )
    ).recordInspection;

  it('opens one item per finding: then the button opens that item', async () => {
    const { page, server } = ctx;
    const inspection = await recordInspection('窗口民警对群众咨询答复不耐烦。');
    await open(page, server.url, `/inspections/${inspection.id}/show`);
    await page.getByRole('button', { name: '立项整改' }).click();
    await page.getByText('已根据发现的问题立项整改').waitFor();
    await page.getByRole('button', { name: '查看整改项目' }).waitFor();
    expect(await page.getByRole('button', { name: '立项整改' }).count()).toBe(0);
    expect(await page.getByTestId('finding-item').innerText()).toMatch(
      /^#\d+ 窗口民警对群众咨询答复不耐烦。（治安支队）/,
    );
    await settle(page);
    await screenshot(page, 'office-inspection-item-opened');
    await switchLanguage(page, 'English');
    await page.getByRole('button', { name: 'Open its rectification item' }).waitFor();
    await screenshot(page, 'office-inspection-item-opened-en');
    await switchLanguage(page, '简体中文');
    await page.getByRole('button', { name: '查看整改项目' }).click();
    await page.getByTestId('event-buttons').waitFor();
  });

  it('refuses a second item from a finding opened meanwhile, naming the item', async () => {
    const { page, server } = ctx;
    const inspection = await recordInspection('户籍窗口午休时间无人值守。');
    await open(page, server.url, `/inspections/${inspection.id}/show`);
    await page.getByRole('button', { name: '立项整改' }).waitFor();
    // someone else opens it from another page while this one is open
    const other = await server.gqlOk<{ openRectificationItemFromFinding: { id: string } }>(
      `mutation($f: ID!) { openRectificationItemFromFinding(findingId: $f) { __typename ... on RectificationItem { id } ... on ErrorResult { errorCode message } } }`,
      { f: inspection.findings[0]!.id },
      admin,
    );
    const itemId = other.openRectificationItemFromFinding.id;
    await page.getByRole('button', { name: '立项整改' }).click();
    await page
      .getByText(`该检查发现已立项整改：#${itemId}「户籍窗口午休时间无人值守。」（治安支队）`, { exact: false })
      .waitFor();
    await page.getByRole('button', { name: '查看整改项目' }).waitFor();
    await screenshot(page, 'office-inspection-already-opened');
    const items = await server.gqlOk<{ rectificationItems: { items: { title: string }[] } }>(
      `query($c: ID!) { rectificationItems(campaignId: $c, options: { take: 100 }) { items { title } } }`,
      { c: liveId },
      admin,
    );
    expect(items.rectificationItems.items.filter((item) => item.title === '户籍窗口午休时间无人值守。')).toHaveLength(
      1,
    );
  });

  it("shows each item's number and unit in the item pickers", async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/rectificationItems/create');
    await page.getByLabel('所属项目').click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options.some((option) => /^#\d+ 窗口办事排队时间过长（交警支队）$/.test(option.trim()))).toBe(true);
    await screenshot(page, 'office-item-parent-picker');
    await page.keyboard.press('Escape');
  });

  it("remembers each user's own choice of campaign across sign-ins", async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/');
    await chooseCampaign(page, NEXT);
    await signOut(page);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
    await settle(page);
    expect(await campaignTitle(page)).toBe(NEXT);
    await signOut(page);
    await signIn(page, server.url, liaison.username, liaison.password);
    await settle(page);
    expect(await campaignTitle(page)).toBe(LIVE);
    await screenshot(page, 'liaison-dashboard-live-campaign');
    await signOut(page);
  });

  it('asked for no label missing from the translations', async () => {
    const missing = await ctx.page.evaluate(
      () => JSON.parse(window.sessionStorage.getItem('pingyi.missingTranslations') ?? '[]') as string[],
    );
    expect(missing).toEqual([]);
  });
});
