import { isDueSoon, isOverdue, RECTIFICATION_STATES, type RectificationState, rectificationRate } from '@pingyi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { RectificationItem } from '../src/rectification/rectification-item.entity';
import { toDomainItem } from '../src/rectification/rectification-mapper';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, startRectificationServer } from './support/rectification-campaign';
import { TestClock } from './support/test-clock';
import { insertItems, storedItem } from './support/rectification-fixtures';

// Deadlines are local dates in the campaign's time zone: an item is overdue
// from the first moment of the local day after its deadline, never on the
// deadline day itself. At 2026-12-01T20:00Z it is already 12-02 in Shanghai
// and still 12-01 in Los Angeles.

const LIST = `query($c: ID!, $f: RectificationItemFilter) {
  rectificationItems(campaignId: $c, filter: $f, options: { take: 100 }) { totalItems items { id deadline overdue dueSoon } }
}`;
const DASHBOARD = `query($c: ID!) { rectificationDashboard(campaignId: $c) { today timeZone overall { items overdue dueSoon } } }`;
const FIRE = `mutation($id: ID!, $e: RectificationEventType!, $p: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $e, payload: $p) { __typename ... on RectificationItem { deadline state } ... on ErrorResult { errorCode message } ... on TransitionRefusedError { reason } }
}`;

interface Zone {
  readonly name: string;
  campaignId: string;
  token: string;
  bureauId: number;
  ids: Record<string, number>;
}

function deadlineSuite(database: TestDatabase): void {
  let app: TestServer;
  let clock: TestClock;
  const zones: Record<'shanghai' | 'losAngeles', Zone> = {
    shanghai: { name: 'Asia/Shanghai', campaignId: '', token: '', bureauId: 0, ids: {} },
    losAngeles: { name: 'America/Los_Angeles', campaignId: '', token: '', bureauId: 0, ids: {} },
  };

  beforeAll(async () => {
    clock = new TestClock('2026-12-01T20:00:00Z');
    app = await startRectificationServer(database, clock);
    zones.shanghai.token = await app.loginAs(Role.office);
    zones.shanghai.campaignId = await createCampaign(app);
    zones.shanghai.bureauId = Number(
      (await app.dataSource.query(`SELECT id FROM bureau WHERE code = 'default'`))[0].id,
    );
    const la = await app.createBureau('la-bureau');
    zones.losAngeles.token = await app.loginAs(await app.createUser({ roles: [Role.office], token: la.adminToken }));
    zones.losAngeles.campaignId = await createCampaign(app, { timeZone: 'America/Los_Angeles', token: la.adminToken });
    zones.losAngeles.bureauId = Number(la.bureauId);
    for (const zone of Object.values(zones)) {
      const deadlines = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-04', '2026-12-05', '2026-12-06'];
      const ids = await insertItems(
        app,
        [
          ...deadlines.map((deadline) => ({
            campaignId: zone.campaignId,
            unitCode: 'unit-a',
            state: 'inProgress' as const,
            deadline,
            title: `due ${deadline}`,
          })),
          {
            campaignId: zone.campaignId,
            unitCode: 'unit-a',
            state: 'rectified',
            deadline: '2026-11-30',
            title: 'settled',
          },
        ],
        zone.bureauId,
      );
      deadlines.forEach((deadline, i) => (zone.ids[deadline] = ids[i] as number));
      zone.ids.settled = ids[deadlines.length] as number;
    }
  });
  afterAll(() => app?.close());

  /** Ids the server reports overdue / due soon, and what the dashboard counts, in one zone now. */
  async function observe(zone: Zone) {
    const all = await app.gqlData(LIST, { c: zone.campaignId }, zone.token);
    const overdue = await app.gqlData(LIST, { c: zone.campaignId, f: { overdue: true } }, zone.token);
    const dueSoon = await app.gqlData(LIST, { c: zone.campaignId, f: { dueWithinDays: 3 } }, zone.token);
    const dashboard = await app.gqlData(DASHBOARD, { c: zone.campaignId }, zone.token);
    const deadlineOf = (id: string) => Object.entries(zone.ids).find(([, v]) => String(v) === id)?.[0];
    type Row = { id: string; overdue: boolean; dueSoon: boolean };
    return {
      flaggedOverdue: (all.rectificationItems.items as Row[])
        .filter((i) => i.overdue)
        .map((i) => deadlineOf(i.id))
        .sort(),
      flaggedDueSoon: (all.rectificationItems.items as Row[])
        .filter((i) => i.dueSoon)
        .map((i) => deadlineOf(i.id))
        .sort(),
      filteredOverdue: (overdue.rectificationItems.items as Row[]).map((i) => deadlineOf(i.id)).sort(),
      filteredDueSoon: (dueSoon.rectificationItems.items as Row[]).map((i) => deadlineOf(i.id)).sort(),
      dashboard: dashboard.rectificationDashboard,
    };
  }

  it.each([
    // instant, zone, today there, overdue deadlines, due within 3 days
    [
      '2026-12-01T20:00:00Z',
      'shanghai',
      '2026-12-02',
      ['2026-11-30', '2026-12-01'],
      ['2026-12-02', '2026-12-04', '2026-12-05'],
    ],
    ['2026-12-01T20:00:00Z', 'losAngeles', '2026-12-01', ['2026-11-30'], ['2026-12-01', '2026-12-02', '2026-12-04']],
    // last second of 12-02 in Shanghai: the 12-02 deadline is not yet overdue
    [
      '2026-12-02T15:59:59Z',
      'shanghai',
      '2026-12-02',
      ['2026-11-30', '2026-12-01'],
      ['2026-12-02', '2026-12-04', '2026-12-05'],
    ],
    // first second of 12-03 in Shanghai: now it is
    [
      '2026-12-02T16:00:00Z',
      'shanghai',
      '2026-12-03',
      ['2026-11-30', '2026-12-01', '2026-12-02'],
      ['2026-12-04', '2026-12-05', '2026-12-06'],
    ],
    // last second of 12-01 in Los Angeles (PST, UTC-8), then the first of 12-02
    ['2026-12-02T07:59:59Z', 'losAngeles', '2026-12-01', ['2026-11-30'], ['2026-12-01', '2026-12-02', '2026-12-04']],
    [
      '2026-12-02T08:00:00Z',
      'losAngeles',
      '2026-12-02',
      ['2026-11-30', '2026-12-01'],
      ['2026-12-02', '2026-12-04', '2026-12-05'],
    ],
  ] as const)('at %s in %s (today %s): overdue %j, due soon %j', async (instant, zoneKey, today, overdue, dueSoon) => {
    clock.set(instant);
    const zone = zones[zoneKey];
    const seen = await observe(zone);
    expect(seen.dashboard).toMatchObject({
      today,
      timeZone: zone.name,
      overall: { items: 7, overdue: overdue.length, dueSoon: dueSoon.length },
    });
    expect(seen.flaggedOverdue).toEqual([...overdue]);
    expect(seen.filteredOverdue).toEqual([...overdue]);
    expect(seen.flaggedDueSoon).toEqual([...dueSoon]);
    expect(seen.filteredDueSoon).toEqual([...dueSoon]);
    // and the domain's own predicates agree on every stored item
    for (const id of Object.values(zone.ids)) {
      const item = toDomainItem(await storedItem(app, id));
      expect(isOverdue(item, new Date(instant), zone.name), `${item.deadline} overdue`).toBe(
        (overdue as readonly string[]).includes(item.deadline ?? '') && item.state !== 'rectified',
      );
      expect(isDueSoon(item, new Date(instant), zone.name, 3), `${item.deadline} due soon`).toBe(
        (dueSoon as readonly string[]).includes(item.deadline ?? '') && item.state !== 'rectified',
      );
    }
  });

  it('takes a deadline of "today" in the zone where it is still today, and refuses it where that day is over', async () => {
    clock.set('2026-12-01T20:00:00Z');
    for (const [zoneKey, expected] of [
      ['losAngeles', { __typename: 'RectificationItem', deadline: '2026-12-01' }],
      ['shanghai', { __typename: 'TransitionRefusedError', reason: 'invalidField' }],
    ] as const) {
      const zone = zones[zoneKey];
      const [id] = await insertItems(
        app,
        [{ campaignId: zone.campaignId, unitCode: 'unit-a', state: 'inProgress', deadline: '2026-12-10' }],
        zone.bureauId,
      );
      const answer = await app.gqlData(
        FIRE,
        { id: String(id), e: 'changeDeadline', p: { deadline: '2026-12-01', reason: '调整' } },
        zone.token,
      );
      expect(answer.fireRectificationEvent, zoneKey).toMatchObject(expected);
    }
  });

  it('agrees with the domain on 400 random items at instants around local midnight (filters, dashboard counts, rate)', async () => {
    let seed = 20261201;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const zone = zones.shanghai;
    const campaignId = zone.campaignId;
    const days = [
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ];
    const fixtures = Array.from({ length: 400 }, () => {
      const state = RECTIFICATION_STATES[Math.floor(random() * RECTIFICATION_STATES.length)] as RectificationState;
      const deadline = random() < 0.1 ? null : (days[Math.floor(random() * days.length)] as string);
      return { campaignId, unitCode: `unit-${Math.floor(random() * 4)}`, state, deadline, title: 'random' };
    });
    const ids = await insertItems(app, fixtures);
    const idSet = new Set(ids.map(String));
    for (const instant of ['2026-11-30T15:59:59Z', '2026-11-30T16:00:00Z', '2026-12-02T03:00:00Z']) {
      clock.set(instant);
      const now = new Date(instant);
      const rows = await Promise.all(ids.map((id) => storedItem(app, id)));
      const wantOverdue = rows
        .filter((r) => isOverdue(toDomainItem(r), now, zone.name))
        .map((r) => String(r.id))
        .sort();
      const wantDueSoon = rows
        .filter((r) => isDueSoon(toDomainItem(r), now, zone.name, 3))
        .map((r) => String(r.id))
        .sort();
      const collect = async (filter: Record<string, unknown>): Promise<string[]> => {
        const found: string[] = [];
        for (let skip = 0; ; skip += 100) {
          const page = await app.gqlData(
            `query($c: ID!, $f: RectificationItemFilter, $o: ListOptions) { rectificationItems(campaignId: $c, filter: $f, options: $o) { totalItems items { id } } }`,
            { c: campaignId, f: filter, o: { skip, take: 100 } },
            zone.token,
          );
          found.push(...page.rectificationItems.items.map((i: { id: string }) => i.id));
          if (skip + 100 >= page.rectificationItems.totalItems) break;
        }
        return found.filter((id) => idSet.has(id)).sort();
      };
      expect(await collect({ overdue: true, search: 'random' }), instant).toEqual(wantOverdue);
      expect(await collect({ dueWithinDays: 3, search: 'random' }), instant).toEqual(wantDueSoon);
      expect(wantOverdue.length + wantDueSoon.length).toBeGreaterThan(20);
      // the dashboard's SQL aggregate against the domain's functions over every item of the campaign
      const everything = (
        await app.dataSource.getRepository(RectificationItem).findBy({ campaignId: Number(campaignId) })
      ).map(toDomainItem);
      const dashboard = await app.gqlData(
        `query($c: ID!) { rectificationDashboard(campaignId: $c) { overall { items overdue dueSoon closed total dismissed rate } byUnit { unitCode closed total dismissed rate } } }`,
        { c: campaignId },
        zone.token,
      );
      const rate = rectificationRate(everything);
      expect(dashboard.rectificationDashboard.overall, instant).toEqual({
        items: everything.length,
        overdue: everything.filter((item) => isOverdue(item, now, zone.name)).length,
        dueSoon: everything.filter((item) => isDueSoon(item, now, zone.name, 3)).length,
        ...rate.overall,
      });
      expect(dashboard.rectificationDashboard.byUnit).toEqual(rate.byUnit);
    }
  });
}

describe('rectification deadlines and overdue [sqlite]', () => deadlineSuite('sqlite'));
describeOnPostgres('rectification deadlines and overdue', () => deadlineSuite('postgres'));
