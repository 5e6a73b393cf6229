import { localDateOf, SEED_PLAN } from '@pingyi/domain';
import { demoYear } from '@pingyi/server-core';
import { createTestServer, dropPostgresDatabase, pgTestUrl, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignInput } from './support/campaign-content';

const CAMPAIGNS = `{ campaigns { totalItems items { id year isDemo name timeZone guidingPrinciple
  phases { code label start end } objectives { number title } requirements { number title }
  evaluatorGroups { code label quota weight } scale { code label points } strategyCode } } }`;

/** The demo campaign: loaded on the first start with an empty database, never twice, on one database. */
export function demoSuite(database: TestDatabase): void {
  let server: TestServer;
  let admin: string;
  let bootMs: number;
  const year = demoYear(localDateOf(new Date(), 'Asia/Shanghai'));

  beforeAll(async () => {
    const started = Date.now();
    server = await createTestServer({ database, env: { PINGYI_DEMO: '1' } });
    bootMs = Date.now() - started;
    admin = await server.adminToken();
  });
  afterAll(async () => {
    // the restarted server reuses the first one's database, which its close() does not drop
    const url = server?.config.database.type === 'postgres' ? server.config.database.url : undefined;
    await server?.close();
    if (url) await dropPostgresDatabase(pgTestUrl(), new URL(url).pathname.slice(1));
  });

  it("loads this year's and last year's campaigns of the seed plan", async () => {
    // a shared machine's wall clock is no assertion (the house rule): printed for the reader
    console.log(`[${database}] first start with the demo campaign: ${(bootMs / 1000).toFixed(1)} s`);
    const { data } = await server.gql(CAMPAIGNS, {}, admin);
    expect(data.campaigns.items.map((c: { year: number; isDemo: boolean }) => [c.year, c.isDemo])).toEqual([
      [year, true],
      [year - 1, true],
    ]);
    const campaign = data.campaigns.items[0];
    expect(campaign.phases).toEqual([
      { code: 'mobilization', label: '动员部署', start: `${year}-06-18`, end: `${year}-06-30` },
      { code: 'implementation', label: '组织实施', start: `${year}-07-01`, end: `${year}-10-15` },
      { code: 'appraisal', label: '接受评议', start: `${year}-10-16`, end: `${year}-11-15` },
      { code: 'rectification', label: '整改提高', start: `${year}-11-16`, end: `${year}-12-31` },
    ]);
    expect(campaign.guidingPrinciple).toBe(SEED_PLAN.guidingPrinciple.text);
    expect(campaign.objectives.map((o: { title: string }) => o.title)).toEqual([
      '政令警令更加畅通',
      '大局意识更加牢固',
      '改革创新更加深入',
      '服务群众更加优质',
      '勤政廉洁更加注重',
      '工作业绩更加突出',
    ]);
    expect(campaign.requirements).toHaveLength(4);
    expect(campaign.evaluatorGroups).toHaveLength(9);
    expect(campaign.evaluatorGroups.reduce((sum: number, g: { quota: number }) => sum + g.quota, 0)).toBe(10_000);
    expect(campaign.scale.map((l: { label: string }) => l.label)).toEqual([
      '满意',
      '比较满意',
      '基本满意',
      '不太满意',
      '不满意',
      '不了解',
    ]);
    expect((await server.gql('{ currentBureau { name } }', {}, admin)).data.currentBureau.name).toBe('市公安局');
  });

  it("has the seed's units, leading group and work items as written (elided items kept)", async () => {
    const id = (await server.gql('{ campaigns { items { id year } } }', {}, admin)).data.campaigns.items[0].id;
    const units = (
      await server.gql('query($c: ID!) { units(campaignId: $c) { code name appraised } }', { c: id }, admin)
    ).data.units;
    expect(units.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining([
        '交警支队',
        '巡特警支队',
        '治安支队',
        '边防支队',
        '法制处',
        '监管支队',
        '纪委',
        '政治部',
        '办公室',
        '后勤处',
      ]),
    );
    const group = (
      await server.gql('query($c: ID!) { leadingGroup(campaignId: $c) { role name position } }', { c: id }, admin)
    ).data.leadingGroup;
    expect(group).toEqual([
      { role: 'leader', name: '王惠敏', position: '市委常委、局长' },
      { role: 'deputyLeader', name: '贺富昌', position: '市局党委副书记、副局长' },
      { role: 'member', name: null, position: '其他党委委员' },
    ]);
    const items = (
      await server.gql(
        'query($c: ID!) { workItems(campaignId: $c, options: { take: 100 }) { totalItems items { number elided text sourceGaps progress theme { code } leadUnits { name } } } }',
        { c: id },
        admin,
      )
    ).data.workItems;
    expect(items.totalItems).toBe(SEED_PLAN.workItems.length);
    const elided = items.items.filter((i: { elided: boolean }) => i.elided);
    expect(elided.map((i: { number: number; text: string }) => [i.number, i.text])).toEqual([
      [1, ''],
      [2, ''],
      [3, ''],
    ]);
    const patrol = items.items.find(
      (i: { theme: { code: string }; number: number }) => i.theme.code === 'social-stability' && i.number === 5,
    );
    expect(patrol.leadUnits.map((u: { name: string }) => u.name)).toEqual(['巡特警支队', '治安支队', '边防支队']);
    expect(items.items.filter((i: { progress: number }) => i.progress > 0).length).toBeGreaterThan(0);
    const plans = (await server.gql('query($c: ID!) { unitPlans(campaignId: $c) { unitCode } }', { c: id }, admin)).data
      .unitPlans;
    expect(plans.length).toBe(units.length - 1);
    const bulletins = (
      await server.gql('query($c: ID!) { bulletins(campaignId: $c) { totalItems } }', { c: id }, admin)
    ).data.bulletins;
    expect(bulletins.totalItems).toBe(4);
  });

  it('has synthetic ballots and opinions, so results and comparisons are not empty', async () => {
    const id = (await server.gql('{ campaigns { items { id } } }', {}, admin)).data.campaigns.items[0].id;
    const { data } = await server.gql(
      'query($c: ID!) { participation(campaignId: $c) { ballots opinions groups { online paper } } }',
      { c: id },
      admin,
    );
    expect(data.participation.ballots).toBeGreaterThan(8_500);
    expect(data.participation.ballots).toBeLessThanOrEqual(10_000);
    expect(data.participation.opinions).toBeGreaterThan(200);
    expect(data.participation.groups.every((g: { online: number; paper: number }) => g.online > 0 && g.paper > 0)).toBe(
      true,
    );
    const standings = (
      await server.gql(
        'query($c: ID!) { standings(campaignId: $c) { standings { unitName rank score } } }',
        { c: id },
        admin,
      )
    ).data.standings.standings;
    expect(standings).toHaveLength(6);
    expect(standings.every((s: { rank: number }) => s.rank !== null)).toBe(true);
    const compared = (
      await server.gql(
        'query($c: ID!) { compareWithPrevious(campaignId: $c) { previousYear units { rankChange } } }',
        { c: id },
        admin,
      )
    ).data.compareWithPrevious;
    expect(compared.previousYear).toBe(year - 1);
    expect(compared.units.every((u: { rankChange: number | null }) => u.rankChange !== null)).toBe(true);
    const breakdown = (
      await server.gql(
        'query($c: ID!) { breakdown(campaignId: $c, unitCode: "border-defense") { units { groups { suppression } } } }',
        { c: id },
        admin,
      )
    ).data.breakdown;
    expect(breakdown.units[0].groups.map((g: { suppression: string | null }) => g.suppression)).toContain('smallCell');
  });

  it('creates demo accounts for each role; the liaison acts for 交警支队', async () => {
    const liaison = await server.login('demo-liaison', 'demo-liaison-pass');
    const id = (await server.gql('{ campaigns { items { id } } }', {}, liaison)).data.campaigns.items[0].id;
    const items = (
      await server.gql(
        'query($c: ID!) { workItems(campaignId: $c) { items { leadUnits { code } } } }',
        { c: id },
        liaison,
      )
    ).data.workItems.items;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((i: { leadUnits: { code: string }[] }) => i.leadUnits.some((u) => u.code === 'traffic-police')),
    ).toBe(true);
    for (const [username, password] of [
      ['demo-office', 'demo-office-pass'],
      ['demo-inspector', 'demo-inspector-pass'],
      ['demo-leader', 'demo-leader-pass'],
    ]) {
      expect(await server.login(username as string, password as string)).toMatch(/^[\w-]{20,}$/);
    }
  });

  it('does not load the demo again on the next start', async () => {
    const before = (await server.gql('{ campaigns { totalItems items { id } } }', {}, admin)).data.campaigns;
    const ballots = (
      await server.gql('query($c: ID!) { participation(campaignId: $c) { ballots } }', { c: before.items[0].id }, admin)
    ).data.participation.ballots;
    await server.close({ keepData: true });
    server = await createTestServer({
      database,
      env: { PINGYI_DEMO: '1' },
      reuse: {
        dataDir: server.config.dataDir,
        ...(server.config.database.type === 'postgres' ? { databaseUrl: server.config.database.url } : {}),
      },
    });
    admin = await server.adminToken();
    const after = (await server.gql('{ campaigns { totalItems items { id } } }', {}, admin)).data.campaigns;
    expect(after).toEqual(before);
    expect(
      (
        await server.gql(
          'query($c: ID!) { participation(campaignId: $c) { ballots } }',
          { c: before.items[0].id },
          admin,
        )
      ).data.participation.ballots,
    ).toBe(ballots);
  });

  it('removes the demo campaigns whole, their demo ballots and results included, so the real campaign of the year can be created', async () => {
    const campaigns = (await server.gql(CAMPAIGNS, {}, admin)).data.campaigns.items as {
      id: string;
      year: number;
      isDemo: boolean;
      phases: { code: string; label: string; start: string; end: string }[];
    }[];
    const current = campaigns.find((c) => c.year === year);
    expect(current?.isDemo).toBe(true);
    // an ordinary delete keeps a campaign with ballots (archived); the demo path removes it
    for (const campaign of campaigns) {
      const { data } = await server.gql(
        `mutation($id: ID!) { removeDemoCampaign(id: $id) { __typename ... on ErrorResult { errorCode message } } }`,
        { id: campaign.id },
        admin,
      );
      expect(data.removeDemoCampaign.__typename).toBe('RemoveDemoCampaignSuccess');
    }
    for (const table of ['campaign', 'ballot', 'rating', 'opinion', 'result_snapshot', 'unit']) {
      const rows: { n: number | string }[] = await server.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
      expect(Number(rows[0]?.n), table).toBe(0);
    }
    const phases = (current?.phases ?? []).map(({ code, label, start, end }) => ({ code, label, start, end }));
    const created = await server.gql(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { year isDemo } ... on ErrorResult { errorCode message } } }',
      { input: { ...campaignInput('rectification'), year, name: `${year} 年度民主评议`, phases } },
      admin,
    );
    expect(created.data.createCampaign).toEqual({ __typename: 'Campaign', year, isDemo: false });
  });
}
