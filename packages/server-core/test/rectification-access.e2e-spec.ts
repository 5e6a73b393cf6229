import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { Opinion } from '../src/appraisal/opinion.entity';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, RECTIFICATION_NOW, startRectificationServer } from './support/rectification-campaign';
import { TestClock } from './support/test-clock';
import { insertItems, storedItem } from './support/rectification-fixtures';

const LIST = `query($c: ID!, $f: RectificationItemFilter) { rectificationItems(campaignId: $c, filter: $f, options: { take: 100 }) { totalItems items { id unitCode } } }`;
const DETAIL = `query($id: ID!) { rectificationItem(id: $id) { id unitCode } }`;
const FIRE = `mutation($id: ID!, $e: RectificationEventType!, $p: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $e, payload: $p) { __typename ... on RectificationItem { id state } ... on ErrorResult { errorCode message path } }
}`;
const OPEN = `mutation($input: OpenRectificationItemInput!) {
  openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on TransitionRefusedError { reason } ... on ErrorResult { errorCode message path } }
}`;
const DASHBOARD = `query($c: ID!) { rectificationDashboard(campaignId: $c) { overall { items } byUnit { unitCode items } } rectificationRate(campaignId: $c) { byUnit { unitCode } } }`;
const BULK = `mutation($ids: [ID!]!, $change: BulkRectificationChange!) {
  bulkRectificationUpdate(ids: $ids, change: $change) { __typename ... on RectificationBatchResult { applied } ... on BatchRejectedError { rows { row itemId errorCode field } } }
}`;

function accessSuite(database: TestDatabase): void {
  let app: TestServer;
  let clock: TestClock;
  let campaignId: string;
  let ownId: number;
  let otherId: number;

  beforeAll(async () => {
    clock = new TestClock(RECTIFICATION_NOW);
    app = await startRectificationServer(database, clock);
    campaignId = await createCampaign(app);
    [ownId, otherId] = (await insertItems(app, [
      { campaignId, unitCode: 'unit-a', state: 'inProgress' },
      { campaignId, unitCode: 'unit-b', state: 'inProgress' },
    ])) as [number, number];
  });
  afterAll(() => app?.close());

  it("confines a liaison to their unit's items: lists, filters, detail, dashboard and rate", async () => {
    const liaison = await app.loginAs(Role.liaison, 'unit-a');
    const list = await app.gqlData(LIST, { c: campaignId }, liaison);
    expect(list.rectificationItems.items).toEqual([{ id: String(ownId), unitCode: 'unit-a' }]);
    expect(
      (await app.gqlData(LIST, { c: campaignId, f: { unitCode: 'unit-b' } }, liaison)).rectificationItems.totalItems,
    ).toBe(0);
    expect((await app.gqlData(DETAIL, { id: String(otherId) }, liaison)).rectificationItem).toBeNull();
    expect((await app.gqlData(DETAIL, { id: String(ownId) }, liaison)).rectificationItem).toEqual({
      id: String(ownId),
      unitCode: 'unit-a',
    });
    const dashboard = await app.gqlData(DASHBOARD, { c: campaignId }, liaison);
    expect(dashboard.rectificationDashboard).toEqual({
      overall: { items: 1 },
      byUnit: [{ unitCode: 'unit-a', items: 1 }],
    });
    expect(dashboard.rectificationRate.byUnit).toEqual([{ unitCode: 'unit-a' }]);
    const office = await app.gqlData(DASHBOARD, { c: campaignId }, await app.loginAs(Role.office));
    expect(office.rectificationDashboard.overall.items).toBe(2);
  });

  it("refuses a liaison's writes on another unit's items as if they did not exist, single and bulk", async () => {
    const liaison = await app.loginAs(Role.liaison, 'unit-a');
    const fired = await app.gqlData(FIRE, { id: String(otherId), e: 'reportProgress', p: { note: 'x' } }, liaison);
    expect(fired.fireRectificationEvent).toMatchObject({ __typename: 'NotFoundError', path: 'id' });
    const bulk = await app.gqlData(
      BULK,
      { ids: [String(ownId), String(otherId)], change: { event: 'reportProgress', payload: { note: 'x' } } },
      liaison,
    );
    expect(bulk.bulkRectificationUpdate).toEqual({
      __typename: 'BatchRejectedError',
      rows: [{ row: 2, itemId: String(otherId), errorCode: 'NOT_FOUND', field: 'id' }],
    });
    expect((await storedItem(app, ownId)).version).toBe(1);
    expect((await storedItem(app, otherId)).version).toBe(1);
  });

  it("hides another bureau's campaigns and items entirely", async () => {
    const other = await app.createBureau('other-bureau');
    const foreignOffice = await app.loginAs(await app.createUser({ roles: [Role.office], token: other.adminToken }));
    const list = await app.gql(LIST, { c: campaignId }, foreignOffice);
    expect(list.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'campaignId' } });
    expect((await app.gqlData(DETAIL, { id: String(ownId) }, foreignOffice)).rectificationItem).toBeNull();
    const fired = await app.gqlData(
      FIRE,
      { id: String(ownId), e: 'changeDeadline', p: { deadline: '2026-12-20', reason: 'x' } },
      foreignOffice,
    );
    expect(fired.fireRectificationEvent.__typename).toBe('NotFoundError');
    const opened = await app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-a', title: 'x' } }, foreignOffice);
    expect(opened.openRectificationItem).toMatchObject({ errorCode: 'NOT_FOUND', path: 'input.campaignId' });
  });

  it("lets the domain's opening roles (office, admin, inspectors) open items, and refuses liaisons and leaders saying who may", async () => {
    const input = {
      campaignId,
      unitCode: 'unit-a',
      title: '执法不规范',
      sources: [{ type: 'cityFeedback', id: '市评议办-3' }],
    };
    for (const role of [Role.office, Role.admin, Role.inspector]) {
      expect((await app.gqlData(OPEN, { input }, await app.loginAs(role))).openRectificationItem.__typename, role).toBe(
        'RectificationItem',
      );
    }
    for (const [token, role] of [
      [await app.loginAs(Role.liaison, 'unit-a'), 'liaison'],
      [await app.loginAs(Role.leader), 'leader'],
    ] as const) {
      const refused = await app.gql(OPEN, { input }, token);
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(refused.errors?.[0]?.message).toBe(
        `Mutation.openRectificationItem needs one of the roles office, admin, inspector; you have ${role}`,
      );
    }
    const bulk = await app.gql(
      BULK,
      {
        ids: [String(ownId)],
        change: { event: 'placeUnderSupervision', payload: { supervisingLeader: '王惠敏', reportingIntervalDays: 7 } },
      },
      await app.loginAs(Role.leader),
    );
    expect(bulk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses writes outside the rectification phase with the window named, and still serves reads', async () => {
    clock.set('2026-11-10T04:00:00Z');
    try {
      const office = await app.loginAs(Role.office);
      const opened = await app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-a', title: 'x' } }, office);
      expect(opened.openRectificationItem.__typename).toBe('PhaseClosedError');
      expect(opened.openRectificationItem.message).toContain(
        'openRectificationItem (立项整改) is closed on 2026-11-10, in 接受评议 appraisal',
      );
      expect(opened.openRectificationItem.message).toContain(
        '整改提高 rectification 2026-11-16 to 2026-12-31 (Asia/Shanghai)',
      );
      const fired = await app.gqlData(
        FIRE,
        { id: String(ownId), e: 'changeDeadline', p: { deadline: '2026-12-20', reason: 'x' } },
        office,
      );
      expect(fired.fireRectificationEvent.__typename).toBe('PhaseClosedError');
      const bulk = await app.gqlData(
        BULK,
        { ids: [String(ownId)], change: { event: 'changeDeadline', payload: { deadline: '2026-12-20', reason: 'x' } } },
        office,
      );
      expect(bulk.bulkRectificationUpdate.rows).toEqual([
        { row: 1, itemId: String(ownId), errorCode: 'PHASE_CLOSED', field: null },
      ]);
      expect((await app.gqlData(LIST, { c: campaignId }, office)).rectificationItems.totalItems).toBeGreaterThan(0);
    } finally {
      clock.set('2026-12-01T04:00:00Z');
    }
  });

  it('links an item to the merged opinions it came from, and refuses opinions that are not in the campaign', async () => {
    const office = await app.loginAs(Role.office);
    const bureauId = Number((await app.dataSource.query(`SELECT id FROM bureau WHERE code = 'default'`))[0].id);
    const other = await createCampaign(app, { year: 2025 });
    const opinion = (id: string, campaign: string) => ({
      id,
      bureauId,
      campaignId: Number(campaign),
      unitCode: 'unit-a',
      evaluatorGroupCode: 'residents',
      text: '办事慢',
      receivedOn: '2026-11-01',
    });
    await app.dataSource
      .getRepository(Opinion)
      .insert([
        opinion('00000000-0000-4000-8000-000000000001', campaignId),
        opinion('00000000-0000-4000-8000-000000000002', campaignId),
        opinion('00000000-0000-4000-8000-000000000003', other),
      ]);
    const open = (ids: string[]) =>
      app.gqlData(
        OPEN,
        {
          input: {
            campaignId,
            unitCode: 'unit-a',
            title: '办事效率',
            sources: ids.map((id) => ({ type: 'opinion', id })),
          },
        },
        office,
      );
    const merged = await open(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
    expect(merged.openRectificationItem.__typename).toBe('RectificationItem');
    const detail = await app.gqlData(
      `query($id: ID!) { rectificationItem(id: $id) { sources { sourceType sourceId } } }`,
      { id: merged.openRectificationItem.id },
      office,
    );
    expect(detail.rectificationItem.sources.map((s: { sourceId: string }) => s.sourceId)).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    for (const [ids, path] of [
      [['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003'], 'input.sources[1].id'],
      [['nope'], 'input.sources[0].id'],
    ] as const) {
      expect((await open([...ids])).openRectificationItem).toMatchObject({ errorCode: 'NOT_FOUND', path });
    }
  });

  it('never loses an update under concurrent events: each applies or is refused, and history matches the version', async () => {
    const liaison = await app.loginAs(Role.liaison, 'unit-a');
    const [id] = await insertItems(app, [{ campaignId, unitCode: 'unit-a', state: 'inProgress' }]);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        app.gqlData(FIRE, { id: String(id), e: 'reportProgress', p: { note: `第${i}次`, progress: i * 10 } }, liaison),
      ),
    );
    const kinds = answers.map((a) => a.fireRectificationEvent.__typename);
    expect(kinds.every((k) => k === 'RectificationItem' || k === 'ConflictError')).toBe(true);
    const applied = kinds.filter((k) => k === 'RectificationItem').length;
    expect(applied).toBeGreaterThan(0);
    const stored = await storedItem(app, id as number);
    const history = await app.dataSource.query(`SELECT COUNT(*) AS n FROM rectification_history WHERE item_id = ${id}`);
    expect(stored.version).toBe(1 + applied);
    expect(Number(history[0].n)).toBe(applied);
  });

  it('checks arguments and names the field', async () => {
    const office = await app.loginAs(Role.office);
    const badId = await app.gqlData(FIRE, { id: 'abc', e: 'verify', p: null }, office);
    expect(badId.fireRectificationEvent).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'id' });
    const longNote = await app.gqlData(
      FIRE,
      { id: String(ownId), e: 'changeDeadline', p: { deadline: '2026-12-20', reason: 'x'.repeat(2001) } },
      office,
    );
    expect(longNote.fireRectificationEvent).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'payload.reason' });
    const badFilter = await app.gql(LIST, { c: campaignId, f: { dueWithinDays: 999 } }, office);
    expect(badFilter.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'filter.dueWithinDays',
    });
    const badSource = await app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit a', title: 'x' } }, office);
    expect(badSource.openRectificationItem).toMatchObject({
      errorCode: 'INVALID_RECTIFICATION_ITEM',
      path: 'input.unitCode',
    });
    const unknownUnit = await app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-zzz', title: 'x' } }, office);
    expect(unknownUnit.openRectificationItem).toMatchObject({
      __typename: 'UnknownUnitError',
      errorCode: 'UNKNOWN_UNIT',
      path: 'input.unitCode',
    });
  });
}

describe('rectification access and phases [sqlite]', () => accessSuite('sqlite'));
describeOnPostgres('rectification access and phases', () => accessSuite('postgres'));
