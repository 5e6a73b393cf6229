import { SEED_RATING_SCALE } from '@pingyi/domain';
import { type BallotToStore, pluginFeatures, Role } from '@pingyi/server-core';
import { compositeStrategy } from '@pingyi/plugin-weighted-indicators';
import { createTestServer, scoreWithStrategy, type TestDatabase, type TestServer } from '@pingyi/testing';
import * as core from '@pingyi/server-core';
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPluginList } from '../src/plugin-list';
import { rosterPlugin } from './plugins-roster.plugin';
import {
  ballotsOf,
  codeOf,
  createCampaign,
  hostBureauId,
  storeBallots,
  tallyRowsOf,
  UPDATE_CAMPAIGN,
} from './support/campaign-content';

/**
 * Vitest runs its own (transformed) copy of @pingyi/server-core. In a real
 * server, plugins require() the one copy the server runs; here they must get
 * the test's copy too, or their classes (entities, GraphQL types) would be
 * registered twice. Everything else they require is loaded as in production.
 */
export function shareServerCoreWithPlugins(): void {
  const require = createRequire(__filename);
  const file = require.resolve('@pingyi/server-core');
  if (require.cache[file]) return;
  const module = new Module(file);
  Object.assign(module, { filename: file, loaded: true, exports: core });
  require.cache[file] = module;
}

/** A folder with a pingyi.config.json listing the plugins, as a deployment has next to its server. */
export function configDir(plugins: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-deployment-'));
  fs.writeFileSync(path.join(dir, 'pingyi.config.json'), JSON.stringify({ plugins }, null, 2));
  return dir;
}

const EXAMPLES = [
  '@pingyi/plugin-weighted-indicators',
  ['@pingyi/plugin-peoples-congress-majority', { rosterSize: 40 }],
  { package: path.join(__dirname, 'plugins-misbehaving.plugin.mjs') },
];

const STRATEGIES =
  '{ scoringStrategies { code labelZh argsJson decidesTiers rangeMin rangeMax plugin pluginVersion indicators } }';
const STANDINGS =
  'query($c: ID!) { standings(campaignId: $c) { strategyCode standings { unitCode score rank tier valid } } }';
const PREVIEW = `query($c: ID!, $p: String!) { previewStandings(campaignId: $c, policyJson: $p) {
  __typename ... on CampaignStandings { strategyCode standings { unitCode score rank tier } } ... on ErrorResult { errorCode message path } } }`;
const SET_INDICATORS = `mutation($c: ID!, $i: [CampaignIndicatorInput!]!) { setCampaignIndicators(campaignId: $c, indicators: $i) {
  __typename ... on CampaignIndicatorList { items { code label unit min max integer } } ... on ErrorResult { errorCode message path } } }`;
const IMPORT = `mutation($c: ID!, $csv: String!) { importUnitIndicators(campaignId: $c, csv: $csv) {
  __typename ... on IndicatorValuesSaved { saved removed } ... on InvalidIndicatorValuesError { errorCode message problems { path message line code } }
  ... on ErrorResult { errorCode message } } }`;
const SET_VALUES = `mutation($c: ID!, $v: [UnitIndicatorValueInput!]!) { setUnitIndicatorValues(campaignId: $c, values: $v) {
  __typename ... on IndicatorValuesSaved { saved removed } ... on InvalidIndicatorValuesError { problems { path message } } ... on ErrorResult { errorCode message } } }`;
const VALUES = 'query($c: ID!) { unitIndicatorValues(campaignId: $c) { unitCode indicatorCode value } }';

const UNIT_CODES = ['traffic-police', 'public-order', 'legal-affairs'];
const LEVELS = SEED_RATING_SCALE.map((level) => level.code);
// 30 residents rating the three units differently.
const BALLOTS: BallotToStore[] = Array.from(
  { length: 30 },
  (_, i) =>
    ballotsOf(
      1,
      'residents',
      Object.fromEntries(UNIT_CODES.map((unit, u) => [unit, LEVELS[(i + u * 2) % (u + 3)] as string])),
    )[0] as BallotToStore,
);
const COMPOSITE_POLICY = {
  version: 1,
  scale: SEED_RATING_SCALE,
  strategy: {
    code: 'weighted-indicators/composite',
    args: { satisfactionWeight: 0.7, complaintsWeight: 0.2, inspectionWeight: 0.1 },
  },
  decimals: 2,
  tiers: [
    { code: 'satisfied', label: '满意', min: 85 },
    { code: 'dissatisfied', label: '不满意', min: null },
  ],
};
const INDICATORS_CSV =
  'unit,complaints,inspection-score\ntraffic-police,12,88\npublic-order,3,92.5\nlegal-affairs,7,75\n';
const INDICATOR_VALUES = {
  'traffic-police': { complaints: 12, 'inspection-score': 88 },
  'public-order': { complaints: 3, 'inspection-score': 92.5 },
  'legal-affairs': { complaints: 7, 'inspection-score': 75 },
};
const policyWith = (code: string, args: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, scale: SEED_RATING_SCALE, strategy: { code, args } });

/** Plugins end to end on one database: loaded from a config file, chosen over GraphQL, scored; failures reported. */
export function pluginsSuite(database: TestDatabase): void {
  let server: TestServer;
  let office: string;
  let campaignId: string;

  beforeAll(async () => {
    shareServerCoreWithPlugins();
    const list = await loadPluginList({ cwd: configDir(EXAMPLES), env: {} });
    server = await createTestServer({ database, plugins: list.features });
    office = await server.loginAs(Role.office);
    campaignId = await createCampaign(server, office, 'appraisal');
    await storeBallots(server, await hostBureauId(server), campaignId, BALLOTS);
  });
  afterAll(() => server?.close());

  it('lists the plugins from the config file with their strategies, argument declarations and indicators', async () => {
    const plugins = await server.gql(
      '{ plugins { name version compatibility strategies templates indicators scalePresets hasModule } }',
      {},
      office,
    );
    expect(plugins.data.plugins.map((p: { name: string }) => p.name)).toEqual([
      '@pingyi/plugin-weighted-indicators',
      '@pingyi/plugin-peoples-congress-majority',
      '@pingyi-test/misbehaving',
    ]);
    expect(plugins.data.plugins[0]).toMatchObject({
      version: '0.1.0',
      compatibility: '^0.1.0',
      strategies: ['weighted-indicators/composite'],
      indicators: ['complaints', 'inspection-score'],
    });
    // every role's strategy picker sees them, with the form drawn from the declarations
    const { data } = await server.gql(STRATEGIES, {}, await server.loginAs(Role.leader));
    const composite = data.scoringStrategies.find((s: { code: string }) => s.code === 'weighted-indicators/composite');
    expect(composite).toMatchObject({
      plugin: '@pingyi/plugin-weighted-indicators',
      pluginVersion: '0.1.0',
      indicators: ['complaints', 'inspection-score'],
      rangeMin: 0,
      rangeMax: 100,
    });
    expect(JSON.parse(composite.argsJson)).toEqual([
      expect.objectContaining({ name: 'satisfactionWeight', type: 'number', default: 0.7, min: 0, required: false }),
      expect.objectContaining({ name: 'complaintsWeight', type: 'number', default: 0.2 }),
      expect.objectContaining({ name: 'inspectionWeight', type: 'number', default: 0.1 }),
    ]);
    expect(data.scoringStrategies.find((s: { code: string }) => s.code === 'peoples-congress/majority')).toMatchObject({
      decidesTiers: true,
      indicators: ['deputies'],
    });
    expect(data.scoringStrategies.find((s: { code: string }) => s.code === 'weighted-mean')).toMatchObject({
      plugin: null,
      indicators: [],
    });
    const presets = await server.gql(
      '{ scalePresets { code plugin levels { code points } } indicatorCatalog { code plugin max } }',
      {},
      office,
    );
    expect(presets.data.scalePresets.map((p: { code: string }) => p.code)).toEqual([
      'seed',
      'peoples-congress/three-levels',
    ]);
    expect(presets.data.indicatorCatalog.map((i: { code: string; plugin: string }) => `${i.plugin}:${i.code}`)).toEqual(
      [
        '@pingyi/plugin-weighted-indicators:complaints',
        '@pingyi/plugin-weighted-indicators:inspection-score',
        '@pingyi/plugin-peoples-congress-majority:deputies',
      ],
    );
  });

  it('chooses the composite strategy over GraphQL and computes standings from the tally and the indicators', async () => {
    const catalog = (await server.gql('{ indicatorCatalog { code label unit min max integer } }', {}, office)).data
      .indicatorCatalog;
    const declared = await server.gql(
      SET_INDICATORS,
      {
        c: campaignId,
        i: catalog.slice(0, 2).map(({ code, label, unit, min, max, integer }: Record<string, unknown>) => ({
          code,
          label,
          unit,
          min,
          max,
          integer,
        })),
      },
      office,
    );
    expect(declared.data.setCampaignIndicators.items.map((i: { code: string }) => i.code)).toEqual([
      'complaints',
      'inspection-score',
    ]);
    const imported = await server.gql(IMPORT, { c: campaignId, csv: INDICATORS_CSV }, office);
    expect(imported.data.importUnitIndicators).toEqual({ __typename: 'IndicatorValuesSaved', saved: 6, removed: 0 });

    const chosen = await server.gql(
      UPDATE_CAMPAIGN,
      { id: campaignId, input: { policyJson: JSON.stringify(COMPOSITE_POLICY), reason: '改用综合评分' } },
      office,
    );
    expect(chosen.data.updateCampaign.__typename).toBe('Campaign');
    const { data, errors } = await server.gql(STANDINGS, { c: campaignId }, office);
    expect(errors).toBeUndefined();
    expect(data.standings.strategyCode).toBe('weighted-indicators/composite');
    // the same as the strategy test kit computes without a server
    const expected = scoreWithStrategy(compositeStrategy, {
      tally: tallyRowsOf(BALLOTS),
      args: COMPOSITE_POLICY.strategy.args,
      policy: { tiers: COMPOSITE_POLICY.tiers },
      indicators: INDICATOR_VALUES,
    });
    expect(data.standings.standings).toEqual(
      expected.standings.map((s) => ({ unitCode: s.unit, score: s.score, rank: s.rank, tier: s.tier, valid: s.valid })),
    );
    expect(new Set(data.standings.standings.map((s: { score: number }) => s.score)).size).toBe(3);
  });

  it("scores the people's congress rule with the electorate from the plugin option, then from a unit's indicator", async () => {
    const policy = policyWith('peoples-congress/majority');
    const byOption = await server.gql(PREVIEW, { c: campaignId, p: policy }, office);
    expect(byOption.data.previewStandings.__typename).toBe('CampaignStandings');
    const satisfied = (unit: string) =>
      BALLOTS.filter((b) => b.ratings.some((r) => r.unit === unit && r.level === 'satisfied')).length;
    for (const standing of byOption.data.previewStandings.standings)
      expect(standing.score).toBeCloseTo((100 * satisfied(standing.unitCode)) / 40, 2);

    await server.gql(
      SET_INDICATORS,
      {
        c: campaignId,
        i: [
          { code: 'complaints', label: '有效投诉件数', unit: '件', min: 0, integer: true },
          { code: 'inspection-score', label: '明查暗访得分', min: 0, max: 100 },
          { code: 'deputies', label: '名册代表人数', min: 1, integer: true },
        ],
      },
      office,
    );
    // 30 ballots rate each unit: its own roster must be at least that
    await server.gql(
      SET_VALUES,
      { c: campaignId, v: [{ unitCode: 'public-order', indicatorCode: 'deputies', value: 35 }] },
      office,
    );
    const byIndicator = await server.gql(PREVIEW, { c: campaignId, p: policy }, office);
    const publicOrder = byIndicator.data.previewStandings.standings.find(
      (s: { unitCode: string }) => s.unitCode === 'public-order',
    );
    expect(publicOrder.score).toBeCloseTo((100 * satisfied('public-order')) / 35, 1);
  });

  it.each([
    ['throws', 'throw', 'lookup table missing'],
    ['returns NaN', 'nan', 'returned NaN, not a finite number'],
    ['leaves its range', 'range', 'returned 250.00, outside its declared range 0..100'],
    ['returns text', 'text', 'returned the string "high", not a score'],
  ])(
    'reports a plugin strategy that %s as an error naming the plugin, and keeps serving',
    async (_name, mode, problem) => {
      const preview = await server.gql(
        PREVIEW,
        { c: campaignId, p: policyWith('misbehaving/sometimes', { mode }) },
        office,
      );
      expect(preview.data.previewStandings).toMatchObject({
        __typename: 'StrategyFailedError',
        errorCode: 'STRATEGY_FAILED',
        // units are scored in code order: legal-affairs first
        message: `plugin "@pingyi-test/misbehaving" 1.0.0: scoring strategy "misbehaving/sometimes" failed for unit "legal-affairs": ${problem}`,
      });
      const health = await server.fetch('/health');
      expect(health.status).toBe(200);
      expect(
        (await server.gql(PREVIEW, { c: campaignId, p: policyWith('misbehaving/sometimes') }, office)).data
          .previewStandings.__typename,
      ).toBe('CampaignStandings');
    },
  );

  it('reports a failure on the standings page too, and a missing indicator names the plugin, unit and indicator', async () => {
    await server.gql(
      UPDATE_CAMPAIGN,
      {
        id: campaignId,
        input: { policyJson: policyWith('misbehaving/sometimes', { mode: 'nan' }), reason: '试用插件' },
      },
      office,
    );
    const failed = await server.gql(STANDINGS, { c: campaignId }, office);
    expect(codeOf(failed)).toBe('STRATEGY_FAILED');
    expect(failed.errors?.[0]?.message).toMatch(
      /^plugin "@pingyi-test\/misbehaving" 1\.0\.0: scoring strategy "misbehaving\/sometimes" failed for unit/,
    );
    expect(failed.errors?.[0]?.extensions?.details).toMatchObject({
      plugin: '@pingyi-test/misbehaving',
      strategy: 'misbehaving/sometimes',
    });

    await server.gql(
      UPDATE_CAMPAIGN,
      { id: campaignId, input: { policyJson: JSON.stringify(COMPOSITE_POLICY), reason: '改用综合评分' } },
      office,
    );
    await server.gql(
      SET_VALUES,
      { c: campaignId, v: [{ unitCode: 'legal-affairs', indicatorCode: 'inspection-score', value: null }] },
      office,
    );
    const missing = await server.gql(STANDINGS, { c: campaignId }, office);
    expect(missing.errors?.[0]?.message).toBe(
      'plugin "@pingyi/plugin-weighted-indicators" 0.1.0: scoring strategy "weighted-indicators/composite" failed for unit "legal-affairs": indicator "inspection-score" has no value for unit "legal-affairs" (enter it, or import the indicators CSV)',
    );
    await server.gql(
      SET_VALUES,
      { c: campaignId, v: [{ unitCode: 'legal-affairs', indicatorCode: 'inspection-score', value: 75 }] },
      office,
    );
    expect((await server.gql(STANDINGS, { c: campaignId }, office)).errors).toBeUndefined();
  });

  describe('per-unit indicators', () => {
    it('imports a CSV all or nothing, reporting every bad line', async () => {
      const csv = [
        'unit,indicator,value',
        'traffic-police,complaints,5',
        'nowhere,complaints,1',
        'public-order,complaints,-2',
        'legal-affairs,noise,3',
        'legal-affairs,inspection-score,abc',
        'legal-affairs,complaints,2.5',
      ].join('\n');
      const { data } = await server.gql(IMPORT, { c: campaignId, csv }, office);
      expect(data.importUnitIndicators.__typename).toBe('InvalidIndicatorValuesError');
      expect(
        data.importUnitIndicators.problems.map((p: { line: number; code: string | null }) => [p.line, p.code]),
      ).toEqual([
        [3, 'UNKNOWN_UNIT'],
        [4, 'INVALID_INDICATOR_VALUE'],
        [5, 'UNKNOWN_INDICATOR'],
        [6, null],
        [7, 'INVALID_INDICATOR_VALUE'],
      ]);
      expect(data.importUnitIndicators.problems[1].message).toBe(
        'indicator "complaints" (有效投诉件数) is at least 0, got -2',
      );
      const values = (await server.gql(VALUES, { c: campaignId }, office)).data.unitIndicatorValues;
      expect(
        values.find(
          (v: { unitCode: string; indicatorCode: string }) =>
            v.unitCode === 'traffic-police' && v.indicatorCode === 'complaints',
        ).value,
      ).toBe(12);
    });

    it("lets every role read declarations, a liaison only their unit's values, and only the office and admins write", async () => {
      const liaison = await server.loginAs(Role.liaison, 'public-order');
      const own = (await server.gql(VALUES, { c: campaignId }, liaison)).data.unitIndicatorValues;
      expect(new Set(own.map((v: { unitCode: string }) => v.unitCode))).toEqual(new Set(['public-order']));
      const other = await server.gql(
        'query($c: ID!) { unitIndicatorValues(campaignId: $c, filter: { unitCode: "traffic-police" }) { value } }',
        { c: campaignId },
        liaison,
      );
      expect(codeOf(other)).toBe('FORBIDDEN');
      expect(
        (await server.gql('query($c: ID!) { campaignIndicators(campaignId: $c) { code } }', { c: campaignId }, liaison))
          .data.campaignIndicators,
      ).toHaveLength(3);
      for (const role of [Role.leader, Role.inspector, Role.liaison]) {
        const refused = await server.gql(
          SET_VALUES,
          { c: campaignId, v: [{ unitCode: 'public-order', indicatorCode: 'complaints', value: 1 }] },
          await server.loginAs(role, 'traffic-police'),
        );
        expect(codeOf(refused)).toBe('FORBIDDEN');
      }
    });

    it('keeps declarations that have values, and hides the campaign from another bureau', async () => {
      const dropped = await server.gql(
        SET_INDICATORS,
        { c: campaignId, i: [{ code: 'deputies', label: '名册代表人数', min: 1, integer: true }] },
        office,
      );
      expect(dropped.data.setCampaignIndicators).toMatchObject({
        __typename: 'InUseError',
        message: expect.stringMatching(/indicator complaints has 3 stored value\(s\)/),
      });
      const other = await server.createBureau(`plug${database}`);
      expect(codeOf(await server.gql(VALUES, { c: campaignId }, other.adminToken))).toBe('NOT_FOUND');
      const write = await server.gql(
        SET_VALUES,
        { c: campaignId, v: [{ unitCode: 'public-order', indicatorCode: 'complaints', value: 1 }] },
        other.adminToken,
      );
      expect(write.data.setUnitIndicatorValues.__typename).toBe('NotFoundError');
    });
  });
}

/** A plugin with its own module, entities and migrations, on one database. */
export function pluginModuleSuite(database: TestDatabase): void {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({ database, plugins: pluginFeatures([{ plugin: rosterPlugin }]) });
  });
  afterAll(() => server?.close());

  it("runs the plugin's migrations and serves its resolvers, scoped like the core", async () => {
    const office = await server.loginAs(Role.office);
    const added = await server.gql('mutation { addTestRosterDeputy(name: "张三") { id name } }', {}, office);
    expect(added.data.addTestRosterDeputy.name).toBe('张三');
    const listed = await server.gql('{ testRosterDeputies { name } plugins { name hasModule } }', {}, office);
    expect(listed.data).toEqual({
      testRosterDeputies: [{ name: '张三' }],
      plugins: [{ name: '@pingyi-test/roster', hasModule: true }],
    });
    const migrations: { name: string }[] = await server.dataSource.query('SELECT name FROM migrations');
    expect(migrations.map((m) => m.name)).toContain('CreateTestRosterDeputy1795603490000');
    expect(codeOf(await server.gql('{ testRosterDeputies { name } }', {}, await server.loginAs(Role.leader)))).toBe(
      'FORBIDDEN',
    );
  });
}
