import { addDays } from '@pingyi/domain';
import {
  createTestServer,
  moveCampaignTo,
  phasesFrom,
  TEST_ADMIN_PASSWORD,
  type TestServer,
  today,
} from '@pingyi/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CONSOLE_DIST, describeInBrowser, launchBrowser, screenshot, watchErrors } from './browser';
import { expectNoMissingLabelsOrErrors, open, settle, signIn } from './console-helpers';
import { castOpinions, createCampaign } from './fixtures/office-campaign';
import { createCampaign as createCampaignWithPhases } from './fixtures/office-worker';

// What the office may do when (issue 16): a liaison's unit picked by name,
// and every phase-gated action greyed out outside its window, with the
// window named. One server on SQLite, one Chromium, both languages.

const OPINIONS = ['户籍窗口午休时间不办理业务', '办证大厅指示牌不清楚'];

/** The dates of the fixture's phases with today in appraisal (each 20 days, today 10 days into appraisal). */
const windows = () => {
  const start = addDays(today(), -50);
  const short = (date: string) => (date.slice(0, 4) === today().slice(0, 4) ? date.slice(5) : date);
  const phase = (i: number) => ({ start: short(addDays(start, 20 * i)), end: short(addDays(start, 20 * i + 19)) });
  return { implementation: phase(1), appraisal: phase(2), rectification: phase(3) };
};

/** The tooltip of a disabled, phase-gated button. */
async function tooltipOf(page: Page, button: Locator): Promise<string> {
  // the gate lets the button be pressed while the campaign is still loading (the server checks the window anyway)
  await expect.poll(() => button.isDisabled(), { timeout: 15_000 }).toBe(true);
  await button.locator('xpath=..').hover();
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  const text = await tooltip.innerText();
  await page.mouse.move(0, 0);
  await tooltip.waitFor({ state: 'detached' });
  return text;
}

describeInBrowser('the office is offered only what the phase allows', () => {
  let server: TestServer;
  let token: string;
  let campaignId: string;
  let workItemId: string;
  let page: Page;
  let errors: string[];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let consoleCopy = '';

  const language = async (to: 'English' | '简体中文'): Promise<void> => {
    // react-admin hides its app bar while scrolled down
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('button[aria-controls="simple-menu"]').first().click();
    await page.getByRole('menuitem', { name: to }).click();
    await page
      .locator('.RaMenu-open, .RaMenu-closed')
      .getByText(to === 'English' ? 'Dashboard' : '工作台')
      .first()
      .waitFor();
  };

  beforeAll(async () => {
    consoleCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-console-'));
    fs.cpSync(CONSOLE_DIST, consoleCopy, { recursive: true });
    server = await createTestServer({ env: { PINGYI_CONSOLE_DIR: consoleCopy, PINGYI_TRUST_PROXY: 'loopback' } });
    token = await server.adminToken();
    campaignId = await createCampaign(server, token, 'appraisal');
    await castOpinions(server, token, campaignId, 'traffic-police', OPINIONS);
    await server.gqlOk(
      `mutation($id: ID!, $themes: [ThemeInput!]!) { setThemes(campaignId: $id, themes: $themes) { __typename } }`,
      { id: campaignId, themes: [{ code: 'service', number: 1, title: '提升窗口服务' }] },
      token,
    );
    const created = await server.gqlOk<{ createWorkItem: { id: string } }>(
      `mutation($id: ID!, $input: WorkItemInput!) { createWorkItem(campaignId: $id, input: $input) { __typename ... on WorkItem { id } ... on ErrorResult { errorCode message } } }`,
      {
        id: campaignId,
        input: { themeCode: 'service', number: 1, text: '推行户籍业务预约办理。', leadUnitCodes: ['public-order'] },
      },
      token,
    );
    workItemId = created.createWorkItem.id;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await signIn(page, server.url, 'admin', TEST_ADMIN_PASSWORD);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && page)
      await screenshot(page, `FAILED-windows-${task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-')}`).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (consoleCopy) fs.rmSync(consoleCopy, { recursive: true, force: true });
  });

  it('opens a unit plan from the list of unit plans', async () => {
    await moveCampaignTo(server, token, campaignId, 'mobilization');
    await server.gqlOk(
      `mutation($c: ID!, $input: FileUnitPlanInput!) { fileUnitPlan(campaignId: $c, input: $input) { __typename ... on ErrorResult { errorCode message } } }`,
      {
        c: campaignId,
        input: {
          unitCode: 'traffic-police',
          title: '交警支队民主评议机关工作方案',
          body: '一、指导思想\n二、工作步骤：窗口单位逐一自查。',
        },
      },
      token,
    );
    await moveCampaignTo(server, token, campaignId, 'appraisal');
    await open(page, server.url, '/organization');
    await page.getByRole('tab', { name: '单位工作方案' }).click();
    await page.getByRole('button', { name: '交警支队民主评议机关工作方案' }).click();
    await page.getByText('二、工作步骤：窗口单位逐一自查。').waitFor();
    await settle(page);
    await screenshot(page, 'windows-unit-plan-open');
  });

  it("picks a liaison's unit among the bureau's units by name, and lists users with unit names", async () => {
    await open(page, server.url, '/users/create');
    await page.locator('input[name="username"]').fill('liaison-order');
    await page.locator('input[name="password"]').fill('liaison-password-1');
    await page.locator('input[name="displayName"]').fill('治安支队联络员');
    await page.getByRole('checkbox', { name: '单位联络员' }).check();
    // a picker, not a text box for a code
    expect(await page.locator('input[name="unitCode"][type="text"]').count()).toBe(0);
    await page.getByRole('combobox', { name: '所属单位' }).click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['交警支队', '治安支队', '法制处']));
    expect(options.join()).not.toMatch(/public-order|traffic-police/);
    await screenshot(page, 'windows-user-unit-picker');
    await page.getByRole('option', { name: '治安支队' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    const row = page.getByRole('row').filter({ hasText: 'liaison-order' });
    await row.waitFor();
    expect(await row.innerText()).toContain('治安支队');
    await settle(page);
    expect(await page.locator('#main-content table').innerText()).not.toContain('public-order');
    await screenshot(page, 'windows-users');
    await language('English');
    await row.getByRole('cell', { name: '治安支队', exact: true }).waitFor();
    await screenshot(page, 'windows-users-en');
    await open(page, server.url, '/users/create');
    await page.getByRole('checkbox', { name: 'Unit liaison' }).check();
    await page.getByRole('combobox', { name: 'Unit' }).waitFor();
    await screenshot(page, 'windows-user-form-en');
    await language('简体中文');
  });

  it('during appraisal greys out merging opinions into an item, naming when it opens, and says what is open today', async () => {
    const w = windows();
    await open(page, server.url, '/opinions');
    const note = page.getByTestId('open-today');
    await note.waitFor();
    expect(await note.innerText()).toBe(
      `今天（${today().slice(5)}，接受评议）可审阅意见表；立项整改于 整改提高 ${w.rectification.start} 至 ${w.rectification.end} 开放`,
    );
    await page.getByRole('cell', { name: OPINIONS[0] }).click();
    const merge = page.getByRole('button', { name: '合并立项整改' });
    expect(await tooltipOf(page, merge)).toBe(`整改提高 ${w.rectification.start} 至 ${w.rectification.end} 可立项整改`);
    // reviewing is open
    expect(await page.getByRole('button', { name: '标为已核实' }).isDisabled()).toBe(false);
    await merge.locator('xpath=..').hover();
    await page.getByRole('tooltip').waitFor();
    await screenshot(page, 'windows-opinions-appraisal');
    await page.mouse.move(0, 0);
    await language('English');
    expect(await tooltipOf(page, page.getByRole('button', { name: 'Merge into a rectification item' }))).toBe(
      `Open for opening rectification items in Rectification (${w.rectification.start} to ${w.rectification.end})`,
    );
    expect(await note.innerText()).toContain('open for reviewing opinions');
    await screenshot(page, 'windows-opinions-appraisal-en');
    await language('简体中文');
  });

  it('during appraisal greys out reporting key-work progress, and keeps issuing codes open', async () => {
    const w = windows();
    await open(page, server.url, `/workItems/${workItemId}/show`);
    const report = page.getByRole('button', { name: '填报进展' });
    await report.waitFor();
    expect(await tooltipOf(page, report)).toBe(
      `组织实施 ${w.implementation.start} 至 ${w.implementation.end} 可报告重点工作进展`,
    );
    expect(await page.getByTestId('open-today').innerText()).toContain(
      `报告重点工作进展于 组织实施 ${w.implementation.start} 至 ${w.implementation.end} 开放`,
    );
    await screenshot(page, 'windows-work-item-appraisal');
    await open(page, server.url, '/ballots');
    await page.getByTestId('open-today').getByText('可发放评议码').waitFor();
    expect(await page.getByRole('button', { name: '发放评议码' }).isDisabled()).toBe(false);
  });

  it("shows the scale's English labels on the English ballot page when the campaign has them", async () => {
    const { campaign } = await server.gqlOk<{ campaign: { policyJson: string } }>(
      'query($id: ID!) { campaign(id: $id) { policyJson } }',
      { id: campaignId },
      token,
    );
    const policy = JSON.parse(campaign.policyJson) as { scale: { code: string; label: string; labelEn?: string }[] };
    const english: Record<string, string> = {
      satisfied: 'Satisfied',
      fairlySatisfied: 'Fairly satisfied',
      unknown: 'No opinion',
    };
    policy.scale = policy.scale.map((level) =>
      english[level.code] ? { ...level, labelEn: english[level.code] } : level,
    );
    await server.gqlOk(
      `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode message } } }`,
      { id: campaignId, input: { policyJson: JSON.stringify(policy), reason: '评议表增加英文档次名称' } },
      token,
    );
    const issued = await server.gqlOk<{ issueAccessCodes: { codes: string[] } }>(
      `mutation($c: ID!) { issueAccessCodes(campaignId: $c, group: "residents", count: 1) { __typename ... on IssuedAccessCodes { codes } ... on ErrorResult { errorCode message } } }`,
      { c: campaignId },
      token,
    );
    const ballot = await browser!.context.newPage();
    await ballot.addInitScript(() => window.localStorage.setItem('RaStore.locale', '"en"'));
    await ballot.goto(`${server.url}/vote?code=${encodeURIComponent(issued.issueAccessCodes.codes[0] as string)}`);
    await ballot.getByRole('button', { name: 'Open the ballot' }).click();
    const group = ballot.getByRole('group', { name: '交警支队' });
    await group.waitFor();
    const text = await group.innerText();
    expect(text).toContain('Fairly satisfied');
    expect(text).toContain('No opinion');
    // a level without an English label keeps its label
    expect(text).toContain('基本满意');
    expect(text).not.toContain('比较满意');
    await screenshot(ballot, 'windows-ballot-english-scale');
    // in Chinese, the Chinese labels
    await ballot.getByRole('button', { name: '简体中文' }).click();
    await group.getByText('比较满意').waitFor();
    // the console shares the browser's storage: back to Chinese for the next steps
    await ballot.evaluate(() => window.localStorage.setItem('RaStore.locale', '"zh"'));
    await ballot.close();
  });

  it('confirms before importing a single-keyed batch, and its report counts every row', async () => {
    const header = '评议对象类别,序号,交警支队,治安支队,法制处';
    const rows = [
      '城乡居民,0201,满意,满意,满意',
      '城乡居民,0202,很好,满意,满意',
      '城乡居民,0203,满意,比较满意,满意',
      '外星人,0204,满意,满意,满意',
      '城乡居民,0205,满意,满意,基本满意',
    ];
    await open(page, server.url, '/ballots');
    await page.getByRole('tab', { name: '纸质评议表' }).click();
    await page.locator('input[name="code"]').fill('S-001');
    await page.getByRole('button', { name: '新建批次' }).click();
    await page.getByRole('cell', { name: /S-001/ }).click();
    const file = (body: string) => ({
      name: 'S-001.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${body}`, 'utf8'),
    });
    await page.getByTestId('keying-input-1').setInputFiles(file([header, ...rows].join('\r\n')));
    const confirm = page.getByRole('dialog');
    await confirm.getByText('将 S-001.csv 导入批次 S-001？').waitFor();
    await screenshot(page, 'windows-paper-confirm');
    await confirm.getByRole('button', { name: '上传并导入' }).click();
    await page.getByTestId('problem-report').waitFor({ timeout: 30_000 });
    // five ballot rows, two with problems: the report says 5, not the 3 that passed
    await page.getByTestId('keying-1').getByText('5 行').waitFor();
    await settle(page);
    await screenshot(page, 'windows-paper-report');
    // cancelling sends nothing
    await page.getByTestId('keying-input-1').setInputFiles(file([header, rows[0]].join('\r\n')));
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.getByTestId('problem-report').count()).toBe(1);
    // a corrected file is imported; the office can then withdraw the batch, with a reason
    await page.getByTestId('keying-input-1').setInputFiles(file([header, rows[0], rows[2], rows[4]].join('\r\n')));
    await confirm.getByRole('button', { name: '上传并导入' }).click();
    await page.getByTestId('batch-state').getByText('已导入').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '撤回批次' }).click();
    const reasonDialog = page.getByTestId('change-reason-dialog');
    await reasonDialog.getByText('撤回此批次？').waitFor();
    await reasonDialog.locator('textarea[name="reason"]').fill('误将其他会场的评议表录入本批次');
    await screenshot(page, 'windows-paper-withdraw');
    await reasonDialog.getByRole('button', { name: '确认修改' }).click();
    await page.getByTestId('batch-state').getByText('已撤回').waitFor();
    await page.getByTestId('withdrawn-reason').getByText('已撤回：误将其他会场的评议表录入本批次').waitFor();
    const { paperBatches } = await server.gqlOk<{ paperBatches: { items: { code: string; state: string }[] } }>(
      'query($c: ID!) { paperBatches(campaignId: $c) { items { code state } } }',
      { c: campaignId },
      token,
    );
    expect(paperBatches.items.find((batch) => batch.code === 'S-001')?.state).toBe('withdrawn');
    await settle(page);
    await screenshot(page, 'windows-paper-withdrawn');
    await language('English');
    await page.getByRole('tab', { name: 'Paper ballots' }).click();
    await page.getByRole('cell', { name: /S-001/ }).click();
    await page.getByTestId('withdrawn-reason').getByText('Withdrawn: 误将其他会场的评议表录入本批次').waitFor();
    await screenshot(page, 'windows-paper-withdrawn-en');
    await language('简体中文');
  });

  it('after appraisal opened, a new scoring rule is confirmed with its effect and a reason, and the audit log shows the change readably', async () => {
    await open(page, server.url, '/policy');
    const decimals = page.locator('input[name="decimals"]');
    await decimals.waitFor();
    await decimals.fill('1');
    await page.getByRole('button', { name: '保存评分规则' }).click();
    const dialog = page.getByTestId('change-reason-dialog');
    await dialog.waitFor();
    // the effect: the editor's before/after preview, inside the confirmation
    await dialog.getByTestId('policy-preview').waitFor();
    const confirm = dialog.getByRole('button', { name: '确认修改' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('textarea[name="reason"]').fill('领导小组决定得分保留一位小数');
    await settle(page);
    await screenshot(page, 'windows-policy-confirm');
    await confirm.click();
    await page.getByText('评分规则已保存').waitFor();
    await open(page, server.url, '/auditLog');
    await page
      .getByRole('cell', { name: /编辑评议工作/ })
      .first()
      .click();
    const changes = page.getByTestId('audit-changes');
    await changes.waitFor();
    const text = await changes.innerText();
    expect(text).toContain('修改原因：领导小组决定得分保留一位小数');
    expect(text).toContain('小数位数由 2 改为 1');
    expect(text).not.toContain('{');
    await page.locator('.MuiCollapse-entered').first().waitFor();
    await screenshot(page, 'windows-audit-change');
    await language('English');
    await changes.getByText('Reason: 领导小组决定得分保留一位小数').waitFor();
    await page.locator('.MuiCollapse-entered').first().waitFor();
    await screenshot(page, 'windows-audit-change-en');
    await open(page, server.url, '/policy');
    await expect.poll(() => page.locator('input[name="decimals"]').inputValue()).toBe('1');
    await page.locator('input[name="decimals"]').fill('2');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await dialog.getByText('Change the scoring rule after appraisal has opened?').waitFor();
    await screenshot(page, 'windows-policy-confirm-en');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await language('简体中文');
  });

  it('during rectification greys out issuing codes and importing paper ballots, and opens merging', async () => {
    const w = windows();
    await moveCampaignTo(server, token, campaignId, 'rectification');
    // the fixture's phases move by 20 days: today is 10 days into rectification
    const shift = (date: string) => {
      const full = date.length === 5 ? `${today().slice(0, 4)}-${date}` : date;
      const moved = addDays(full, -20);
      return moved.slice(0, 4) === today().slice(0, 4) ? moved.slice(5) : moved;
    };
    await open(page, server.url, '/ballots');
    const issue = page.getByRole('button', { name: '发放评议码' });
    await issue.waitFor();
    expect(await tooltipOf(page, issue)).toBe(
      `组织实施和接受评议 ${shift(w.implementation.start)} 至 ${shift(w.appraisal.end)} 可发放评议码`,
    );
    await screenshot(page, 'windows-codes-rectification');
    await page.getByRole('tab', { name: '纸质评议表' }).click();
    expect(await tooltipOf(page, page.getByRole('button', { name: '新建批次' }))).toBe(
      `接受评议 ${shift(w.appraisal.start)} 至 ${shift(w.appraisal.end)} 可导入纸质评议表`,
    );
    await language('English');
    await page.getByRole('tab', { name: 'Paper ballots' }).click();
    expect(await tooltipOf(page, page.getByRole('button', { name: 'Create batch' }))).toBe(
      `Open for importing paper ballots in Appraisal (${shift(w.appraisal.start)} to ${shift(w.appraisal.end)})`,
    );
    await screenshot(page, 'windows-paper-rectification-en');
    await language('简体中文');
    await open(page, server.url, '/opinions');
    // the list keeps its selection between visits: select the row, whatever it was
    await page.getByRole('row').filter({ hasText: OPINIONS[0] }).getByRole('checkbox').check();
    expect(await page.getByRole('button', { name: '合并立项整改' }).isDisabled()).toBe(false);
    expect(await page.getByTestId('open-today').innerText()).toBe(
      `今天（${today().slice(5)}，整改提高）可审阅意见表和立项整改`,
    );
    // the merge dialog asks by when it must be fixed
    await page.getByRole('button', { name: '合并立项整改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="title"]').fill('户籍窗口午休不办业务');
    await dialog.getByRole('button', { name: '立项整改' }).click();
    await dialog.locator('.MuiFormHelperText-root.Mui-error').first().waitFor();
    const deadline = addDays(today(), 30);
    await dialog.locator('input[name="deadline"]').fill(deadline);
    await screenshot(page, 'windows-merge-deadline');
    await dialog.getByRole('button', { name: '立项整改' }).click();
    await page.getByTestId('item-sources').waitFor();
    await page.getByText(deadline).first().waitFor();
  });

  it('in rectification, moving the voting window asks for a reason, shows the window before and after, and logs it', async () => {
    await open(page, server.url, `/campaigns/${campaignId}`);
    await page.getByRole('tab', { name: '阶段安排' }).click();
    const end = page.locator('input[name="phases.2.end"]');
    await expect.poll(() => end.inputValue()).not.toBe('');
    const before = await end.inputValue();
    // the vote ends two days earlier, rectification starts the day after
    const later = addDays(before, -2);
    await end.fill(later);
    await page.locator('input[name="phases.3.start"]').fill(addDays(later, 1));
    await page.getByRole('button', { name: '保存' }).click();
    const dialog = page.getByTestId('change-reason-dialog');
    await dialog.getByText('评议已结束，确定调整评议时间？').waitFor();
    expect(await dialog.getByTestId('phase-timeline').count()).toBe(2);
    await dialog.locator('textarea[name="reason"]').fill('补录两个乡镇的纸质评议表');
    await screenshot(page, 'windows-window-confirm');
    await dialog.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL(/\/show$/);
    await open(page, server.url, '/auditLog');
    await settle(page);
    await page
      .getByRole('cell', { name: /编辑评议工作/ })
      .first()
      .click();
    const changes = page.getByTestId('audit-changes');
    await changes.getByText(`接受评议结束日期由 ${before} 改为 ${later}`).waitFor();
    await changes.getByText('修改原因：补录两个乡镇的纸质评议表').waitFor();
    // cancelling changes nothing
    await open(page, server.url, `/campaigns/${campaignId}`);
    await page.getByRole('tab', { name: '阶段安排' }).click();
    await expect.poll(() => end.inputValue()).toBe(later);
    await end.fill(addDays(later, -1));
    await page.locator('input[name="phases.3.start"]').fill(later);
    await page.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByText('未作修改').waitFor();
    const { campaign } = await server.gqlOk<{ campaign: { phases: { code: string; end: string }[] } }>(
      'query($id: ID!) { campaign(id: $id) { phases { code end } } }',
      { id: campaignId },
      token,
    );
    expect(campaign.phases.find((phase) => phase.code === 'appraisal')?.end).toBe(later);
  });

  it('says 已结束 for a past campaign in the campaign list', async () => {
    // last year's campaign: its four phases more than a year back
    await createCampaignWithPhases(server, token, '上一年度民主评议机关', phasesFrom(-420));
    await open(page, server.url, '/campaigns');
    const row = page.getByRole('row').filter({ hasText: '上一年度民主评议机关' });
    await row.getByText('已结束').waitFor();
    expect(
      await page.getByRole('row').filter({ hasText: '民主评议机关（办公室测试）' }).getByText('整改提高').count(),
    ).toBe(1);
    await settle(page);
    await screenshot(page, 'windows-campaigns');
    await language('English');
    await row.getByText('Ended').waitFor();
    await screenshot(page, 'windows-campaigns-en');
    await language('简体中文');
  });

  it('had no uncaught errors and no missing labels', () => expectNoMissingLabelsOrErrors(page, errors));
});
