import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '@pingyi/domain';
import { Role } from '../src';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, RECTIFICATION_NOW, startRectificationServer } from './support/rectification-campaign';
import { TestClock } from './support/test-clock';
import { insertItems } from './support/rectification-fixtures';

const INBOX = `query($unreadOnly: Boolean) {
  inbox(unreadOnly: $unreadOnly, options: { take: 50 }) {
    unread
    notifications { totalItems items { id target unitCode person reason message messageKey messageParamsJson read subjectId } }
    alerts { campaignId today overdue dueSoon supervised lookBacksDue supervisionReportsDue items { kinds item { id unitCode } } }
  }
}`;
const OPEN = `mutation($input: OpenRectificationItemInput!) { openRectificationItem(input: $input) { __typename ... on RectificationItem { id } } }`;
const FIRE = `mutation($id: ID!, $e: RectificationEventType!, $p: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $e, payload: $p) { __typename ... on ErrorResult { message } }
}`;
const MARK = `mutation($ids: [ID!]!) { markInboxRead(ids: $ids) { __typename ... on InboxReadMarked { marked } ... on ErrorResult { errorCode path } } }`;

type Entry = {
  id: string;
  target: string;
  reason: string;
  message: string;
  messageKey: string | null;
  messageParamsJson: string | null;
  read: boolean;
  subjectId: string;
  unitCode: string | null;
  person: string | null;
};

function inboxSuite(database: TestDatabase): void {
  let app: TestServer;
  let clock: TestClock;
  let campaignId: string;

  beforeAll(async () => {
    clock = new TestClock(RECTIFICATION_NOW);
    app = await startRectificationServer(database, clock);
    campaignId = await createCampaign(app);
  });
  afterAll(() => app?.close());

  const inboxOf = async (token: string, unreadOnly = false) => (await app.gqlData(INBOX, { unreadOnly }, token)).inbox;
  const about = (entries: Entry[], itemId: string) =>
    entries.filter((e) => e.subjectId === itemId).map((e) => `${e.target}:${e.reason}`);

  it('delivers the notifications of each transition to the unit, the office, the inspectors or the supervising leader by name', async () => {
    const office = await app.loginAs(Role.office);
    const liaisonA = await app.loginAs(Role.liaison, 'unit-a');
    const liaisonB = await app.loginAs(Role.liaison, 'unit-b');
    const inspector = await app.loginAs(Role.inspector);
    const wang = await app.loginAs(
      await app.createUser({ username: 'wanghm', displayName: '王惠敏', roles: [Role.leader] }),
    );
    const otherLeader = await app.loginAs(Role.leader);

    const { id } = (
      await app.gqlData(OPEN, { input: { campaignId, unitCode: 'unit-a', title: '窗口服务态度差' } }, office)
    ).openRectificationItem;
    const fire = async (event: string, payload: Record<string, unknown> | null, token: string) =>
      expect((await app.gqlData(FIRE, { id, e: event, p: payload }, token)).fireRectificationEvent.__typename).toBe(
        'RectificationItem',
      );
    await fire('verify', null, office);
    await fire('proposePlan', { plan: '培训', owner: '张三', deadline: '2026-12-20' }, liaisonA);
    await fire('placeUnderSupervision', { supervisingLeader: '王惠敏', reportingIntervalDays: 7 }, inspector);

    const unitA = (await inboxOf(liaisonA)).notifications.items as Entry[];
    expect(about(unitA, id)).toEqual(['unit:placeUnderSupervision', 'unit:verify', 'unit:open']);
    expect(unitA.find((e) => e.reason === 'open')?.message).toBe(
      `立项整改：整改项目 #${id}「窗口服务态度差」（单位 unit-a）`,
    );
    // the sentence's key and parameters, which the console says in English too
    const proposed = (await inboxOf(office)).notifications.items.find(
      (e: Entry) => e.reason === 'proposePlan' && e.subjectId === id,
    ) as Entry;
    expect(proposed.messageKey).toBe('notifyRectificationItem');
    expect(JSON.parse(proposed.messageParamsJson ?? '{}')).toEqual({
      event: 'Submit plan',
      eventZh: '提交整改方案',
      itemId: Number(id),
      title: '窗口服务态度差',
      unitName: '单位 unit-a',
    });
    expect(messageText('notifyRectificationItem', JSON.parse(proposed.messageParamsJson ?? '{}'), 'en')).toBe(
      `Submit plan: rectification item #${id} “窗口服务态度差” (单位 unit-a)`,
    );
    expect(about((await inboxOf(liaisonB)).notifications.items, id)).toEqual([]);
    expect(about((await inboxOf(office)).notifications.items, id)).toEqual([
      'office:placeUnderSupervision',
      'office:proposePlan',
    ]);
    expect(about((await inboxOf(inspector)).notifications.items, id)).toEqual([]);
    expect(about((await inboxOf(wang)).notifications.items, id)).toEqual(['supervisingLeader:placeUnderSupervision']);
    expect(about((await inboxOf(otherLeader)).notifications.items, id)).toEqual([]);
  });

  it('keeps read marks per user, and refuses marking what is not yours', async () => {
    const liaisonA = await app.loginAs(Role.liaison, 'unit-a');
    const before = await inboxOf(liaisonA);
    expect(before.unread).toBe(before.notifications.totalItems);
    const first = before.notifications.items[0] as Entry;
    expect((await app.gqlData(MARK, { ids: [first.id, first.id] }, liaisonA)).markInboxRead).toEqual({
      __typename: 'InboxReadMarked',
      marked: 1,
    });
    expect((await app.gqlData(MARK, { ids: [first.id] }, liaisonA)).markInboxRead.marked).toBe(0);
    const after = await inboxOf(liaisonA);
    expect(after.unread).toBe(before.unread - 1);
    expect((after.notifications.items as Entry[]).find((e) => e.id === first.id)?.read).toBe(true);
    expect((await inboxOf(liaisonA, true)).notifications.items.map((e: Entry) => e.id)).not.toContain(first.id);
    // another liaison of the same unit has not read it
    const colleague = await app.loginAs(await app.createUser({ roles: [Role.liaison], unitCode: 'unit-a' }));
    expect(((await inboxOf(colleague)).notifications.items as Entry[]).find((e) => e.id === first.id)?.read).toBe(
      false,
    );
    const foreign = await app.gqlData(MARK, { ids: [first.id] }, await app.loginAs(Role.liaison, 'unit-b'));
    expect(foreign.markInboxRead).toEqual({ __typename: 'NotFoundError', errorCode: 'NOT_FOUND', path: 'ids' });
  });

  it("lists today's alerts by role and scope: overdue, due soon, supervised, look-backs and supervision reports due", async () => {
    const other = await createCampaign(app, { year: 2025 });
    const [overdue, dueSoon, supervised, lookBack] = (
      await insertItems(app, [
        { campaignId: other, unitCode: 'unit-a', state: 'inProgress', deadline: '2026-11-30' },
        { campaignId: other, unitCode: 'unit-a', state: 'planned', deadline: '2026-12-03' },
        {
          campaignId: other,
          unitCode: 'unit-b',
          state: 'inProgress',
          deadline: '2026-12-20',
          supervised: true,
          supervisingLeader: '王惠敏',
          reportingIntervalDays: 7,
          supervisedSince: '2026-11-20',
          supervisionReportDue: '2026-12-01',
        },
        { campaignId: other, unitCode: 'unit-b', state: 'accepted', lookBackDue: '2026-11-29' },
        { campaignId: other, unitCode: 'unit-b', state: 'rectified', deadline: '2026-11-01' },
      ])
    ).map(String);
    const alertsOf = async (token: string) =>
      (
        (await inboxOf(token)).alerts as { campaignId: string; items: { kinds: string[]; item: { id: string } }[] }[]
      ).find((a) => a.campaignId === other);
    const summary = (alerts: Awaited<ReturnType<typeof alertsOf>>) =>
      Object.fromEntries((alerts?.items ?? []).map((a) => [a.item.id, a.kinds]));

    const office = await alertsOf(await app.loginAs(Role.office));
    expect(office).toMatchObject({
      today: '2026-12-01',
      overdue: 1,
      dueSoon: 1,
      supervised: 1,
      lookBacksDue: 1,
      supervisionReportsDue: 1,
    });
    expect(summary(office)).toEqual({
      [overdue!]: ['overdue'],
      [dueSoon!]: ['dueSoon'],
      [supervised!]: ['supervised', 'supervisionReportDue'],
      [lookBack!]: ['lookBackDue'],
    });
    const liaisonA = await alertsOf(await app.loginAs(Role.liaison, 'unit-a'));
    expect(liaisonA).toMatchObject({ overdue: 1, dueSoon: 1, supervised: 0, lookBacksDue: 0 });
    expect(summary(liaisonA)).toEqual({ [overdue!]: ['overdue'], [dueSoon!]: ['dueSoon'] });
    expect(summary(await alertsOf(await app.loginAs(Role.liaison, 'unit-b')))).toEqual({
      [supervised!]: ['supervised', 'supervisionReportDue'],
    });
    expect(summary(await alertsOf(await app.loginAs(Role.leader)))).toEqual({
      [overdue!]: ['overdue'],
      [supervised!]: ['supervised', 'supervisionReportDue'],
    });
    expect(summary(await alertsOf(await app.loginAs(Role.inspector)))).toEqual({
      [overdue!]: ['overdue'],
      [supervised!]: ['supervised', 'supervisionReportDue'],
      [lookBack!]: ['lookBackDue'],
    });
    clock.set('2026-12-04T04:00:00Z');
    try {
      expect(summary(await alertsOf(await app.loginAs(Role.liaison, 'unit-a')))).toEqual({
        [overdue!]: ['overdue'],
        [dueSoon!]: ['overdue'],
      });
    } finally {
      clock.set('2026-12-01T04:00:00Z');
    }
  });
}

describe('rectification inbox [sqlite]', () => inboxSuite('sqlite'));
describeOnPostgres('rectification inbox', () => inboxSuite('postgres'));
