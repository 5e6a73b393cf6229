import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, RECTIFICATION_NOW, startRectificationServer } from './support/rectification-campaign';
import { TestClock } from './support/test-clock';
import { insertItems } from './support/rectification-fixtures';

const CREATE_POLICY = `mutation($input: CreatePolicyActionInput!) {
  createPolicyAction(input: $input) { __typename ... on PolicyAction { id state itemIds unitCode } ... on ErrorResult { errorCode message path } }
}`;
const POLICY_STEP = `mutation($id: ID!) {
  adopt: adoptPolicyAction(id: $id) { __typename ... on PolicyAction { state adoptedOn version } ... on ErrorResult { errorCode message path } }
}`;
const POLICIES = `query($c: ID!) { policyActions(campaignId: $c) { totalItems items { id title unitCode } } }`;
const RECORD = `mutation($input: RecordInspectionInput!) {
  recordInspection(input: $input) { __typename ... on Inspection { id kind focusAreas findings { id focusArea text items { id } } } ... on ErrorResult { errorCode message path } }
}`;
const INSPECTION = `query($id: ID!) { inspection(id: $id) { id unitCode findings { id items { id unitCode title source } } } }`;
const INSPECTIONS = `query($c: ID!, $f: InspectionFilter) { inspections(campaignId: $c, filter: $f) { totalItems items { id unitCode findings { id items { id } } } } }`;
const FROM_FINDING = `mutation($f: ID!) {
  openRectificationItemFromFinding(findingId: $f) { __typename ... on RectificationItem { id unitCode title source state } ... on ErrorResult { errorCode message path } }
}`;
const OPEN = `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on ErrorResult { errorCode path } } }`;
const NOTICE = `mutation($input: IssueCriticismNoticeInput!) {
  issueCriticismNotice(input: $input) { __typename ... on CriticismNotice { id unitCode issuedOn issuedBy inspectionId } ... on ErrorResult { errorCode message path } }
}`;
const ACCOUNTABILITY = `mutation($input: RecordAccountabilityInput!) {
  recordAccountability(input: $input) { __typename ... on AccountabilityRecord { id decidedOn noticeId } ... on ErrorResult { errorCode message path } }
}`;
const NOTICES = `query($c: ID!) { criticismNotices(campaignId: $c) { totalItems items { id unitCode } } accountabilityRecords(campaignId: $c) { totalItems items { id person } } }`;
const INBOX = `{ inbox { notifications { items { reason subjectId message } } } }`;

function supervisionSuite(database: TestDatabase): void {
  let app: TestServer;
  let clock: TestClock;
  let campaignId: string;
  let office: string;
  let inspector: string;

  beforeAll(async () => {
    clock = new TestClock(RECTIFICATION_NOW);
    app = await startRectificationServer(database, clock);
    campaignId = await createCampaign(app);
    office = await app.loginAs(Role.office);
    inspector = await app.loginAs(Role.inspector);
  });
  afterAll(() => app?.close());

  describe('policy actions (建章立制)', () => {
    it('drafts a rule linked to the items that prompted it, adopts it once, and refuses steps a state does not allow', async () => {
      const items = (
        await insertItems(app, [
          { campaignId, unitCode: 'unit-a', state: 'accepted' },
          { campaignId, unitCode: 'unit-a', state: 'inProgress' },
        ])
      ).map(String);
      const created = (
        await app.gqlData(
          CREATE_POLICY,
          {
            input: {
              campaignId,
              kind: 'add',
              title: '窗口服务首问责任制',
              text: '第一条……',
              unitCode: 'unit-a',
              itemIds: items,
            },
          },
          office,
        )
      ).createPolicyAction;
      expect(created).toMatchObject({
        __typename: 'PolicyAction',
        state: 'drafted',
        itemIds: items,
        unitCode: 'unit-a',
      });
      const adopted = (await app.gqlData(POLICY_STEP, { id: created.id }, office)).adopt;
      expect(adopted).toEqual({ __typename: 'PolicyAction', state: 'adopted', adoptedOn: '2026-12-01', version: 2 });
      const again = (await app.gqlData(POLICY_STEP, { id: created.id }, office)).adopt;
      expect(again).toMatchObject({ __typename: 'PolicyActionStateError', errorCode: 'POLICY_ACTION_STATE' });
      expect(again.message).toContain('adopt (通过) is allowed only when the policy action is drafted; it is adopted');
      const edit = await app.gqlData(
        `mutation($id: ID!) { updatePolicyAction(id: $id, input: { title: "改" }) { __typename } }`,
        { id: created.id },
        office,
      );
      expect(edit.updatePolicyAction.__typename).toBe('PolicyActionStateError');
      const detail = await app.gqlData(
        `query($id: ID!) { policyAction(id: $id) { title items { id } } }`,
        { id: created.id },
        await app.loginAs(Role.leader),
      );
      expect(detail.policyAction).toEqual({ title: '窗口服务首问责任制', items: items.map((id) => ({ id })) });
    });

    it('withdraws a draft, and names an unknown linked item', async () => {
      const draft = (
        await app.gqlData(
          CREATE_POLICY,
          { input: { campaignId, kind: 'abolish', title: '废止旧规定', text: '……' } },
          office,
        )
      ).createPolicyAction;
      const withdrawn = await app.gqlData(
        `mutation($id: ID!) { withdrawPolicyAction(id: $id, reason: "并入新规定") { ... on PolicyAction { state withdrawnReason } } }`,
        { id: draft.id },
        office,
      );
      expect(withdrawn.withdrawPolicyAction).toEqual({ state: 'withdrawn', withdrawnReason: '并入新规定' });
      const [item] = await insertItems(app, [{ campaignId, unitCode: 'unit-a', state: 'accepted' }]);
      const unknown = (
        await app.gqlData(
          CREATE_POLICY,
          { input: { campaignId, kind: 'add', title: 't', text: 'x', itemIds: [String(item), '999999'] } },
          office,
        )
      ).createPolicyAction;
      expect(unknown).toMatchObject({ errorCode: 'NOT_FOUND', path: 'input.itemIds[1]' });
    });

    it("shows a liaison their unit's and the bureau-wide rules, and lets only the office write", async () => {
      await app.gqlData(
        CREATE_POLICY,
        { input: { campaignId, kind: 'promote', title: 'unit-b 的经验', text: '……', unitCode: 'unit-b' } },
        office,
      );
      const seen = (await app.gqlData(POLICIES, { c: campaignId }, await app.loginAs(Role.liaison, 'unit-a')))
        .policyActions.items as {
        unitCode: string | null;
      }[];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((p) => p.unitCode === null || p.unitCode === 'unit-a')).toBe(true);
      for (const token of [await app.loginAs(Role.leader), await app.loginAs(Role.liaison, 'unit-a'), inspector]) {
        const refused = await app.gql(
          CREATE_POLICY,
          { input: { campaignId, kind: 'add', title: 't', text: 'x' } },
          token,
        );
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('inspections (明查暗访)', () => {
    let inspectionId: string;
    let findingIds: string[];

    it('records a covert inspection with its focus areas and findings, and tells the unit', async () => {
      const recorded = (
        await app.gqlData(
          RECORD,
          {
            input: {
              campaignId,
              kind: 'covert',
              date: '2026-11-28',
              unitCode: 'unit-a',
              focusAreas: ['serviceAttitude', 'efficiency'],
              summary: '暗访窗口',
              inspectors: '纪委 李',
              findings: [
                { focusArea: 'serviceAttitude', text: '窗口人员态度生硬' },
                { focusArea: 'efficiency', text: '办证等候超过一小时' },
              ],
            },
          },
          inspector,
        )
      ).recordInspection;
      expect(recorded).toMatchObject({
        __typename: 'Inspection',
        kind: 'covert',
        focusAreas: ['serviceAttitude', 'efficiency'],
      });
      expect(recorded.findings.map((f: { focusArea: string }) => f.focusArea)).toEqual([
        'serviceAttitude',
        'efficiency',
      ]);
      inspectionId = recorded.id;
      findingIds = recorded.findings.map((f: { id: string }) => f.id);
      const inbox = (await app.gqlData(INBOX, {}, await app.loginAs(Role.liaison, 'unit-a'))).inbox.notifications.items;
      expect(inbox).toContainEqual({
        reason: 'recordInspection',
        subjectId: inspectionId,
        message: '暗访：2026-11-28 单位 unit-a，发现问题 2 条',
      });
    });

    it.each([
      [{ focusAreas: ['safety', 'gossip'] }, 'input.focusAreas[1]'],
      [{ findings: [{ focusArea: 'conduct', text: 'x' }] }, 'input.findings[0].focusArea'],
      [{ date: '2026-12-02' }, 'input.date'],
      [{ date: '2026-02-30' }, 'input.date'],
      [{ focusAreas: [] }, 'input.focusAreas'],
      [{ unitCode: 'unit-zzz' }, 'input.unitCode', 'UNKNOWN_UNIT'],
    ])('refuses %j, naming %s', async (change, path, errorCode = 'INVALID_ARGUMENT') => {
      const input = {
        campaignId,
        kind: 'open',
        date: '2026-11-28',
        unitCode: 'unit-a',
        focusAreas: ['safety'],
        summary: 's',
        ...change,
      };
      expect((await app.gqlData(RECORD, { input }, inspector)).recordInspection).toMatchObject({ errorCode, path });
    });

    it('opens rectification items from a finding, linked to it both ways', async () => {
      const opened = (await app.gqlData(FROM_FINDING, { f: findingIds[1] }, inspector))
        .openRectificationItemFromFinding;
      expect(opened).toMatchObject({
        __typename: 'RectificationItem',
        unitCode: 'unit-a',
        title: '办证等候超过一小时',
        source: '暗访 2026-11-28 unit-a',
        state: 'identified',
      });
      const detail = (await app.gqlData(INSPECTION, { id: inspectionId }, office)).inspection;
      expect(detail.findings).toEqual([
        { id: findingIds[0], items: [] },
        {
          id: findingIds[1],
          items: [{ id: opened.id, unitCode: 'unit-a', title: '办证等候超过一小时', source: '暗访 2026-11-28 unit-a' }],
        },
      ]);
      const sources = await app.gqlData(
        `query($id: ID!) { rectificationItem(id: $id) { sources { sourceType sourceId } } }`,
        { id: opened.id },
        office,
      );
      expect(sources.rectificationItem.sources).toEqual([{ sourceType: 'inspectionFinding', sourceId: findingIds[1] }]);
      const unknown = await app.gqlData(
        OPEN,
        {
          input: { campaignId, unitCode: 'unit-a', title: 'x', sources: [{ type: 'inspectionFinding', id: '999999' }] },
        },
        office,
      );
      expect(unknown.openRectificationItem).toMatchObject({ errorCode: 'NOT_FOUND', path: 'input.sources[0].id' });
      expect(
        (await app.gqlData(FROM_FINDING, { f: '999999' }, inspector)).openRectificationItemFromFinding,
      ).toMatchObject({
        errorCode: 'NOT_FOUND',
        path: 'findingId',
      });
    });

    it("shows a unit's inspections to its liaison only, and filters by focus area", async () => {
      const own = (await app.gqlData(INSPECTIONS, { c: campaignId }, await app.loginAs(Role.liaison, 'unit-a')))
        .inspections;
      expect(own.items.map((i: { id: string }) => i.id)).toEqual([inspectionId]);
      expect(
        (await app.gqlData(INSPECTIONS, { c: campaignId }, await app.loginAs(Role.liaison, 'unit-b'))).inspections
          .totalItems,
      ).toBe(0);
      expect(
        (await app.gqlData(INSPECTION, { id: inspectionId }, await app.loginAs(Role.liaison, 'unit-b'))).inspection,
      ).toBeNull();
      expect(
        (await app.gqlData(INSPECTIONS, { c: campaignId, f: { focusArea: 'efficiency' } }, office)).inspections
          .totalItems,
      ).toBe(1);
      expect(
        (await app.gqlData(INSPECTIONS, { c: campaignId, f: { focusArea: 'safety' } }, office)).inspections.totalItems,
      ).toBe(0);
    });

    it('records inspections in any phase of the campaign, but not outside it', async () => {
      const input = { campaignId, kind: 'open', unitCode: 'unit-c', focusAreas: ['safety'], summary: '明查' };
      clock.set('2026-08-01T04:00:00Z');
      try {
        expect(
          (await app.gqlData(RECORD, { input: { ...input, date: '2026-08-01' } }, inspector)).recordInspection
            .__typename,
        ).toBe('Inspection');
        clock.set('2027-01-05T04:00:00Z');
        const closed = (await app.gqlData(RECORD, { input: { ...input, date: '2027-01-05' } }, inspector))
          .recordInspection;
        expect(closed.__typename).toBe('PhaseClosedError');
        expect(closed.message).toContain('outside every phase of the campaign');
      } finally {
        clock.set('2026-12-01T04:00:00Z');
      }
    });
  });

  describe('notices (通报批评) and accountability (责任追究)', () => {
    it("issues a notice and records accountability, visible to the unit concerned and not to other units' liaisons", async () => {
      const inspection = (
        await app.gqlData(
          RECORD,
          {
            input: {
              campaignId,
              kind: 'open',
              date: '2026-11-30',
              unitCode: 'unit-d',
              focusAreas: ['conduct'],
              summary: '明查',
            },
          },
          inspector,
        )
      ).recordInspection;
      const notice = (
        await app.gqlData(
          NOTICE,
          {
            input: {
              campaignId,
              unitCode: 'unit-d',
              title: '推诿不办',
              text: '经查……予以通报批评',
              inspectionId: inspection.id,
            },
          },
          inspector,
        )
      ).issueCriticismNotice;
      expect(notice).toMatchObject({
        __typename: 'CriticismNotice',
        unitCode: 'unit-d',
        issuedOn: '2026-12-01',
        inspectionId: inspection.id,
      });
      const record = (
        await app.gqlData(
          ACCOUNTABILITY,
          { input: { campaignId, unitCode: 'unit-d', person: '王某', measure: '诫勉谈话', noticeId: notice.id } },
          office,
        )
      ).recordAccountability;
      expect(record).toMatchObject({
        __typename: 'AccountabilityRecord',
        decidedOn: '2026-12-01',
        noticeId: notice.id,
      });

      const unitD = await app.loginAs(Role.liaison, 'unit-d');
      expect(await app.gqlData(NOTICES, { c: campaignId }, unitD)).toEqual({
        criticismNotices: { totalItems: 1, items: [{ id: notice.id, unitCode: 'unit-d' }] },
        accountabilityRecords: { totalItems: 1, items: [{ id: record.id, person: '王某' }] },
      });
      const reasons = ((await app.gqlData(INBOX, {}, unitD)).inbox.notifications.items as { reason: string }[]).map(
        (e) => e.reason,
      );
      expect(reasons).toEqual(expect.arrayContaining(['issueNotice', 'recordAccountability', 'recordInspection']));

      const unitA = await app.loginAs(Role.liaison, 'unit-a');
      expect(await app.gqlData(NOTICES, { c: campaignId }, unitA)).toEqual({
        criticismNotices: { totalItems: 0, items: [] },
        accountabilityRecords: { totalItems: 0, items: [] },
      });
      expect(
        (await app.gqlData(`query($id: ID!) { criticismNotice(id: $id) { id } }`, { id: notice.id }, unitA))
          .criticismNotice,
      ).toBeNull();
      const inboxA = (await app.gqlData(INBOX, {}, unitA)).inbox.notifications.items as { reason: string }[];
      expect(inboxA.some((e) => e.reason === 'issueNotice' || e.reason === 'recordAccountability')).toBe(false);
      expect(
        (await app.gqlData(NOTICES, { c: campaignId }, await app.loginAs(Role.leader))).criticismNotices.totalItems,
      ).toBe(1);
    });

    it("refuses a notice tied to another unit's inspection, a decision dated tomorrow, and writes by leaders and liaisons", async () => {
      const inspection = (
        await app.gqlData(
          RECORD,
          {
            input: {
              campaignId,
              kind: 'open',
              date: '2026-11-30',
              unitCode: 'unit-e',
              focusAreas: ['safety'],
              summary: 's',
            },
          },
          inspector,
        )
      ).recordInspection;
      const mismatch = (
        await app.gqlData(
          NOTICE,
          { input: { campaignId, unitCode: 'unit-f', title: 't', text: 'x', inspectionId: inspection.id } },
          inspector,
        )
      ).issueCriticismNotice;
      expect(mismatch).toMatchObject({ errorCode: 'NOT_FOUND', path: 'input.inspectionId' });
      const tomorrow = (
        await app.gqlData(
          ACCOUNTABILITY,
          { input: { campaignId, unitCode: 'unit-e', person: 'p', measure: 'm', decidedOn: '2026-12-02' } },
          office,
        )
      ).recordAccountability;
      expect(tomorrow).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'input.decidedOn' });
      for (const token of [await app.loginAs(Role.leader), await app.loginAs(Role.liaison, 'unit-e')]) {
        const refused = await app.gql(
          NOTICE,
          { input: { campaignId, unitCode: 'unit-e', title: 't', text: 'x' } },
          token,
        );
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('hides every supervision record from another bureau', async () => {
      const other = await app.createBureau('supervision-other');
      for (const query of [POLICIES, INSPECTIONS, NOTICES]) {
        const answer = await app.gql(query, { c: campaignId }, other.adminToken);
        expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'campaignId' });
      }
    });
  });
}

describe('supervision [sqlite]', () => supervisionSuite('sqlite'));
describeOnPostgres('supervision', () => supervisionSuite('postgres'));
