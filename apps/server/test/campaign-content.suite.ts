import { Role } from '@pingyi/server-core';
import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignInput,
  codeOf,
  CREATE_CAMPAIGN,
  createCampaign,
  moveTo,
  POLICY,
  SET_UNITS,
  UNITS,
  UPDATE_CAMPAIGN,
} from './support/campaign-content';

type Caller = Role | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader];
const EVERYONE = [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader];
const EDITORS = [Role.admin, Role.office];

/** Campaigns, organization, work plan and bulletins over HTTP, on one database. */
export function campaignContentSuite(database: TestDatabase): void {
  let server: TestServer;
  let admin: string;
  let campaignId: string;
  const tokens = new Map<Caller, string | undefined>();
  let trafficItemId: string;

  beforeAll(async () => {
    server = await createTestServer({ database });
    admin = await server.adminToken();
    tokens.set('anonymous', undefined);
    for (const role of EVERYONE) tokens.set(role, await server.loginAs(role, 'traffic-police'));
    campaignId = await createCampaign(server, admin, 'mobilization');
    await server.gql(
      'mutation($c: ID!, $t: [ThemeInput!]!) { setThemes(campaignId: $c, themes: $t) { __typename } }',
      {
        c: campaignId,
        t: [
          { code: 'social-stability', number: 1, title: '围绕社会稳定大局，着力解决治安热点难点' },
          { code: 'police-image', number: 4, title: '围绕提升公安形象，着力构建和谐警民关系' },
        ],
      },
      admin,
    );
    const item = await server.gql(
      CREATE_ITEM,
      {
        c: campaignId,
        input: {
          themeCode: 'social-stability',
          number: 4,
          text: '深化城市畅通工程。',
          leadUnitCodes: ['traffic-police'],
        },
      },
      admin,
    );
    trafficItemId = item.data.createWorkItem.id;
  });
  afterAll(() => server?.close());

  describe('who may call what', () => {
    const surface = (): {
      name: string;
      document: string;
      variables: Record<string, unknown>;
      allowed: readonly Role[];
    }[] => [
      { name: 'campaigns', document: '{ campaigns { totalItems } }', variables: {}, allowed: EVERYONE },
      {
        name: 'campaign',
        document: 'query($c: ID!) { campaign(id: $c) { id } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'createCampaign',
        document: CREATE_CAMPAIGN,
        variables: { input: campaignInput('mobilization') },
        allowed: EDITORS,
      },
      {
        name: 'updateCampaign',
        document: UPDATE_CAMPAIGN,
        variables: { id: campaignId, input: { name: '测试评议 mobilization' } },
        allowed: EDITORS,
      },
      {
        name: 'deleteCampaign',
        document: 'mutation { deleteCampaign(id: "999999") { __typename } }',
        variables: {},
        allowed: EDITORS,
      },
      {
        name: 'units',
        document: 'query($c: ID!) { units(campaignId: $c) { code } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      { name: 'setUnits', document: SET_UNITS, variables: { c: campaignId, units: UNITS }, allowed: EDITORS },
      {
        name: 'leadingGroup',
        document: 'query($c: ID!) { leadingGroup(campaignId: $c) { role } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'setLeadingGroup',
        document: SET_LEADING_GROUP,
        variables: { c: campaignId, input: { seats: [{ role: 'leader', name: '王惠敏', position: '局长' }] } },
        allowed: EDITORS,
      },
      {
        name: 'appraisalOffice',
        document: 'query($c: ID!) { appraisalOffice(campaignId: $c) { name } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'setAppraisalOffice',
        document:
          'mutation($c: ID!) { setAppraisalOffice(campaignId: $c, members: [{ name: "评议办" }]) { __typename } }',
        variables: { c: campaignId },
        allowed: EDITORS,
      },
      {
        name: 'unitPlans',
        document: 'query($c: ID!) { unitPlans(campaignId: $c) { unitCode } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'fileUnitPlan',
        document: FILE_PLAN,
        variables: { c: campaignId, input: { unitCode: 'traffic-police', title: '方案', body: '内容' } },
        allowed: [...EDITORS, Role.liaison],
      },
      {
        name: 'themes',
        document: 'query($c: ID!) { themes(campaignId: $c) { code } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'setThemes',
        document:
          'mutation($c: ID!) { setThemes(campaignId: $c, themes: [{ code: "social-stability", number: 1, title: "围绕社会稳定大局" }, { code: "police-image", number: 4, title: "围绕提升公安形象" }]) { __typename } }',
        variables: { c: campaignId },
        allowed: EDITORS,
      },
      {
        name: 'workItems',
        document: 'query($c: ID!) { workItems(campaignId: $c) { totalItems } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'workItem',
        document: 'query($i: ID!) { workItem(id: $i) { id } }',
        variables: { i: trafficItemId },
        allowed: EVERYONE,
      },
      {
        name: 'createWorkItem',
        document: CREATE_ITEM,
        variables: {
          c: campaignId,
          input: { themeCode: 'social-stability', number: 4, text: 'x', leadUnitCodes: ['traffic-police'] },
        },
        allowed: EDITORS,
      },
      {
        name: 'updateWorkItem',
        document: UPDATE_ITEM,
        variables: {
          i: trafficItemId,
          input: {
            themeCode: 'social-stability',
            number: 4,
            text: '深化城市畅通工程。',
            leadUnitCodes: ['traffic-police'],
          },
        },
        allowed: EDITORS,
      },
      {
        name: 'deleteWorkItem',
        document: 'mutation { deleteWorkItem(id: "999999") { __typename } }',
        variables: {},
        allowed: EDITORS,
      },
      {
        name: 'reportWorkItemProgress',
        document: REPORT,
        variables: { i: trafficItemId, input: { progress: 10 } },
        allowed: [...EDITORS, Role.liaison],
      },
      {
        name: 'workItemUpdates',
        document: 'query($i: ID!) { workItemUpdates(workItemId: $i) { id } }',
        variables: { i: trafficItemId },
        allowed: EVERYONE,
      },
      {
        name: 'workPlanSummary',
        document: 'query($c: ID!) { workPlanSummary(campaignId: $c) { overall { total } } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'bulletins',
        document: 'query($c: ID!) { bulletins(campaignId: $c) { totalItems } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'createBulletin',
        document: CREATE_BULLETIN,
        variables: { c: campaignId, input: { title: '工作信息', body: '内容' } },
        allowed: EDITORS,
      },
      {
        name: 'updateBulletin',
        document: 'mutation { updateBulletin(id: "999999", input: { title: "t", body: "b" }) { __typename } }',
        variables: {},
        allowed: EDITORS,
      },
      {
        name: 'sendBulletin',
        document: 'mutation { sendBulletin(id: "999999") { __typename } }',
        variables: {},
        allowed: EDITORS,
      },
      {
        name: 'deleteBulletin',
        document: 'mutation { deleteBulletin(id: "999999") { __typename } }',
        variables: {},
        allowed: EDITORS,
      },
      {
        name: 'participation',
        document: 'query($c: ID!) { participation(campaignId: $c) { ballots } }',
        variables: { c: campaignId },
        allowed: [...EDITORS, Role.leader],
      },
      {
        name: 'opinions',
        document: 'query($c: ID!) { opinions(campaignId: $c) { totalItems } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'reviewOpinion',
        document:
          'mutation { reviewOpinion(id: "00000000-0000-4000-8000-000000000000", status: verified) { __typename } }',
        variables: {},
        allowed: EDITORS,
      },
      {
        name: 'standings',
        document: 'query($c: ID!) { standings(campaignId: $c) { ratingCount } }',
        variables: { c: campaignId },
        allowed: [...EDITORS, Role.leader],
      },
      {
        name: 'previewStandings',
        document: 'query($c: ID!, $p: String!) { previewStandings(campaignId: $c, policyJson: $p) { __typename } }',
        variables: { c: campaignId, p: JSON.stringify(POLICY) },
        allowed: EDITORS,
      },
      {
        name: 'breakdown',
        document: 'query($c: ID!) { breakdown(campaignId: $c) { smallCellK } }',
        variables: { c: campaignId },
        allowed: [...EDITORS, Role.leader, Role.liaison],
      },
      { name: 'scoringStrategies', document: '{ scoringStrategies { code } }', variables: {}, allowed: EVERYONE },
      {
        name: 'publishResults',
        document: 'mutation($c: ID!) { publishResults(campaignId: $c) { __typename } }',
        variables: { c: campaignId },
        allowed: EDITORS,
      },
      {
        name: 'publishedResults',
        document: 'query($c: ID!) { publishedResults(campaignId: $c) { id } }',
        variables: { c: campaignId },
        allowed: EVERYONE,
      },
      {
        name: 'compareWithPrevious',
        document: 'query($c: ID!) { compareWithPrevious(campaignId: $c) { currentSource } }',
        variables: { c: campaignId },
        allowed: [...EDITORS, Role.leader],
      },
    ];

    it('checks every operation of these modules for every caller', async () => {
      const wrong: string[] = [];
      for (const op of surface()) {
        for (const caller of CALLERS) {
          const response = await server.gql(op.document, op.variables, tokens.get(caller));
          const code = codeOf(response);
          const allowed = caller !== 'anonymous' && op.allowed.includes(caller);
          const expected = allowed ? 'not refused' : caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
          const got = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : 'not refused';
          if (got !== expected)
            wrong.push(
              `${op.name} as ${caller}: expected ${expected}, got ${code ?? JSON.stringify(response.data).slice(0, 120)}`,
            );
          if (!allowed)
            expect(response.data === null || Object.values(response.data).every((value) => value === null)).toBe(true);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('campaign arguments', () => {
    it.each([
      [
        'a policy that is not JSON',
        { policyJson: '{ nope' },
        'InvalidPolicyError',
        'input.policyJson',
        /not valid JSON/,
      ],
      [
        'an unknown strategy',
        { policyJson: JSON.stringify({ ...POLICY, strategy: { code: 'coin-toss' } }) },
        'InvalidPolicyError',
        'input.policyJson.strategy.code',
        /unknown scoring strategy "coin-toss"/,
      ],
      [
        'a bad strategy argument',
        { policyJson: JSON.stringify({ ...POLICY, strategy: { code: 'trimmed-mean', args: { trim: 0.9 } } }) },
        'InvalidPolicyError',
        'input.policyJson.strategy.args.trim',
        /./,
      ],
      [
        'policy groups missing one',
        { policyJson: JSON.stringify({ ...POLICY, groups: POLICY.groups.slice(1) }) },
        'InvalidPolicyError',
        'input.policyJson.groups',
        /no weight for the evaluator group\(s\) residents/,
      ],
      [
        'a level without points',
        { policyJson: JSON.stringify({ ...POLICY, scale: [{ code: 'good', points: 'many' }] }) },
        'InvalidPolicyError',
        'input.policyJson.scale[0].points',
        /finite number or null/,
      ],
      [
        'overlapping phases',
        {
          phases: [
            { code: 'a', label: 'A', start: '2026-01-01', end: '2026-02-10' },
            { code: 'b', label: 'B', start: '2026-02-01', end: '2026-03-01' },
          ],
          year: 2026,
        },
        'InvalidCalendarError',
        'input.phases[1].start',
        /overlapping phase "a" \(A\)/,
      ],
      [
        'a year not matching the phases',
        { year: 2001 },
        'InvalidArgumentError',
        'input.year',
        /the year the first phase starts/,
      ],
      ['a blank name', { name: '  ' }, 'InvalidArgumentError', 'input.name', /1 to 200 characters/],
      [
        'a negative quota',
        { evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: -1 }] },
        'InvalidArgumentError',
        'input.evaluatorGroups[0].quota',
        /between 1 and/,
      ],
    ])('refuses %s, naming the field', async (_name, change, typename, path, message) => {
      const { data } = await server.gql(CREATE_CAMPAIGN, { input: campaignInput('mobilization', change) }, admin);
      expect(data.createCampaign).toMatchObject({ __typename: typename, path });
      expect(data.createCampaign.message).toMatch(message);
      expect(data.createCampaign.message.startsWith(`${path}: `)).toBe(true);
    });

    it('refuses a second campaign for the same year', async () => {
      const { data } = await server.gql(CREATE_CAMPAIGN, { input: campaignInput('mobilization') }, admin);
      expect(data.createCampaign).toMatchObject({
        __typename: 'CampaignYearTakenError',
        errorCode: 'CAMPAIGN_YEAR_TAKEN',
        path: 'input.year',
      });
    });

    it("reads the campaign back with its calendar, scale, weights and today's phase", async () => {
      const { data } = await server.gql(
        'query($c: ID!) { campaign(id: $c) { year timeZone phases { code } currentPhase { code } openActions scale { code points } strategyCode evaluatorGroups { code quota weight } objectives { number title } } }',
        { c: campaignId },
        tokens.get(Role.leader),
      );
      expect(data.campaign).toMatchObject({
        timeZone: 'Asia/Shanghai',
        currentPhase: { code: 'mobilization' },
        strategyCode: 'group-weighted-mean',
      });
      expect(data.campaign.openActions).toContain('fileUnitPlan');
      expect(data.campaign.scale.map((l: { code: string }) => l.code)).toEqual([
        'satisfied',
        'fairlySatisfied',
        'basicallySatisfied',
        'notVerySatisfied',
        'dissatisfied',
        'unknown',
      ]);
      expect(data.campaign.evaluatorGroups).toEqual([
        { code: 'residents', quota: 300, weight: 3 },
        { code: 'enterpriseRepresentatives', quota: 100, weight: 1 },
        { code: 'supervisorsAndJournalists', quota: 40, weight: 1 },
      ]);
    });
  });

  describe('another bureau', () => {
    let other: string;
    beforeAll(async () => {
      other = (await server.createBureau('content-other')).adminToken;
    });

    it("neither sees nor changes this bureau's campaign and its content", async () => {
      expect(
        (await server.gql('query($c: ID!) { campaign(id: $c) { id } }', { c: campaignId }, other)).data.campaign,
      ).toBeNull();
      expect((await server.gql('{ campaigns { totalItems } }', {}, other)).data.campaigns.totalItems).toBe(0);
      expect(
        (await server.gql(UPDATE_CAMPAIGN, { id: campaignId, input: { name: 'hacked' } }, other)).data.updateCampaign,
      ).toMatchObject({ __typename: 'NotFoundError', path: 'id' });
      expect((await server.gql(SET_UNITS, { c: campaignId, units: [] }, other)).data.setUnits).toMatchObject({
        __typename: 'NotFoundError',
        path: 'campaignId',
      });
      for (const query of [
        'query($c: ID!) { workItems(campaignId: $c) { totalItems } }',
        'query($c: ID!) { standings(campaignId: $c) { ratingCount } }',
        'query($c: ID!) { units(campaignId: $c) { code } }',
      ]) {
        const response = await server.gql(query, { c: campaignId }, other);
        expect(codeOf(response), query).toBe('NOT_FOUND');
      }
      expect(codeOf(await server.gql('query($i: ID!) { workItem(id: $i) { id } }', { i: trafficItemId }, other))).toBe(
        'NOT_FOUND',
      );
      expect(
        (await server.gql(REPORT, { i: trafficItemId, input: { progress: 50 } }, other)).data.reportWorkItemProgress
          .__typename,
      ).toBe('NotFoundError');
      // and this bureau does not see the other's
      const own = await createCampaign(server, other, 'implementation');
      expect(
        (await server.gql('query($c: ID!) { campaign(id: $c) { id } }', { c: own }, admin)).data.campaign,
      ).toBeNull();
    });
  });

  describe('organization', () => {
    it('lists the unit tree in order', async () => {
      const { data } = await server.gql(
        'query($c: ID!) { units(campaignId: $c) { code parentCode appraised } }',
        { c: campaignId },
        tokens.get(Role.inspector),
      );
      expect(data.units.map((u: { code: string }) => u.code)).toEqual(UNITS.map((u) => u.code));
    });

    it.each([
      [
        'a cycle',
        [
          { code: 'a', name: '甲', parentCode: 'b', appraised: true },
          { code: 'b', name: '乙', parentCode: 'a', appraised: true },
        ],
        'InvalidUnitTreeError',
        'units[0].parentCode',
        /its own ancestor: a → b → a/,
      ],
      [
        'an unknown parent',
        [{ code: 'a', name: '甲', parentCode: 'zz', appraised: true }],
        'InvalidUnitTreeError',
        'units[0].parentCode',
        /names parent "zz"/,
      ],
      [
        'a bad code',
        [{ code: 'two words', name: '甲', appraised: true }],
        'InvalidArgumentError',
        'units[0].code',
        /letters, digits/,
      ],
    ])('refuses %s, naming the unit', async (_name, units, typename, path, message) => {
      const { data } = await server.gql(SET_UNITS, { c: campaignId, units }, admin);
      expect(data.setUnits).toMatchObject({ __typename: typename, path });
      expect(data.setUnits.message).toMatch(message);
    });

    it('keeps a unit that leads a work item (IN_USE)', async () => {
      const { data } = await server.gql(
        SET_UNITS,
        { c: campaignId, units: UNITS.filter((u) => u.code !== 'traffic-police') },
        admin,
      );
      expect(data.setUnits).toMatchObject({ __typename: 'InUseError', path: 'units' });
      expect(data.setUnits.message).toMatch(
        /unit 交警支队 \(traffic-police\) is still used by .*\b1 work item lead unit\b.*; it cannot be removed/,
      );
    });

    it('sets the leading group: exactly one leader', async () => {
      const none = await server.gql(
        SET_LEADING_GROUP,
        { c: campaignId, input: { seats: [{ role: 'member', position: '其他党委委员' }] } },
        admin,
      );
      expect(none.data.setLeadingGroup).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.seats' });
      expect(none.data.setLeadingGroup.message).toMatch(/exactly one leader \(组长\), found 0/);
      const seats = [
        { role: 'leader', name: '王惠敏', position: '市委常委、局长' },
        { role: 'deputyLeader', name: '贺富昌', position: '市局党委副书记、副局长' },
        { role: 'member', position: '其他党委委员' },
      ];
      expect(
        (await server.gql(SET_LEADING_GROUP, { c: campaignId, input: { seats } }, admin)).data.setLeadingGroup
          .__typename,
      ).toBe('LeadingGroup');
      const read = await server.gql(
        'query($c: ID!) { leadingGroup(campaignId: $c) { role name position } }',
        { c: campaignId },
        tokens.get(Role.liaison),
      );
      expect(read.data.leadingGroup).toEqual(seats.map((seat) => ({ name: null, ...seat })));
    });
  });

  describe('unit plans (mobilization)', () => {
    it("lets a liaison file their own unit's plan, and no other", async () => {
      const liaison = tokens.get(Role.liaison);
      const own = await server.gql(
        FILE_PLAN,
        { c: campaignId, input: { unitCode: 'traffic-police', title: '交警支队工作方案', body: '成立领导小组。' } },
        liaison,
      );
      expect(own.data.fileUnitPlan).toMatchObject({
        __typename: 'UnitPlan',
        unitCode: 'traffic-police',
        revision: expect.any(Number),
      });
      const again = await server.gql(
        FILE_PLAN,
        {
          c: campaignId,
          input: { unitCode: 'traffic-police', title: '交警支队工作方案（修订）', body: '成立领导小组。' },
        },
        liaison,
      );
      expect(again.data.fileUnitPlan.revision).toBe(own.data.fileUnitPlan.revision + 1);
      const other = await server.gql(
        FILE_PLAN,
        { c: campaignId, input: { unitCode: 'legal-affairs', title: '法制处方案', body: '…' } },
        liaison,
      );
      expect(codeOf(other)).toBe('FORBIDDEN');
      expect(other.errors?.[0]?.extensions?.field).toBe('input.unitCode');
      await server.gql(
        FILE_PLAN,
        { c: campaignId, input: { unitCode: 'legal-affairs', title: '法制处方案', body: '依法办案。' } },
        admin,
      );
      const seen = await server.gql(
        'query($c: ID!) { unitPlans(campaignId: $c) { unitCode } }',
        { c: campaignId },
        liaison,
      );
      expect(seen.data.unitPlans).toEqual([{ unitCode: 'traffic-police' }]);
      const all = await server.gql(
        'query($c: ID!) { unitPlans(campaignId: $c) { unitCode } }',
        { c: campaignId },
        tokens.get(Role.leader),
      );
      expect(all.data.unitPlans.map((p: { unitCode: string }) => p.unitCode)).toEqual([
        'legal-affairs',
        'traffic-police',
      ]);
    });

    it('refuses an unknown unit, naming the field', async () => {
      const { data } = await server.gql(
        FILE_PLAN,
        { c: campaignId, input: { unitCode: 'nowhere', title: 't', body: 'b' } },
        admin,
      );
      expect(data.fileUnitPlan).toMatchObject({ __typename: 'UnknownUnitError', path: 'input.unitCode' });
    });

    it('refuses progress reports in mobilization, naming the implementation window', async () => {
      const { data } = await server.gql(REPORT, { i: trafficItemId, input: { progress: 30 } }, admin);
      const window = (await phases())[1] as { start: string; end: string };
      expect(data.reportWorkItemProgress).toMatchObject({ __typename: 'PhaseClosedError', errorCode: 'PHASE_CLOSED' });
      expect(data.reportWorkItemProgress.message).toContain(`组织实施 implementation ${window.start} to ${window.end}`);
    });
  });

  describe('work plan (implementation)', () => {
    beforeAll(async () => {
      await moveTo(server, admin, campaignId, 'implementation');
      await server.gql(
        CREATE_ITEM,
        {
          c: campaignId,
          input: { themeCode: 'social-stability', number: 1, text: '', elided: true, leadUnitCodes: [] },
        },
        admin,
      );
      await server.gql(
        CREATE_ITEM,
        {
          c: campaignId,
          input: {
            themeCode: 'social-stability',
            number: 5,
            text: '深化巡卡防控机制。',
            leadUnitCodes: ['public-order', 'traffic-police'],
          },
        },
        admin,
      );
      await server.gql(
        CREATE_ITEM,
        {
          c: campaignId,
          input: { themeCode: 'police-image', number: 2, text: '严格依法办案。', leadUnitCodes: ['legal-affairs'] },
        },
        admin,
      );
    });

    it('refuses filing unit plans after mobilization, naming the window', async () => {
      const { data } = await server.gql(
        FILE_PLAN,
        { c: campaignId, input: { unitCode: 'traffic-police', title: 't', body: 'b' } },
        admin,
      );
      const window = (await phases())[0] as { start: string; end: string };
      expect(data.fileUnitPlan.__typename).toBe('PhaseClosedError');
      expect(data.fileUnitPlan.message).toContain(`动员部署 mobilization ${window.start} to ${window.end}`);
    });

    it.each([
      [
        'a lead unit that is not a unit',
        { themeCode: 'police-image', number: 7, text: 't', leadUnitCodes: ['nowhere'] },
        'UnknownUnitError',
        'input.leadUnitCodes[0]',
      ],
      [
        'an unknown theme',
        { themeCode: 'theme-9', number: 1, text: 't', leadUnitCodes: ['traffic-police'] },
        'InvalidArgumentError',
        'input.themeCode',
      ],
      [
        'text missing on an item that is not elided',
        { themeCode: 'police-image', number: 8, text: '', leadUnitCodes: ['traffic-police'] },
        'InvalidArgumentError',
        'input.text',
      ],
      [
        'no lead unit',
        { themeCode: 'police-image', number: 9, text: 't', leadUnitCodes: [] },
        'InvalidArgumentError',
        'input.leadUnitCodes',
      ],
      [
        'a lead unit twice',
        { themeCode: 'police-image', number: 9, text: 't', leadUnitCodes: ['legal-affairs', 'legal-affairs'] },
        'InvalidArgumentError',
        'input.leadUnitCodes',
      ],
      [
        'a number taken in the theme',
        { themeCode: 'social-stability', number: 5, text: 't', leadUnitCodes: ['legal-affairs'] },
        'InvalidArgumentError',
        'input.number',
      ],
    ])('refuses %s, naming the field', async (_name, input, typename, path) => {
      const { data } = await server.gql(CREATE_ITEM, { c: campaignId, input }, admin);
      expect(data.createWorkItem).toMatchObject({ __typename: typename, path });
    });

    it('lists items with theme and lead units in printed order, filtered, in at most 3 statements per page', async () => {
      server.sql.reset();
      const { data } = await server.gql(
        `query($c: ID!) { workItems(campaignId: $c, options: { take: 10 }) { totalItems items { number elided theme { code } leadUnits { code name } } } }`,
        { c: campaignId },
        tokens.get(Role.leader),
      );
      const itemStatements = server.sql.statements.filter((s) => /work_item/.test(s.sql));
      expect(itemStatements.length).toBeLessThanOrEqual(3);
      expect(data.workItems.totalItems).toBe(4);
      expect(
        data.workItems.items.map((i: { theme: { code: string }; number: number }) => `${i.theme.code} ${i.number}`),
      ).toEqual(['social-stability 1', 'social-stability 4', 'social-stability 5', 'police-image 2']);
      expect(data.workItems.items[2].leadUnits.map((u: { code: string }) => u.code)).toEqual([
        'public-order',
        'traffic-police',
      ]);
      expect(data.workItems.items[0]).toMatchObject({ elided: true, leadUnits: [] });
      const led = await server.gql(
        'query($c: ID!) { workItems(campaignId: $c, filter: { leadUnitCode: "public-order" }) { items { number } } }',
        { c: campaignId },
        admin,
      );
      expect(led.data.workItems.items).toEqual([{ number: 5 }]);
      const bad = await server.gql(
        'query($c: ID!) { workItems(campaignId: $c, filter: { minProgress: 101 }) { totalItems } }',
        { c: campaignId },
        admin,
      );
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'filter.minProgress' });
    });

    it('confines a liaison to the items their unit leads, for reads and reports', async () => {
      const liaison = tokens.get(Role.liaison);
      const { data } = await server.gql(
        'query($c: ID!) { workItems(campaignId: $c) { totalItems items { number } } }',
        { c: campaignId },
        liaison,
      );
      expect(data.workItems.items.map((i: { number: number }) => i.number)).toEqual([4, 5]);
      const legal = await server.gql(
        'query($c: ID!) { workItems(campaignId: $c, filter: { themeCode: "police-image" }) { items { id } } }',
        { c: campaignId },
        admin,
      );
      const legalId = legal.data.workItems.items[0].id;
      expect(codeOf(await server.gql('query($i: ID!) { workItem(id: $i) { id } }', { i: legalId }, liaison))).toBe(
        'FORBIDDEN',
      );
      const report = await server.gql(REPORT, { i: legalId, input: { progress: 20 } }, liaison);
      expect(codeOf(report)).toBe('FORBIDDEN');
      expect(report.errors?.[0]?.extensions?.field).toBe('workItemId');
      const ownReport = await server.gql(
        REPORT,
        { i: trafficItemId, input: { progress: 40, note: '完成调研' } },
        liaison,
      );
      expect(ownReport.data.reportWorkItemProgress).toMatchObject({
        __typename: 'WorkItemUpdate',
        progress: 40,
        unitCode: 'traffic-police',
      });
      const asOther = await server.gql(
        REPORT,
        { i: trafficItemId, input: { progress: 45, unitCode: 'public-order' } },
        liaison,
      );
      expect(asOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.unitCode' });
    });

    it.each([
      ['progress going down without a note', { progress: 10 }, 'input.note', /goes down from 40 to 10/],
      ['a date in the future', { progress: 60, date: '2999-01-01' }, 'input.date', /after today/],
      ['progress above 100', { progress: 101 }, 'input.progress', /at most 100/],
    ])("refuses %s (the domain's progress rules), naming the field", async (_name, input, path, message) => {
      const { data } = await server.gql(REPORT, { i: trafficItemId, input }, admin);
      expect(data.reportWorkItemProgress).toMatchObject({
        __typename: 'InvalidProgressError',
        errorCode: 'INVALID_PROGRESS',
        path,
      });
      expect(data.reportWorkItemProgress.message).toMatch(message);
    });

    it('keeps the history and sums up progress per lead unit', async () => {
      await server.gql(REPORT, { i: trafficItemId, input: { progress: 100 } }, tokens.get(Role.office));
      const history = await server.gql(
        'query($i: ID!) { workItemUpdates(workItemId: $i) { progress note reportedBy } }',
        { i: trafficItemId },
        tokens.get(Role.inspector),
      );
      expect(history.data.workItemUpdates.map((u: { progress: number }) => u.progress)).toEqual([40, 100]);
      const summary = await server.gql(
        'query($c: ID!) { workPlanSummary(campaignId: $c) { overall { total completed notStarted } byLeadUnit { unitCode total completed } } }',
        { c: campaignId },
        admin,
      );
      expect(summary.data.workPlanSummary.overall).toEqual({ total: 4, completed: 1, notStarted: 3 });
      expect(summary.data.workPlanSummary.byLeadUnit).toContainEqual({
        unitCode: 'traffic-police',
        total: 2,
        completed: 1,
      });
      expect(
        (await server.gql('mutation($i: ID!) { deleteWorkItem(id: $i) { __typename } }', { i: trafficItemId }, admin))
          .data.deleteWorkItem.__typename,
      ).toBe('InUseError');
    });
  });

  describe('bulletins', () => {
    it('drafts, sends and then freezes a bulletin; others see only sent ones', async () => {
      const draft = await server.gql(
        CREATE_BULLETIN,
        { c: campaignId, input: { title: '动员部署会议召开', body: '市局召开动员部署会议。' } },
        tokens.get(Role.office),
      );
      expect(draft.data.createBulletin).toMatchObject({
        __typename: 'Bulletin',
        status: 'draft',
        recipient: '市评议办公室',
      });
      const id = draft.data.createBulletin.id;
      const liaisonView = () =>
        server.gql(
          'query($c: ID!) { bulletins(campaignId: $c) { items { id status } } }',
          { c: campaignId },
          tokens.get(Role.liaison),
        );
      expect((await liaisonView()).data.bulletins.items).toEqual([]);
      const sent = await server.gql(
        'mutation($i: ID!) { sendBulletin(id: $i) { __typename ... on Bulletin { status sentAt sentBy } } }',
        { i: id },
        admin,
      );
      expect(sent.data.sendBulletin).toMatchObject({ __typename: 'Bulletin', status: 'sent', sentBy: 'admin' });
      expect((await liaisonView()).data.bulletins.items).toEqual([{ id, status: 'sent' }]);
      const edit = await server.gql(
        'mutation($i: ID!) { updateBulletin(id: $i, input: { title: "改", body: "改" }) { __typename ... on ErrorResult { errorCode } } }',
        { i: id },
        admin,
      );
      expect(edit.data.updateBulletin).toEqual({ __typename: 'AlreadySentError', errorCode: 'ALREADY_SENT' });
      const blank = await server.gql(CREATE_BULLETIN, { c: campaignId, input: { title: '', body: 'x' } }, admin);
      expect(blank.data.createBulletin).toMatchObject({ __typename: 'InvalidArgumentError', path: 'input.title' });
    });
  });

  async function phases(): Promise<{ code: string; start: string; end: string }[]> {
    return (
      await server.gql('query($c: ID!) { campaign(id: $c) { phases { code start end } } }', { c: campaignId }, admin)
    ).data.campaign.phases;
  }
}

const SET_LEADING_GROUP = `mutation($c: ID!, $input: LeadingGroupInput!) {
  setLeadingGroup(campaignId: $c, input: $input) { __typename ... on ErrorResult { errorCode message path } }
}`;
const FILE_PLAN = `mutation($c: ID!, $input: FileUnitPlanInput!) {
  fileUnitPlan(campaignId: $c, input: $input) { __typename ... on UnitPlan { unitCode revision } ... on ErrorResult { errorCode message path } }
}`;
const CREATE_ITEM = `mutation($c: ID!, $input: WorkItemInput!) {
  createWorkItem(campaignId: $c, input: $input) { __typename ... on WorkItem { id number } ... on ErrorResult { errorCode message path } }
}`;
const UPDATE_ITEM = `mutation($i: ID!, $input: WorkItemInput!) {
  updateWorkItem(id: $i, input: $input) { __typename ... on ErrorResult { errorCode message path } }
}`;
const REPORT = `mutation($i: ID!, $input: ReportProgressInput!) {
  reportWorkItemProgress(workItemId: $i, input: $input) { __typename ... on WorkItemUpdate { progress unitCode } ... on ErrorResult { errorCode message path } }
}`;
const CREATE_BULLETIN = `mutation($c: ID!, $input: BulletinInput!) {
  createBulletin(campaignId: $c, input: $input) { __typename ... on Bulletin { id status recipient } ... on ErrorResult { errorCode message path } }
}`;
