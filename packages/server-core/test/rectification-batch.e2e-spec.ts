import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, startRectificationServer } from './support/rectification-campaign';
import { insertItems, storedItem } from './support/rectification-fixtures';

const IMPORT = `mutation($c: ID!, $csv: String!) {
  importRectificationUpdates(campaignId: $c, csv: $csv) {
    __typename
    ... on RectificationBatchResult { applied itemCount items { id progress } }
    ... on BatchRejectedError { message rows { row itemId field errorCode reason message } }
    ... on ErrorResult { errorCode message path }
  }
}`;
const BULK = `mutation($ids: [ID!]!, $change: BulkRectificationChange!) {
  bulkRectificationUpdate(ids: $ids, change: $change) {
    __typename
    ... on RectificationBatchResult { applied itemCount items { id state deadline } }
    ... on BatchRejectedError { message rows { row itemId field errorCode reason } }
  }
}`;

async function counts(app: TestServer, ids: number[]): Promise<{ history: number; inbox: number; versions: number[] }> {
  const list = ids.join(',');
  const [history] = await app.dataSource.query(
    `SELECT COUNT(*) AS n FROM rectification_history WHERE item_id IN (${list})`,
  );
  const [inbox] = await app.dataSource.query(`SELECT COUNT(*) AS n FROM inbox_entry WHERE subject_id IN (${list})`);
  const rows: { version: number }[] = await app.dataSource.query(
    `SELECT version FROM rectification_item WHERE id IN (${list}) ORDER BY id`,
  );
  return { history: Number(history.n), inbox: Number(inbox.n), versions: rows.map((r) => Number(r.version)) };
}

function batchSuite(database: TestDatabase): void {
  let app: TestServer;
  let campaignId: string;

  beforeAll(async () => {
    app = await startRectificationServer(database);
    campaignId = await createCampaign(app);
  });
  afterAll(() => app?.close());

  it('imports 1,000 progress updates all or nothing: one bad line changes nothing and the report names it', async () => {
    const liaison = await app.loginAs(Role.liaison, 'unit-a');
    const ids = await insertItems(
      app,
      Array.from({ length: 1000 }, () => ({ campaignId, unitCode: 'unit-a', state: 'inProgress' as const })),
    );
    const line = (id: number, i: number, progress: string) => `${id},reportProgress,"第${i}条, 已落实",${progress}`;
    const rows = ids.map((id, i) => line(id, i, String(i % 101)));
    rows[499] = line(ids[499] as number, 499, '150'); // CSV line 501: out of range
    const before = await counts(app, ids);

    const rejected = (
      await app.gqlData(IMPORT, { c: campaignId, csv: ['id,event,note,progress', ...rows].join('\n') }, liaison)
    ).importRectificationUpdates;
    expect(rejected).toMatchObject({
      __typename: 'BatchRejectedError',
      message: '1 of 1000 rows refused; nothing was changed',
    });
    expect(rejected.rows).toEqual([
      {
        row: 501,
        itemId: String(ids[499]),
        field: 'progress',
        errorCode: 'TRANSITION_REFUSED',
        reason: 'invalidField',
        message: expect.stringContaining('progress must be an integer from 0 to 100, got 150'),
      },
    ]);
    expect(await counts(app, ids)).toEqual(before);

    rows[499] = line(ids[499] as number, 499, '99');
    const started = performance.now();
    const applied = (
      await app.gqlData(IMPORT, { c: campaignId, csv: ['id,event,note,progress', ...rows].join('\r\n') }, liaison)
    ).importRectificationUpdates;
    const ms = performance.now() - started;
    console.log(`[${database}] importing 1,000 updates took ${ms.toFixed(0)} ms`);
    expect(applied).toMatchObject({ __typename: 'RectificationBatchResult', applied: 1000, itemCount: 1000 });
    expect((await storedItem(app, ids[499] as number)).progress).toBe(99);
    expect((await storedItem(app, ids[7] as number)).progress).toBe(7);
    const after = await counts(app, ids);
    expect(after.history).toBe(before.history + 1000);
    expect(after.versions.every((v) => v === 2)).toBe(true);
  });

  it('reports every bad line of an import: unknown item, other campaign, wrong state, bad number, bad event, missing field', async () => {
    const office = await app.loginAs(Role.office);
    const other = await createCampaign(app, { year: 2025 });
    const [planned, verified, foreign] = await insertItems(app, [
      { campaignId, unitCode: 'unit-a', state: 'planned' },
      { campaignId, unitCode: 'unit-a', state: 'verified' },
      { campaignId: other, unitCode: 'unit-a', state: 'planned' },
    ]);
    const csv = [
      'id,event,deadline,reason,reportingIntervalDays',
      `${planned},changeDeadline,2026-12-24,延期,`,
      `999999,changeDeadline,2026-12-24,延期,`,
      `${foreign},changeDeadline,2026-12-24,延期,`,
      `${verified},approvePlan,,,`,
      `${planned},placeUnderSupervision,,,seven`,
      `${planned},fly,,,`,
      `${planned},changeDeadline,2026-12-25,,`,
      `abc,verify,,,`,
      `${planned},changeDeadline`,
    ].join('\n');
    const result = (await app.gqlData(IMPORT, { c: campaignId, csv }, office)).importRectificationUpdates;
    expect(result.__typename).toBe('BatchRejectedError');
    expect(result.rows.map((r: Record<string, unknown>) => [r.row, r.errorCode, r.reason ?? null, r.field])).toEqual([
      [3, 'NOT_FOUND', null, 'id'],
      [4, 'NOT_FOUND', null, 'id'],
      [5, 'TRANSITION_REFUSED', 'wrongState', null],
      [6, 'INVALID_ARGUMENT', null, 'reportingIntervalDays'],
      [7, 'TRANSITION_REFUSED', 'unknownEvent', 'event'],
      [8, 'TRANSITION_REFUSED', 'missingField', 'reason'],
      [9, 'INVALID_ARGUMENT', null, 'id'],
      [10, 'INVALID_ARGUMENT', null, null],
    ]);
    expect((await storedItem(app, planned as number)).deadline).toBe('2026-12-31');
  });

  it('refuses a malformed header before reading any line', async () => {
    const office = await app.loginAs(Role.office);
    const result = (await app.gqlData(IMPORT, { c: campaignId, csv: 'id,status,id\n1,x,1' }, office))
      .importRectificationUpdates;
    expect(result.rows.map((r: Record<string, unknown>) => [r.row, r.field])).toEqual([
      [1, 'status'],
      [1, 'id'],
      [1, 'event'],
    ]);
    const unclosed = (await app.gqlData(IMPORT, { c: campaignId, csv: 'id,event,note\n1,verify,"open' }, office))
      .importRectificationUpdates;
    expect(unclosed).toMatchObject({ errorCode: 'INVALID_ARGUMENT', path: 'csv line 2' });
  });

  it('changes the deadline of many items at once, or of none when one is refused', async () => {
    const office = await app.loginAs(Role.office);
    const ids = (
      await insertItems(app, [
        { campaignId, unitCode: 'unit-b', state: 'planned' },
        { campaignId, unitCode: 'unit-c', state: 'inProgress' },
        { campaignId, unitCode: 'unit-c', state: 'rectified' },
      ])
    ).map(String);
    const change = { event: 'changeDeadline', payload: { deadline: '2026-12-28', reason: '统一延期' } };
    const refused = (await app.gqlData(BULK, { ids, change }, office)).bulkRectificationUpdate;
    expect(refused).toEqual({
      __typename: 'BatchRejectedError',
      message: '1 of 3 rows refused; nothing was changed',
      rows: [{ row: 3, itemId: ids[2], field: null, errorCode: 'TRANSITION_REFUSED', reason: 'wrongState' }],
    });
    expect((await counts(app, ids.map(Number))).versions).toEqual([1, 1, 1]);
    const applied = (await app.gqlData(BULK, { ids: ids.slice(0, 2), change }, office)).bulkRectificationUpdate;
    expect(applied).toMatchObject({ __typename: 'RectificationBatchResult', applied: 2, itemCount: 2 });
    expect(applied.items.map((i: { deadline: string }) => i.deadline)).toEqual(['2026-12-28', '2026-12-28']);
  });

  it('applies events in order: the second of two verifies of one item sees it verified', async () => {
    const office = await app.loginAs(Role.office);
    const [id] = (await insertItems(app, [{ campaignId, unitCode: 'unit-d', state: 'identified' }])).map(String);
    const result = (await app.gqlData(BULK, { ids: [id, id], change: { event: 'verify' } }, office))
      .bulkRectificationUpdate;
    expect(result.rows).toEqual([
      { row: 2, itemId: id, field: null, errorCode: 'TRANSITION_REFUSED', reason: 'wrongState' },
    ]);
    const twoSteps = await app.gqlData(
      IMPORT,
      { c: campaignId, csv: `id,event,reason\n${id},verify,\n${id},dismiss,重复` },
      office,
    );
    expect(twoSteps.importRectificationUpdates).toMatchObject({ applied: 2, itemCount: 1 });
    expect((await storedItem(app, Number(id))).state).toBe('dismissed');
    expect((await counts(app, [Number(id)])).history).toBe(2);
  });
}

describe('rectification bulk updates and imports [sqlite]', () => batchSuite('sqlite'));
describeOnPostgres('rectification bulk updates and imports', () => batchSuite('postgres'));
