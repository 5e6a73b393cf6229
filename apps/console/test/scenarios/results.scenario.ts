import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle } from '../console-helpers';
import { seedBallots } from '../fixtures/ballots';
import { adminGql, putTodayIn, type SuiteContext } from '../suite-context';
import { latestCampaignId } from './organization.scenario';

async function rankingUnits(ctx: SuiteContext): Promise<string[]> {
  const rows = await ctx.page.getByTestId('ranking').locator('tbody tr').allInnerTexts();
  return rows.map((row) => row.split('\t')[1]?.trim() ?? '');
}

/** Results, the breakdown with a withheld small cell, and the policy editor changing the standings. */
export function resultsScenario(ctx: SuiteContext): void {
  it("shows the ranking, the chart and a unit's breakdown and explanation", async () => {
    const { page, server } = ctx;
    const campaignId = await latestCampaignId(ctx);
    expect(await seedBallots(ctx, campaignId, { residents: 40, deputies: 3 })).toBe(43);
    await open(page, server.url, '/results');
    await page.getByTestId('ranking').waitFor();
    await settle(page);
    await screenshot(page, 'results-ranking');
    const before = await rankingUnits(ctx);
    // weighted mean: uniform 比较满意 (85) beats half 满意 / half 不满意 (70)
    expect(before.indexOf('巡特警支队')).toBeLessThan(before.indexOf('交警支队'));
    await page.getByRole('tab', { name: '图表' }).click();
    await page.getByTestId('score-chart').waitFor();
    await screenshot(page, 'results-chart');
    await page.getByRole('tab', { name: '排名' }).click();
    await page.getByTestId('ranking').getByText('交警支队').click();
    await page.getByTestId('breakdown').waitFor();
    expect(await page.getByTestId('breakdown').innerText()).toContain('不单独显示');
    await screenshot(page, 'results-unit-detail');
    await page.keyboard.press('Escape');
  });

  it('previews a new scoring policy, saves it and sees the standings change', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/policy');
    await page.getByTestId('policy-preview').waitFor();
    await settle(page);
    await screenshot(page, 'policy-editor');
    await page.getByLabel('评分规则').first().click();
    await page.getByRole('option', { name: '满意率' }).click();
    await page.getByRole('checkbox', { name: '满意', exact: true }).check();
    // the preview scores the current tally with the unsaved policy: 22 of 43 votes 满意 for the traffic police
    await page.getByTestId('preview-score-traffic-police').getByText('51.16').waitFor();
    await settle(page);
    await screenshot(page, 'policy-editor-preview');
    await page.getByRole('button', { name: '保存评分规则' }).click();
    // ballots are in: the change is confirmed with its effect and a reason
    const confirm = page.getByTestId('change-reason-dialog');
    await confirm.getByTestId('policy-preview').waitFor();
    await confirm.locator('textarea[name="reason"]').fill('领导小组决定按评议对象类别加权');
    await screenshot(page, 'policy-editor-confirm');
    await confirm.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('评分规则已保存').waitFor();
    await open(page, server.url, '/results');
    await page.getByTestId('ranking').waitFor();
    await settle(page);
    const after = await rankingUnits(ctx);
    expect(after.indexOf('交警支队')).toBeLessThan(after.indexOf('巡特警支队'));
    await screenshot(page, 'results-after-policy');
  });

  it('shows a refused argument next to its input', async () => {
    const { page, server } = ctx;
    await open(page, server.url, '/policy');
    await page.getByTestId('policy-preview').waitFor();
    await page.getByLabel('评分规则').first().click();
    await page.getByRole('option', { name: '去极值平均分' }).click();
    const trim = page.locator('input[name="strategy.args.trim"]');
    await trim.fill('0.7');
    await page.getByRole('button', { name: '保存评分规则' }).click();
    await page.locator('.Mui-error').first().waitFor();
    await screenshot(page, 'policy-editor-invalid');
    await open(page, server.url, '/results');
  });

  it('publishes the results from the rectification phase on', async () => {
    const { page, server } = ctx;
    await putTodayIn(ctx, await latestCampaignId(ctx), 'rectification');
    await open(page, server.url, '/results');
    await page.getByTestId('ranking').waitFor();
    await page.getByRole('button', { name: '发布结果' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText('评议结果已发布').waitFor();
    const { publishedResults } = await adminGql<{ publishedResults: { id: string }[] }>(
      ctx,
      'query($id: ID!) { publishedResults(campaignId: $id) { id } }',
      { id: await latestCampaignId(ctx) },
    );
    expect(publishedResults).toHaveLength(1);
    await page.getByRole('combobox', { name: '结果' }).click();
    await page.getByRole('option', { name: /发布/ }).waitFor();
    await screenshot(page, 'results-published');
    await page.keyboard.press('Escape');
  });
}
