import { SEED_PLAN } from '@pingyi/domain';
import { Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadPluginList } from '../src/plugin-list';
import { configDir, shareServerCoreWithPlugins } from './plugins.suite';
import { ballotsOf, codeOf, storeBallots, storeOpinions } from './support/campaign-content';

const CREATE = `mutation($t: String!, $y: Int!, $n: String) { createCampaignFromTemplate(template: $t, year: $y, name: $n) {
  __typename ... on Campaign { id year name phases { code start end } evaluatorGroups { code quota weight } }
  ... on InvalidCampaignConfigError { errorCode message problems { path message code line } } ... on ErrorResult { errorCode message path } } }`;
const EXPORT =
  'query($c: ID!, $f: CampaignConfigFormat) { exportCampaignConfig(campaignId: $c, format: $f) { format fileName text } }';
const IMPORT = `mutation($text: String!, $f: CampaignConfigFormat!, $y: Int) { importCampaignConfig(text: $text, format: $f, year: $y) {
  __typename ... on Campaign { id year phases { start end } }
  ... on InvalidCampaignConfigError { errorCode message problems { path message code line } } ... on ErrorResult { errorCode message path } } }`;
const CONTENT = `query($c: ID!) { units(campaignId: $c) { code appraised } leadingGroup(campaignId: $c) { role name position } themes(campaignId: $c) { code }
  workItems(campaignId: $c, options: { take: 100 }) { totalItems items { number theme { code } leadUnits { code } } } campaignIndicators(campaignId: $c) { code } }`;
const CAMPAIGN_COUNT = '{ campaigns { totalItems } }';

type Config = Record<string, unknown> & {
  campaign: Record<string, unknown> & { phases: { start: string; end: string }[] };
  workItems: Record<string, unknown>[];
};

/** Templates and campaign configuration files on one database. */
export function templatesSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let seedCampaign: string;

  beforeAll(async () => {
    shareServerCoreWithPlugins();
    const list = await loadPluginList({ cwd: configDir(['@pingyi/plugin-weighted-indicators']), env: {} });
    server = await createTestServer({ database, plugins: list.features });
    office = await server.loginAs(Role.office);
  });
  afterAll(() => server?.close());

  it("lists the built-in seed template, then the plugins' templates", async () => {
    const { data } = await server.gql(
      '{ campaignTemplates { code plugin title unitCount appraisedUnitCount workItemCount evaluatorGroupCount totalQuota strategyCode indicators phases { code start end } } }',
      {},
      office,
    );
    expect(data.campaignTemplates.map((t: { code: string; plugin: string | null }) => [t.code, t.plugin])).toEqual([
      ['seed', null],
      ['weighted-indicators/seed-composite', '@pingyi/plugin-weighted-indicators'],
    ]);
    expect(data.campaignTemplates[0]).toMatchObject({
      title: SEED_PLAN.title,
      unitCount: 11,
      appraisedUnitCount: 6,
      workItemCount: SEED_PLAN.workItems.length,
      evaluatorGroupCount: 9,
      totalQuota: 10_000,
      strategyCode: 'group-weighted-mean',
      indicators: [],
    });
    expect(data.campaignTemplates[0].phases[2]).toEqual({ code: 'appraisal', start: '10-16', end: '11-15' });
    expect(data.campaignTemplates[1]).toMatchObject({
      strategyCode: 'weighted-indicators/composite',
      indicators: ['complaints', 'inspection-score'],
    });
  });

  it('creates a campaign from the seed template for a year: calendar, texts, groups, organization and work plan', async () => {
    const { data } = await server.gql(CREATE, { t: 'seed', y: 2031 }, office);
    expect(data.createCampaignFromTemplate.__typename).toBe('Campaign');
    seedCampaign = data.createCampaignFromTemplate.id;
    expect(data.createCampaignFromTemplate).toMatchObject({ year: 2031, name: `2031年度${SEED_PLAN.title}` });
    expect(
      data.createCampaignFromTemplate.phases.map((p: { start: string; end: string }) => `${p.start}/${p.end}`),
    ).toEqual(['2031-06-18/2031-06-30', '2031-07-01/2031-10-15', '2031-10-16/2031-11-15', '2031-11-16/2031-12-31']);
    expect(
      data.createCampaignFromTemplate.evaluatorGroups.find((g: { code: string }) => g.code === 'residents'),
    ).toEqual({ code: 'residents', quota: 3500, weight: 3 });
    const content = (await server.gql(CONTENT, { c: seedCampaign }, office)).data;
    expect(content.units).toHaveLength(11);
    expect(content.leadingGroup[0]).toEqual({ role: 'leader', name: '王惠敏', position: '市委常委、局长' });
    expect(content.themes.map((t: { code: string }) => t.code)).toEqual(SEED_PLAN.themes.map((t) => t.code));
    expect(content.workItems.totalItems).toBe(SEED_PLAN.workItems.length);
    const withLeads = SEED_PLAN.workItems.find((item) => item.leadUnitCodes.length > 1);
    const stored = content.workItems.items.find(
      (item: { number: number; theme: { code: string } }) =>
        item.number === withLeads?.number && item.theme.code === withLeads?.themeCode,
    );
    expect(stored.leadUnits.map((u: { code: string }) => u.code)).toEqual(withLeads?.leadUnitCodes);
  });

  it.each([
    ['the same year again', 'seed', 2031, 'CampaignYearTakenError'],
    ['an unknown template', 'county/none', 2032, 'UnknownTemplateError'],
    ['a year out of range', 'seed', 1999, 'InvalidArgumentError'],
  ])('refuses %s', async (_name, template, year, typename) => {
    const { data } = await server.gql(CREATE, { t: template, y: year }, office);
    expect(data.createCampaignFromTemplate.__typename).toBe(typename);
    if (typename === 'UnknownTemplateError')
      expect(data.createCampaignFromTemplate.message).toBe(
        'template: no campaign template "county/none" (known: seed, weighted-indicators/seed-composite)',
      );
  });

  it('lets only the office and admins use templates and campaign files', async () => {
    for (const role of [Role.leader, Role.liaison, Role.inspector]) {
      const token = await server.loginAs(role, 'traffic-police');
      expect(codeOf(await server.gql(CREATE, { t: 'seed', y: 2040 }, token))).toBe('FORBIDDEN');
      expect(codeOf(await server.gql(EXPORT, { c: seedCampaign, f: 'JSON' }, token))).toBe('FORBIDDEN');
    }
  });

  it("creates a campaign from a plugin's template, with the indicators its strategy reads declared", async () => {
    const { data } = await server.gql(
      CREATE,
      { t: 'weighted-indicators/seed-composite', y: 2033, n: '2033年度综合评分试点' },
      office,
    );
    expect(data.createCampaignFromTemplate).toMatchObject({ __typename: 'Campaign', name: '2033年度综合评分试点' });
    const content = (await server.gql(CONTENT, { c: data.createCampaignFromTemplate.id }, office)).data;
    expect(content.campaignIndicators.map((i: { code: string }) => i.code)).toEqual(['complaints', 'inspection-score']);
  });

  it('exports the configuration only, the same in JSON and YAML: never ballots, opinions, codes, progress or values', async () => {
    const bureauId = Number((await server.dataSource.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id);
    await storeBallots(
      server,
      bureauId,
      seedCampaign,
      ballotsOf(5, 'residents', { 'traffic-police': 'satisfied' }, '2031-10-20'),
    );
    await storeOpinions(server, bureauId, seedCampaign, [
      {
        unitCode: 'traffic-police',
        evaluatorGroupCode: 'residents',
        text: '窗口排队时间太长了',
        receivedOn: '2031-10-20',
      },
    ]);
    const json = (await server.gql(EXPORT, { c: seedCampaign, f: 'JSON' }, office)).data.exportCampaignConfig;
    const yaml = (await server.gql(EXPORT, { c: seedCampaign, f: 'YAML' }, office)).data.exportCampaignConfig;
    expect(json).toMatchObject({ format: 'JSON', fileName: 'campaign-2031.json' });
    expect(yaml).toMatchObject({ format: 'YAML', fileName: 'campaign-2031.yaml' });
    const config = JSON.parse(json.text) as Config;
    expect(parseYaml(yaml.text)).toEqual(config);
    expect(Object.keys(config)).toEqual([
      'format',
      'version',
      'campaign',
      'evaluatorGroups',
      'policy',
      'units',
      'leadingGroup',
      'appraisalOffice',
      'themes',
      'workItems',
      'indicators',
    ]);
    expect(json.text).not.toMatch(/窗口排队|ballot|opinion|accessCode|progress|updates/i);
    expect(config.workItems).toHaveLength(SEED_PLAN.workItems.length);
  });

  it('imports the file into another bureau, which then exports the same configuration', async () => {
    const json = (await server.gql(EXPORT, { c: seedCampaign, f: 'JSON' }, office)).data.exportCampaignConfig
      .text as string;
    const yaml = (await server.gql(EXPORT, { c: seedCampaign, f: 'YAML' }, office)).data.exportCampaignConfig
      .text as string;
    const other = await server.createBureau(`tmpl${database}`);
    const imported = await server.gql(IMPORT, { text: yaml, f: 'YAML' }, other.adminToken);
    expect(imported.data.importCampaignConfig).toMatchObject({ __typename: 'Campaign', year: 2031 });
    const again = (await server.gql(EXPORT, { c: imported.data.importCampaignConfig.id, f: 'JSON' }, other.adminToken))
      .data.exportCampaignConfig.text;
    expect(JSON.parse(again)).toEqual(JSON.parse(json));
    // the importing bureau's campaign is its own: the first bureau cannot read it
    expect(codeOf(await server.gql(EXPORT, { c: imported.data.importCampaignConfig.id, f: 'JSON' }, office))).toBe(
      'NOT_FOUND',
    );
  });

  it("imports last year's file as another year's campaign, the phases moved", async () => {
    const json = (await server.gql(EXPORT, { c: seedCampaign, f: 'JSON' }, office)).data.exportCampaignConfig
      .text as string;
    const { data } = await server.gql(IMPORT, { text: json, f: 'JSON', y: 2034 }, office);
    expect(data.importCampaignConfig).toMatchObject({ __typename: 'Campaign', year: 2034 });
    expect(data.importCampaignConfig.phases[0]).toEqual({ start: '2034-06-18', end: '2034-06-30' });
  });

  it('refuses a file with problems, listing every one, and creates nothing', async () => {
    const config = JSON.parse(
      (await server.gql(EXPORT, { c: seedCampaign, f: 'JSON' }, office)).data.exportCampaignConfig.text,
    ) as Config;
    config.campaign.year = 2035;
    config.campaign.phases = config.campaign.phases.map((phase) => ({
      ...phase,
      start: phase.start.replace('2031', '2035'),
      end: phase.end.replace('2031', '2035'),
    }));
    config.campaign.phases[1]!.end = '2035-10-10';
    (config.workItems[4] as { leadUnitCodes: string[] }).leadUnitCodes = ['nobody'];
    (config.policy as { strategy: { code: string } }).strategy.code = 'acme/none';
    (config.evaluatorGroups as { quota: number }[])[0]!.quota = -1;
    const before = (await server.gql(CAMPAIGN_COUNT, {}, office)).data.campaigns.totalItems;
    const { data } = await server.gql(IMPORT, { text: JSON.stringify(config), f: 'JSON' }, office);
    expect(data.importCampaignConfig.__typename).toBe('InvalidCampaignConfigError');
    expect(data.importCampaignConfig.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ['campaign.phases[2].start', 'INVALID_CALENDAR'],
      ['evaluatorGroups[0].quota', 'INVALID_EVALUATOR_GROUPS'],
      ['policy.strategy.code', 'INVALID_POLICY'],
      ['workItems[4].leadUnitCodes[0]', 'UNKNOWN_UNIT'],
    ]);
    expect(data.importCampaignConfig.message).toMatch(
      /^the configuration has problems, nothing was created: 4 problems: campaign\.phases\[2\]\.start: /,
    );
    expect((await server.gql(CAMPAIGN_COUNT, {}, office)).data.campaigns.totalItems).toBe(before);
  });

  it('reports a syntax error with its line, and checks a file without importing it', async () => {
    const broken = await server.gql(
      IMPORT,
      { text: 'format: pingyi-campaign\nversion: 1\ncampaign: {year: 2036\n', f: 'YAML' },
      office,
    );
    expect(broken.data.importCampaignConfig).toMatchObject({
      __typename: 'InvalidCampaignConfigError',
      problems: [expect.objectContaining({ line: 4 })],
    });
    const yaml = (await server.gql(EXPORT, { c: seedCampaign, f: 'YAML' }, office)).data.exportCampaignConfig
      .text as string;
    const CHECK =
      'query($t: String!, $f: CampaignConfigFormat!) { checkCampaignConfig(text: $t, format: $f) { ok problems { path message } } }';
    expect((await server.gql(CHECK, { t: yaml, f: 'YAML' }, office)).data.checkCampaignConfig).toEqual({
      ok: true,
      problems: [],
    });
    const wrong = (await server.gql(CHECK, { t: yaml.replace('version: 1', 'version: 2'), f: 'YAML' }, office)).data
      .checkCampaignConfig;
    expect(wrong).toEqual({ ok: false, problems: [{ path: 'version', message: 'must be 1, got 2' }] });
  });
}
