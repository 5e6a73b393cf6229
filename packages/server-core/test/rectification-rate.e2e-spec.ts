import { rectificationRate, rollUpProgress } from '@pingyi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { RectificationItem } from '../src/rectification/rectification-item.entity';
import { toDomainItem } from '../src/rectification/rectification-mapper';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, startRectificationServer } from './support/rectification-campaign';
import { insertItems } from './support/rectification-fixtures';

const OPEN = `mutation($input: OpenRectificationItemInput!) {
  openRectificationItem(input: $input) { __typename ... on RectificationItem { id state parentId weight } ... on ErrorResult { errorCode message path } }
}`;
const FIRE = `mutation($id: ID!, $e: RectificationEventType!, $p: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $e, payload: $p) { __typename ... on RectificationItem { state progress } ... on ErrorResult { errorCode message } }
}`;
const DETAIL = `query($id: ID!) { rectificationItem(id: $id) { id progress rolledUpProgress subItems { id weight } } }`;
const RATE = `query($c: ID!) { rectificationRate(campaignId: $c) { overall { closed total dismissed rate } byUnit { unitCode closed total dismissed rate } } }`;

function rateSuite(database: TestDatabase): void {
  let app: TestServer;
  let campaignId: string;
  let office: string;

  beforeAll(async () => {
    app = await startRectificationServer(database);
    campaignId = await createCampaign(app);
    office = await app.loginAs(Role.office);
  });
  afterAll(() => app?.close());

  it('counts only accepted top-level items as closed, leaves dismissed ones out, per unit and overall, exactly as the domain does', async () => {
    const [parent] = await insertItems(app, [{ campaignId, unitCode: 'unit-a', state: 'inProgress' }]);
    await insertItems(app, [
      { campaignId, unitCode: 'unit-a', state: 'accepted' },
      { campaignId, unitCode: 'unit-a', state: 'accepted' },
      { campaignId, unitCode: 'unit-a', state: 'rectified' },
      { campaignId, unitCode: 'unit-a', state: 'dismissed' },
      { campaignId, unitCode: 'unit-b', state: 'accepted' },
      { campaignId, unitCode: 'unit-c', state: 'dismissed' },
      // sub-items are steps of their parent: they never count
      { campaignId, unitCode: 'unit-a', state: 'accepted', parentId: parent as number },
      { campaignId, unitCode: 'unit-d', state: 'accepted', parentId: parent as number },
    ]);
    const { rectificationRate: report } = await app.gqlData(RATE, { c: campaignId }, office);
    expect(report).toEqual({
      overall: { closed: 3, total: 5, dismissed: 2, rate: 0.6 },
      byUnit: [
        { unitCode: 'unit-a', closed: 2, total: 4, dismissed: 1, rate: 0.5 },
        { unitCode: 'unit-b', closed: 1, total: 1, dismissed: 0, rate: 1 },
        { unitCode: 'unit-c', closed: 0, total: 0, dismissed: 1, rate: null },
      ],
    });
    const stored = await app.dataSource.getRepository(RectificationItem).findBy({ campaignId: Number(campaignId) });
    expect(report).toEqual(rectificationRate(stored.map(toDomainItem)));
  });

  it('rolls sub-item progress up into the parent, weighted, through the real lifecycle', async () => {
    const liaison = await app.loginAs(Role.liaison, 'unit-r');
    const open = async (input: Record<string, unknown>) =>
      (await app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-r', ...input } }, office)).openRectificationItem;
    const parent = await open({ title: '办事效率低' });
    const heavy = await open({ title: '窗口排队', parentId: parent.id, weight: 3 });
    const light = await open({ title: '网上预约', parentId: parent.id, weight: 1 });
    const dropped = await open({ title: '重复问题', parentId: parent.id, weight: 10 });
    expect(heavy).toMatchObject({ __typename: 'RectificationItem', parentId: parent.id, weight: 3 });
    const walk = async (id: string, steps: [string, Record<string, unknown> | null, string][]) => {
      for (const [event, payload, token] of steps) {
        const result = (await app.gqlData(FIRE, { id, e: event, p: payload }, token)).fireRectificationEvent;
        expect(result.__typename, `${event}: ${JSON.stringify(result)}`).toBe('RectificationItem');
      }
    };
    const toWork: [string, Record<string, unknown> | null, string][] = [
      ['verify', null, office],
      ['proposePlan', { plan: '增开窗口', owner: '张三', deadline: '2026-12-20' }, liaison],
      ['approvePlan', null, office],
    ];
    await walk(parent.id, toWork);
    await walk(heavy.id, [
      ...toWork,
      ['reportFixed', { publicResponse: '已增开窗口' }, liaison],
      ['accept', null, office],
    ]);
    await walk(light.id, [...toWork, ['reportProgress', { note: '开发中', progress: 20 }, liaison]]);
    await walk(dropped.id, [['dismiss', { reason: '与窗口排队重复' }, office]]);
    const detail = (await app.gqlData(DETAIL, { id: parent.id }, office)).rectificationItem;
    // (3 × 100 + 1 × 20) ÷ 4; the dismissed child is left out
    expect(detail.rolledUpProgress).toBe(80);
    expect(detail.subItems.map((s: { id: string }) => s.id)).toEqual([heavy.id, light.id, dropped.id]);
    const stored = await app.dataSource
      .getRepository(RectificationItem)
      .findBy({ campaignId: Number(campaignId), unitCode: 'unit-r' });
    expect(rollUpProgress(stored.map(toDomainItem)).get(parent.id)).toBe(80);
  });

  it('rolls up over several levels, a null weight counting as 1', async () => {
    const [root] = await insertItems(app, [{ campaignId, unitCode: 'unit-t', state: 'inProgress', progress: 5 }]);
    const [mid, leaf] = await insertItems(app, [
      { campaignId, unitCode: 'unit-t', state: 'inProgress', parentId: root, weight: null, progress: 0 },
      { campaignId, unitCode: 'unit-t', state: 'accepted', parentId: root, weight: 1 },
    ]);
    await insertItems(app, [
      { campaignId, unitCode: 'unit-t', state: 'inProgress', parentId: mid, weight: 1, progress: 50 },
      { campaignId, unitCode: 'unit-t', state: 'inProgress', parentId: mid, weight: 1, progress: 10 },
    ]);
    expect(leaf).toBeDefined();
    const detail = (await app.gqlData(DETAIL, { id: String(root) }, office)).rectificationItem;
    // mid = (50 + 10) ÷ 2 = 30; root = (30 + 100) ÷ 2 = 65 (its own 5 % is replaced by its children's)
    expect(detail).toMatchObject({ progress: 5, rolledUpProgress: 65 });
  });

  it('refuses a parent from another campaign, a negative weight, and a bad source', async () => {
    const other = await createCampaign(app, { year: 2025, phases: undefined });
    const [foreign] = await insertItems(app, [{ campaignId: other, unitCode: 'unit-a', state: 'identified' }]);
    const answers = await Promise.all([
      app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-a', title: 'x', parentId: String(foreign) } }, office),
      app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-a', title: 'x', weight: -1 } }, office),
      app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-a', title: '   ' } }, office),
    ]);
    expect(answers.map((a) => a.openRectificationItem)).toMatchObject([
      { errorCode: 'NOT_FOUND', path: 'input.parentId' },
      { errorCode: 'INVALID_RECTIFICATION_ITEM', path: 'input.weight' },
      { errorCode: 'INVALID_RECTIFICATION_ITEM', path: 'input.title' },
    ]);
  });
}

describe('rectification rate and roll-ups [sqlite]', () => rateSuite('sqlite'));
describeOnPostgres('rectification rate and roll-ups', () => rateSuite('postgres'));
