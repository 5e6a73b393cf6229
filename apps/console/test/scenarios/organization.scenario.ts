import { expect, it } from 'vitest';
import { screenshot } from '../browser';
import { open, settle } from '../console-helpers';
import { adminGql, type SuiteContext } from '../suite-context';

/** The seed plan's units (DOMAIN.md), under the bureau's command office. */
export const SEED_UNITS = [
  { code: 'command', name: '指挥中心', parentCode: null, appraised: false },
  { code: 'traffic-police', name: '交警支队', parentCode: null, appraised: true },
  { code: 'patrol', name: '巡特警支队', parentCode: null, appraised: true },
  { code: 'public-order', name: '治安支队', parentCode: null, appraised: true },
  { code: 'legal', name: '法制处', parentCode: null, appraised: true },
  { code: 'discipline', name: '纪委', parentCode: null, appraised: true },
  { code: 'political', name: '政治部', parentCode: null, appraised: true },
  { code: 'logistics', name: '后勤处', parentCode: null, appraised: true },
  { code: 'traffic-east', name: '交警东城大队', parentCode: 'traffic-police', appraised: false },
];

/** The id of the latest campaign. */
export async function latestCampaignId(ctx: SuiteContext): Promise<string> {
  const data = await adminGql<{ campaigns: { items: { id: string }[] } }>(
    ctx,
    'query { campaigns(options: { take: 1 }) { items { id } } }',
  );
  const id = data.campaigns.items[0]?.id;
  if (!id) throw new Error('no campaign yet');
  return id;
}

/** Units as a tree, the leading group, and unit plans (closed outside mobilization, with the reason shown). */
export function organizationScenario(ctx: SuiteContext): void {
  it('shows the unit tree and lets the office add a unit', async () => {
    const { page, server } = ctx;
    const campaignId = await latestCampaignId(ctx);
    await adminGql(
      ctx,
      `mutation($id: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $id, units: $units) { __typename } }`,
      { id: campaignId, units: SEED_UNITS },
    );
    await adminGql(
      ctx,
      `mutation($id: ID!, $input: LeadingGroupInput!) { setLeadingGroup(campaignId: $id, input: $input) { __typename } }`,
      {
        id: campaignId,
        input: {
          seats: [
            { role: 'leader', name: '张明', position: '市委常委、局长' },
            { role: 'deputyLeader', name: '李华', position: '副局长' },
            { role: 'member', name: null, position: '其他党委委员' },
          ],
        },
      },
    );
    await open(page, server.url, '/organization');
    await page.getByTestId('unit-tree').waitFor();
    await settle(page);
    await screenshot(page, 'organization-units');
    expect(await page.getByTestId('unit-tree').innerText()).toContain('交警东城大队');
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('button', { name: '添加' }).first().click();
    const last = SEED_UNITS.length;
    await page.locator(`input[name="units.${last}.code"]`).fill('supervision');
    await page.locator(`input[name="units.${last}.name"]`).fill('监管支队');
    await screenshot(page, 'organization-units-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('unit-tree').getByText('监管支队').waitFor();
  });

  it('shows the leading group and a closed phase when filing a unit plan', async () => {
    const { page } = ctx;
    await page.getByRole('tab', { name: '领导小组和办公室' }).click();
    await page.getByText('市委常委、局长').waitFor();
    await screenshot(page, 'organization-leaders');
    await page.getByRole('tab', { name: '单位工作方案' }).click();
    // outside mobilization the form is not offered: the button is greyed out and names its window
    const file = page.getByRole('button', { name: '报送方案' }).first();
    expect(await file.isDisabled()).toBe(true);
    await file.locator('xpath=..').hover();
    await page
      .getByRole('tooltip')
      .getByText(/动员部署 .* 可提交单位工作方案/)
      .waitFor();
    await page
      .getByTestId('open-today')
      .getByText(/提交单位工作方案于 动员部署/)
      .waitFor();
    await screenshot(page, 'organization-plan-closed');
    await page.mouse.move(0, 0);
  });
}
