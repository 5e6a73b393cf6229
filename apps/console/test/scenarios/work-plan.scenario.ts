import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle } from '../console-helpers';
import { adminGql, putTodayIn, type SuiteContext } from '../suite-context';
import { latestCampaignId } from './organization.scenario';

/** Themes and work items with lead units; progress reported through the form appears on the timeline. */
export function workPlanScenario(ctx: SuiteContext): void {
  it('lists work items by theme with lead units and progress', async () => {
    const { page, server } = ctx;
    const campaignId = await latestCampaignId(ctx);
    await putTodayIn(ctx, campaignId, 'implementation');
    await adminGql(
      ctx,
      `mutation($id: ID!, $themes: [ThemeInput!]!) { setThemes(campaignId: $id, themes: $themes) { __typename } }`,
      {
        id: campaignId,
        themes: [
          { code: 'stability', number: 1, title: '围绕社会稳定大局，着力解决治安热点难点' },
          { code: 'law', number: 3, title: '围绕规范执法行为，着力提升执法质量' },
        ],
      },
    );
    const items = [
      {
        themeCode: 'stability',
        number: 4,
        text: '进一步落实省厅五条常态严管措施，建立健全以查处酒后驾驶、超速行驶、闯红灯等严重违法行为为重点的长效管理机制。',
        leadUnitCodes: ['traffic-police'],
      },
      {
        themeCode: 'stability',
        number: 5,
        text: '深化巡卡防控机制、行业场所管控机制建设，推进专业化巡逻防控工作。',
        leadUnitCodes: ['patrol', 'public-order'],
      },
      {
        themeCode: 'law',
        number: 2,
        text: '严格依法办案，紧紧围绕规范执法依据、执法程序、执法责任等关键环节。',
        leadUnitCodes: ['legal'],
      },
    ];
    for (const input of items) {
      await adminGql(
        ctx,
        `mutation($id: ID!, $input: WorkItemInput!) { createWorkItem(campaignId: $id, input: $input) { __typename ... on ErrorResult { message } } }`,
        { id: campaignId, input },
      );
    }
    await open(page, server.url, '/workItems');
    await settle(page);
    await page.getByText('巡特警支队').first().waitFor();
    await screenshot(page, 'work-items');
  });

  it('reports progress on a work item and shows it on the timeline', async () => {
    const { page } = ctx;
    await page.getByText('进一步落实省厅五条常态严管措施', { exact: false }).first().click();
    await page.locator('input[name="progress"]').fill('40');
    await page.locator('textarea[name="note"]').fill('已召开专题部署会，开展酒驾专项整治两轮。');
    await page.getByRole('button', { name: '填报进展' }).click();
    await page.getByTestId('update-timeline').getByText('40%', { exact: false }).waitFor();
    await settle(page);
    await screenshot(page, 'work-item-show');
    expect(await page.getByTestId('update-timeline').innerText()).toContain('酒驾专项整治');
  });
}
