import {
  RECTIFICATION_STATES,
  RECTIFICATION_TRANSITIONS,
  type RectificationState,
  type RectificationTransition,
  ROLES,
  type Role as DomainRole,
} from '@pingyi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src';
import { describeOnPostgres, type TestDatabase, type TestServer } from '@pingyi/testing';
import { createCampaign, startRectificationServer } from './support/rectification-campaign';
import { insertItems, storedItem } from './support/rectification-fixtures';

// The lifecycle table, persisted: every event in every state for every role,
// sent over GraphQL to the real server. The cases are generated from the
// domain's RECTIFICATION_TRANSITIONS; items are inserted directly in the state
// each case needs.

/** A valid payload for each field a row requires (today is 2026-12-01 in Shanghai). */
const SAMPLE: Readonly<Record<string, unknown>> = {
  note: '情况说明',
  reason: '理由',
  plan: '整改方案',
  owner: '李四',
  deadline: '2026-12-20',
  publicResponse: '已向群众回应',
  supervisingLeader: '王惠敏',
  reportingIntervalDays: 7,
};
const payloadOf = (row: RectificationTransition) =>
  Object.fromEntries(row.requires.map((field) => [field, SAMPLE[field]]));

const FIRE = `mutation Fire($id: ID!, $event: RectificationEventType!, $payload: RectificationEventPayload) {
  fireRectificationEvent(id: $id, event: $event, payload: $payload) {
    __typename
    ... on RectificationItem { id state version }
    ... on TransitionRefusedError { reason event message allowedRoles allowedStates }
    ... on ErrorResult { errorCode message path }
  }
}`;

/** What the table says about `role` sending `row.event` to an item in `state` (supervised or not). */
function expected(
  row: RectificationTransition,
  state: RectificationState,
  role: DomainRole,
  supervised: boolean,
): { allowed: true } | { allowed: false; reason: string } {
  if (!row.roles.includes(role)) return { allowed: false, reason: 'wrongRole' };
  if (!row.from.includes(state)) return { allowed: false, reason: 'wrongState' };
  if (row.when === 'underSupervision' && !supervised) return { allowed: false, reason: 'notUnderSupervision' };
  return { allowed: true };
}

function transitionSuite(database: TestDatabase): void {
  let app: TestServer;
  let campaignId: string;
  const tokens = new Map<DomainRole, string>();

  beforeAll(async () => {
    app = await startRectificationServer(database);
    campaignId = await createCampaign(app);
    for (const role of ROLES)
      tokens.set(
        role,
        role === 'liaison' ? await app.loginAs(Role.liaison, 'unit-a') : await app.loginAs(role as Role),
      );
  });
  afterAll(() => app?.close());

  it.each(RECTIFICATION_TRANSITIONS.map((row) => [row.event, row] as const))(
    '%s: every state × every role, as the table says',
    async (_event, row) => {
      // supervised items for rows that need it, and the unsupervised variant too
      const variants = row.when === 'underSupervision' ? [true, false] : [false];
      const cases = RECTIFICATION_STATES.flatMap((state) =>
        ROLES.flatMap((role) => variants.map((supervised) => ({ state, role, supervised }))),
      );
      const ids = await insertItems(
        app,
        cases.map(({ state, supervised }) => ({
          campaignId,
          unitCode: 'unit-a',
          state,
          ...(supervised
            ? {
                supervised: true,
                supervisingLeader: '贺富昌',
                reportingIntervalDays: 14,
                supervisedSince: '2026-11-25',
                supervisionReportDue: '2026-12-09',
              }
            : {}),
        })),
      );
      const mismatches: string[] = [];
      let allowedCount = 0;
      for (const [i, c] of cases.entries()) {
        const id = ids[i] as number;
        const before = await storedItem(app, id);
        const want = expected(row, c.state, c.role, c.supervised);
        const answer = await app.gql(
          FIRE,
          { id: String(id), event: row.event, payload: payloadOf(row) },
          tokens.get(c.role),
        );
        const result = answer.data?.fireRectificationEvent;
        const after = await storedItem(app, id);
        const history: { event: string; from_state: string; to_state: string }[] = await app.dataSource.query(
          `SELECT event, from_state, to_state FROM rectification_history WHERE item_id = ${id}`,
        );
        const label = `${c.role} in ${c.state}${c.supervised ? ' (supervised)' : ''}`;
        if (want.allowed) {
          allowedCount += 1;
          const to = row.to ?? c.state;
          if (result?.__typename !== 'RectificationItem' || result.state !== to)
            mismatches.push(`${label}: expected ${to}, got ${JSON.stringify(answer.data ?? answer.errors)}`);
          else if (after.state !== to || after.version !== before.version + 1)
            mismatches.push(`${label}: stored ${after.state} v${after.version}`);
          else if (
            history.length !== 1 ||
            history[0]?.event !== row.event ||
            history[0]?.from_state !== c.state ||
            history[0]?.to_state !== to
          ) {
            mismatches.push(`${label}: history ${JSON.stringify(history)}`);
          }
        } else {
          if (result?.__typename !== 'TransitionRefusedError' || result.reason !== want.reason) {
            mismatches.push(
              `${label}: expected refusal ${want.reason}, got ${JSON.stringify(answer.data ?? answer.errors)}`,
            );
          } else if (!result.message.includes(row.event))
            mismatches.push(`${label}: the message does not name the event: ${result.message}`);
          if (after.state !== c.state || after.version !== before.version || history.length !== 0)
            mismatches.push(`${label}: a refused event changed the item`);
        }
      }
      expect(mismatches).toEqual([]);
      // the table allows each event to someone in some state: the cases cannot all be refusals
      expect(allowedCount).toBe(row.roles.length * row.from.length);
      expect(cases.length).toBe(RECTIFICATION_STATES.length * ROLES.length * variants.length);
    },
  );

  it("refuses a liaison of another unit every event as NOT_FOUND: another unit's items do not exist for them", async () => {
    const other = await app.loginAs(Role.liaison, 'unit-b');
    const [id] = await insertItems(app, [{ campaignId, unitCode: 'unit-a', state: 'inProgress' }]);
    for (const row of RECTIFICATION_TRANSITIONS) {
      const answer = await app.gql(FIRE, { id: String(id), event: row.event, payload: payloadOf(row) }, other);
      expect(answer.data.fireRectificationEvent, row.event).toMatchObject({
        __typename: 'NotFoundError',
        errorCode: 'NOT_FOUND',
      });
    }
    expect((await storedItem(app, id as number)).version).toBe(1);
  });

  it('says which field is missing and which are not taken', async () => {
    const liaison = tokens.get('liaison') as string;
    const [id] = await insertItems(app, [{ campaignId, unitCode: 'unit-a', state: 'verified' }]);
    const missing = await app.gql(
      FIRE,
      { id: String(id), event: 'proposePlan', payload: { plan: '方案', owner: '张三' } },
      liaison,
    );
    expect(missing.data.fireRectificationEvent).toMatchObject({
      __typename: 'TransitionRefusedError',
      reason: 'missingField',
    });
    expect(missing.data.fireRectificationEvent.message).toMatch(/deadline is missing/);
    const past = await app.gql(
      FIRE,
      { id: String(id), event: 'proposePlan', payload: { plan: '方案', owner: '张三', deadline: '2026-11-30' } },
      liaison,
    );
    expect(past.data.fireRectificationEvent).toMatchObject({ reason: 'invalidField' });
    expect(past.data.fireRectificationEvent.message).toMatch(/2026-11-30 is before today 2026-12-01/);
    const stray = await app.gql(
      FIRE,
      {
        id: String(id),
        event: 'proposePlan',
        payload: { plan: '方案', owner: '张三', deadline: '2026-12-10', progress: 5 },
      },
      liaison,
    );
    expect(stray.data.fireRectificationEvent).toMatchObject({
      __typename: 'InvalidArgumentError',
      path: 'payload.progress',
    });
    expect(stray.data.fireRectificationEvent.message).toMatch(
      /proposePlan takes no progress \(it takes plan, owner, deadline\)/,
    );
  });
}

describe('rectification transition table [sqlite]', () => transitionSuite('sqlite'));
describeOnPostgres('rectification transition table', () => transitionSuite('postgres'));
