import { describe, expect, it } from 'vitest';
import { type RectificationState, RECTIFICATION_STATES, type Role } from './rectification-item.js';
import { itemIn, NOW } from './rectification-fixtures.js';
import {
  allowedEvents,
  RECTIFICATION_EVENT_TYPES,
  RECTIFICATION_TRANSITIONS,
  type RectificationEvent,
  type RectificationEventType,
} from './rectification-transitions.js';
import { tryTransitionRectification } from './transition-rectification.js';

// Hand-written expectation of the whole table, independent of the data it checks:
// event, allowed "from>to" moves (= keeps the state), roles.
const EXPECTED_TABLE = `
verify                 identified>verified                                                office admin
dismiss                identified>dismissed verified>dismissed                            office admin
proposePlan            verified>planned planned>planned                                   liaison
rejectPlan             planned>verified                                                   office admin
approvePlan            planned>inProgress                                                 office admin
reportProgress         inProgress=                                                        liaison
reportFixed            inProgress>rectified                                               liaison
returnForRework        rectified>inProgress                                               office admin
accept                 rectified>accepted                                                 office admin
lookBackConfirmed      accepted=                                                          office admin inspector
lookBackRebound        accepted>inProgress                                                office admin inspector
placeUnderSupervision  identified= verified= planned= inProgress= rectified=              leader inspector
liftSupervision        identified= verified= planned= inProgress= rectified=              leader inspector
changeDeadline         planned= inProgress=                                               office admin
`;

interface Expected {
  readonly moves: ReadonlyMap<RectificationState, RectificationState>;
  readonly roles: readonly Role[];
}

const EXPECTED = new Map<string, Expected>(
  EXPECTED_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [event = '', ...rest] = line.trim().split(/\s+/);
      const moves = rest.filter((word) => /[>=]/.test(word));
      const roles = rest.filter((word) => !/[>=]/.test(word)) as Role[];
      return [
        event,
        {
          moves: new Map(
            moves.map((move) => {
              const [from, to] = move.split(/[>=]/) as [RectificationState, string];
              return [from, (to === '' ? from : to) as RectificationState];
            }),
          ),
          roles,
        },
      ];
    }),
);

// A valid payload for every event (deadlines after 2026-11-20 and different from the items' 2026-12-10).
const PAYLOADS: Record<RectificationEventType, RectificationEvent> = {
  verify: { type: 'verify' },
  dismiss: { type: 'dismiss', reason: '经核实不属实' },
  proposePlan: { type: 'proposePlan', plan: '增派警力', owner: '李队长', deadline: '2026-12-20' },
  rejectPlan: { type: 'rejectPlan', reason: '措施不具体' },
  approvePlan: { type: 'approvePlan' },
  reportProgress: { type: 'reportProgress', note: '已增设两个岗', evidence: ['file:2'], progress: 60 },
  reportFixed: { type: 'reportFixed', publicResponse: '已在路口增设固定岗', evidence: ['file:3'] },
  returnForRework: { type: 'returnForRework', reason: '证据不足' },
  accept: { type: 'accept' },
  lookBackConfirmed: { type: 'lookBackConfirmed', note: '回访群众满意' },
  lookBackRebound: { type: 'lookBackRebound', note: '早高峰再次拥堵', deadline: '2027-01-15' },
  placeUnderSupervision: { type: 'placeUnderSupervision', supervisingLeader: '贺富昌', reportingIntervalDays: 7 },
  liftSupervision: { type: 'liftSupervision' },
  changeDeadline: { type: 'changeDeadline', deadline: '2026-12-20', reason: '需协调市政施工' },
};

const ACTORS: readonly { readonly name: string; readonly role: Role; readonly unit?: string }[] = [
  { name: 'admin', role: 'admin' },
  { name: 'office', role: 'office' },
  { name: 'own liaison', role: 'liaison', unit: 'traffic-police' },
  { name: 'other liaison', role: 'liaison', unit: 'public-order' },
  { name: 'inspector', role: 'inspector' },
  { name: 'leader', role: 'leader' },
];

describe('the lifecycle table as data', () => {
  it('matches the hand-written expectation row by row', () => {
    expect(RECTIFICATION_TRANSITIONS.map((row) => row.event)).toEqual([...EXPECTED.keys()]);
    for (const row of RECTIFICATION_TRANSITIONS) {
      const expected = EXPECTED.get(row.event);
      expect([...row.roles].sort(), row.event).toEqual([...(expected?.roles ?? [])].sort());
      expect(new Map(row.from.map((state) => [state, row.to ?? state])), row.event).toEqual(expected?.moves);
    }
  });

  it('lists every event type once', () => {
    expect([...RECTIFICATION_EVENT_TYPES].sort()).toEqual(RECTIFICATION_TRANSITIONS.map((row) => row.event).sort());
  });
});

describe('every event in every state for every role', () => {
  const cases = RECTIFICATION_STATES.flatMap((state) =>
    [false, true].flatMap((supervised) =>
      RECTIFICATION_EVENT_TYPES.flatMap((event) =>
        ACTORS.map((actor) => ({ state, supervised, event, actor: actor.name, role: actor.role, unit: actor.unit })),
      ),
    ),
  );

  it.each(cases)('$event in $state (supervised: $supervised) by $actor', ({ state, supervised, event, role, unit }) => {
    const supervision = supervised
      ? { supervisingLeader: '王惠敏', reportingIntervalDays: 14, since: '2026-11-17' }
      : null;
    const item = itemIn(state, { supervision });
    const expected = EXPECTED.get(event);
    const roleOk = expected?.roles.includes(role) ?? false;
    const unitOk = role !== 'liaison' || unit === item.unitCode;
    const stateOk = expected?.moves.has(state) ?? false;
    const flagOk = event !== 'liftSupervision' || supervised;
    const expectedReason = !roleOk
      ? 'wrongRole'
      : !unitOk
        ? 'otherUnit'
        : !stateOk
          ? 'wrongState'
          : !flagOk
            ? 'notUnderSupervision'
            : null;

    const result = tryTransitionRectification(item, PAYLOADS[event], { role, actorUnitCode: unit ?? null, now: NOW });
    const offered = allowedEvents(item, role, unit).includes(event);
    if (expectedReason === null) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.item.state).toBe(expected?.moves.get(state));
      expect(offered).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('TRANSITION_REFUSED');
        expect(result.error.details?.reason).toBe(expectedReason);
      }
      expect(offered).toBe(false);
    }
  });
});
