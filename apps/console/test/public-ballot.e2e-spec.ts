import { addDays, localDateOf, SEED_RATING_SCALE } from '@pingyi/domain';
import { BallotMixer } from '@pingyi/server-core';
import { createTestServer, type TestServer } from '@pingyi/testing';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';

// The public ballot page (/vote) in a real browser, against a real server on
// SQLite: codes issued over GraphQL, a ballot cast with the mouse and the
// keyboard, the receipt, every kind of refusal in Chinese and in English, on
// a desktop and on a phone.

const UNITS = [
  { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
  { code: 'traffic-police', name: '交警支队', parentCode: 'bureau', appraised: true },
  { code: 'public-order', name: '治安支队', parentCode: 'bureau', appraised: true },
  { code: 'legal-affairs', name: '法制处', parentCode: 'bureau', appraised: true },
];

async function gql<T = Record<string, never>>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const { data, errors } = await server.gql(query, variables, token);
  if (errors?.length) throw new Error(JSON.stringify(errors));
  for (const value of Object.values(data ?? {}))
    if ((value as { errorCode?: string } | null)?.errorCode) throw new Error(JSON.stringify(value));
  return data as T;
}

function phasesWithTodayIn(current: number): { code: string; label: string; start: string; end: string }[] {
  const today = localDateOf(new Date(), 'Asia/Shanghai');
  const start = addDays(today, -(20 * current + 10));
  return ['mobilization', 'implementation', 'appraisal', 'rectification'].map((code, i) => ({
    code,
    label: ['动员部署', '组织实施', '接受评议', '整改提高'][i] as string,
    start: addDays(start, 20 * i),
    end: addDays(start, 20 * i + 19),
  }));
}

describeInBrowser('public ballot page in a real browser', () => {
  let server: TestServer;
  let token: string;
  let campaignId: string;
  let codes: string[];
  let revoked: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;
  const watched: string[][] = [];

  const newPage = async (viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    watched.push(watchErrors(page));
    return page;
  };
  const openSheet = async (page: Page, code: string): Promise<void> => {
    await page.goto(`${server.url}/vote`);
    await page.getByTestId('code-input').fill(code);
    await page.getByRole('button', { name: '打开评议表' }).click();
  };
  // counted ballots, once the ballot box has been mixed into the counted tables
  const ballots = async (): Promise<number> => {
    await server.app.get(BallotMixer).mixAll();
    return Number(((await server.dataSource.query('SELECT COUNT(*) AS n FROM ballot')) as { n: number }[])[0]?.n);
  };

  beforeAll(async () => {
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: CONSOLE_DIST, PINGYI_TRUST_PROXY: 'loopback' } });
    token = await server.adminToken();
    const phases = phasesWithTodayIn(2);
    const created = await gql<{ createCampaign: { id: string } }>(
      server,
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ... on Campaign { id } ... on ErrorResult { errorCode message } } }`,
      {
        input: {
          year: Number(phases[0]?.start.slice(0, 4)),
          name: '2026年度民主评议机关',
          phases,
          guidingPrinciple: '坚持以人民为中心',
          objectives: [{ number: 1, title: '政令警令更加畅通', text: '决策部署得到坚决执行。' }],
          requirements: [{ number: 1, title: '提高认识', text: '一把手负责。' }],
          evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 100 }],
          policyJson: JSON.stringify({
            version: 1,
            scale: SEED_RATING_SCALE,
            strategy: { code: 'weighted-mean', args: {} },
            tiers: [{ code: 'all', label: '全部', min: null }],
          }),
        },
      },
      token,
    );
    campaignId = created.createCampaign.id;
    await gql(
      server,
      `mutation($c: ID!, $u: [UnitInput!]!) { setUnits(campaignId: $c, units: $u) { ... on ErrorResult { errorCode message } } }`,
      { c: campaignId, u: UNITS },
      token,
    );
    const issue = (n: number) =>
      gql<{ issueAccessCodes: { codes: string[]; batch: { id: string } } }>(
        server,
        `mutation($c: ID!, $n: Int!) { issueAccessCodes(campaignId: $c, group: "residents", count: $n) { ... on IssuedAccessCodes { codes batch { id } } ... on ErrorResult { errorCode message } } }`,
        { c: campaignId, n },
        token,
      );
    codes = (await issue(10)).issueAccessCodes.codes;
    const toRevoke = await issue(1);
    revoked = toRevoke.issueAccessCodes.codes[0] as string;
    await gql(
      server,
      `mutation($id: ID!) { revokeAccessCodeBatch(id: $id) { ... on ErrorResult { errorCode message } } }`,
      { id: toRevoke.issueAccessCodes.batch.id },
      token,
    );
    browser = await launchBrowser();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('casts a ballot laid out like the paper sheet, with the mouse and the keyboard, and shows a receipt', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/vote`);
    await page.getByRole('heading', { name: '欢迎参加民主评议' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'public-ballot-desktop-code');
    // typed loosely, as people do
    await page.getByLabel('评议码').fill(` ${(codes[0] as string).toLowerCase().replace(/-/g, ' ')} `);
    await page.getByRole('button', { name: '打开评议表' }).click();
    await page.getByText('评议对象类别：城乡居民').waitFor();
    // one fieldset per unit, named by its legend; one radio per level, named by the level
    for (const unit of ['交警支队', '治安支队', '法制处']) {
      const group = page.getByRole('group', { name: unit });
      expect(await group.getByRole('radio').count(), unit).toBe(6);
      await group.getByRole('radio', { name: '不了解' }).waitFor();
    }
    expect(await page.getByRole('group', { name: '后勤处' }).count()).toBe(0);
    await page.getByRole('group', { name: '交警支队' }).getByRole('radio', { name: '满意', exact: true }).click();
    // the keyboard: space picks, the arrows move along the row
    await page.getByRole('group', { name: '治安支队' }).getByRole('radio', { name: '满意', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(
      await page.getByRole('group', { name: '治安支队' }).getByRole('radio', { name: '比较满意' }).isChecked(),
    ).toBe(true);
    // a choice can be taken back (an abstention)
    await page.getByRole('group', { name: '法制处' }).getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByRole('button', { name: '清除对法制处的评价' }).click();
    expect(await page.getByRole('group', { name: '法制处' }).getByRole('radio', { checked: true }).count()).toBe(0);
    await page.getByLabel('对法制处的意见或建议（选填）').fill('复议案件办理提速明显，希望继续保持。');
    await page.getByText('18 / 2000 字').waitFor();
    await page.getByRole('status').getByText('您已评价 2 个单位（共 3 个）').waitFor();
    await screenshot(page, 'public-ballot-desktop-form');
    await page.getByRole('button', { name: '提交评议表' }).click();
    const receipt = page.getByTestId('ballot-receipt');
    await receipt.getByRole('heading', { name: '谢谢！您的评议表已提交。' }).waitFor();
    expect(await receipt.innerText()).toMatch(/回执号 [2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}/);
    expect(await receipt.innerText()).toContain('评价 2 个单位，弃权 1 个，意见 1 条。');
    await screenshot(page, 'public-ballot-desktop-receipt');
    expect(await ballots()).toBe(1);
    const stored = (await server.dataSource.query('SELECT unit_code, level_code FROM rating ORDER BY unit_code')) as {
      unit_code: string;
      level_code: string;
    }[];
    expect(stored).toEqual([
      { unit_code: 'public-order', level_code: 'fairlySatisfied' },
      { unit_code: 'traffic-police', level_code: 'satisfied' },
    ]);
    await page.close();
  });

  it('refuses the same code a second time, saying so', async () => {
    const page = await newPage();
    await openSheet(page, codes[0] as string);
    const alert = page.getByRole('alert');
    await alert.getByText('该评议码已经提交过评议表，每个评议码只能使用一次。').waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('CODE_ALREADY_USED');
    // the message takes the focus, so a screen reader reads it at once
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await screenshot(page, 'public-ballot-code-used');
    await page.close();
  });

  it.each([
    ['a code of the wrong length', () => 'ABCD-EFGH', '评议码是 14 位字母和数字'],
    [
      'a mistyped character',
      () => `${(codes[1] as string).slice(0, -1)}${(codes[1] as string).endsWith('A') ? 'B' : 'A'}`,
      '评议码有一个字符输错了',
    ],
    ['a character never printed', () => 'O0O0-1111-IIII-00', '不会出现 0、O、1、I'],
    ['a revoked code', () => revoked, '没有这个评议码，或者它已被收回'],
  ])('explains %s in Chinese', async (_name, code, text) => {
    const page = await newPage();
    await openSheet(page, code());
    await page.getByRole('alert').getByText(text).waitFor();
    await page.close();
  });

  it('asks for at least one rating or opinion before casting', async () => {
    const page = await newPage();
    await openSheet(page, codes[2] as string);
    await page.getByRole('button', { name: '提交评议表' }).click();
    await page.getByRole('alert').getByText('请至少评价一个单位或填写一条意见后再提交。').waitFor();
    await screenshot(page, 'public-ballot-empty');
    // the code is still good
    await page.getByRole('group', { name: '交警支队' }).getByRole('radio', { name: '基本满意' }).click();
    await page.getByRole('button', { name: '提交评议表' }).click();
    await page.getByTestId('ballot-receipt').waitFor();
    await page.close();
  });

  it('fits a phone: each unit stacked with its levels labelled, the code taken from the address', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/vote?code=${encodeURIComponent(codes[3] as string)}`);
    expect(await page.getByTestId('code-input').inputValue()).toBe(codes[3]);
    await page.getByRole('button', { name: '打开评议表' }).click();
    const group = page.getByRole('group', { name: '交警支队' });
    await group.waitFor();
    // the level's own label is shown beside its button, and nothing overflows the screen
    expect(await group.getByText('比较满意').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await group.getByText('比较满意').click();
    await page.getByRole('group', { name: '法制处' }).getByText('不了解').click();
    await screenshot(page, 'public-ballot-phone-form');
    await page.getByRole('button', { name: '提交评议表' }).click();
    await page.getByTestId('ballot-receipt').getByText('评价 2 个单位，弃权 1 个，意见 0 条。').waitFor();
    await screenshot(page, 'public-ballot-phone-receipt');
    await page.close();
  });

  it('speaks English when the console does, and explains refusals in English', async () => {
    const page = await newPage();
    await page.addInitScript(() => window.localStorage.setItem('RaStore.locale', '"en"'));
    await page.goto(`${server.url}/#/vote`);
    await page.getByRole('heading', { name: 'Welcome to the democratic appraisal' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Access code').fill(codes[0] as string);
    await page.getByRole('button', { name: 'Open the ballot' }).click();
    await page.getByRole('alert').getByText('This access code has already cast its ballot').waitFor();
    await screenshot(page, 'public-ballot-english-used');
    // and back to Chinese with the switch
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('alert').getByText('该评议码已经提交过评议表').waitFor();
    await page.close();
  });

  it('opens at #/ballot too (the address the console prints on slips), with the same controls', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/#/ballot`);
    await page.getByTestId('code-input').fill(codes[5] as string);
    await page.getByRole('button', { name: '打开评议表' }).click();
    await page.getByTestId('unit-legal-affairs').getByLabel('满意', { exact: true }).check();
    await page.getByTestId('unit-legal-affairs').getByPlaceholder('意见或建议（选填）').fill('窗口服务热情。');
    await page.getByRole('button', { name: '提交评议表' }).click();
    expect(await page.getByTestId('ballot-receipt').innerText()).toContain('评价 1 个单位，弃权 2 个，意见 1 条。');
    await page.close();
  });

  it('says when ballots are not accepted (outside the appraisal window)', async () => {
    await gql(
      server,
      `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { ... on ErrorResult { errorCode message } } }`,
      { id: campaignId, input: { phases: phasesWithTodayIn(3) } },
      token,
    );
    const page = await newPage();
    await openSheet(page, codes[4] as string);
    await page.getByRole('alert').getByText('现在不在接受评议的时间内').waitFor();
    await screenshot(page, 'public-ballot-closed');
    await page.close();
  });

  it('had no uncaught errors in the page', () => {
    expect(
      watched.flat().filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e)),
    ).toEqual([]);
  });
});
