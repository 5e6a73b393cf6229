import { describe, expect, it } from 'vitest';
import { isPingyiError, type PingyiError } from '../errors/pingyi-error.js';
import { type RectificationEffect } from './rectification-effect.js';
import { itemIn, NOW } from './rectification-fixtures.js';
import { type RectificationItem, type Role } from './rectification-item.js';
import { type RectificationEvent } from './rectification-transitions.js';
import { transitionRectification, tryTransitionRectification } from './transition-rectification.js';

const OFFICE = { role: 'office' as Role, now: NOW };
const LIAISON = { role: 'liaison' as Role, actorUnitCode: 'traffic-police', now: NOW };
const INSPECTOR = { role: 'inspector' as Role, now: NOW };
const SUPERVISION = { supervisingLeader: '王惠敏', reportingIntervalDays: 14, since: '2026-11-17' };

function refusal(item: RectificationItem, event: unknown, context: typeof OFFICE | typeof LIAISON): PingyiError {
  try {
    transitionRectification(item, event as RectificationEvent, context);
  } catch (error) {
    if (isPingyiError(error, 'TRANSITION_REFUSED')) return error;
    throw error;
  }
  throw new Error('expected TRANSITION_REFUSED');
}

const notices = (effects: readonly RectificationEffect[]): string[] =>
  effects.flatMap((effect) =>
    effect.type === 'notify'
      ? [`${effect.to}${effect.unitCode ? `:${effect.unitCode}` : ''}${effect.person ? `:${effect.person}` : ''}`]
      : [],
  );

describe('transition outcomes and effects', () => {
  it('proposePlan records plan, owner and deadline, tells the office, and writes history first', () => {
    const before = itemIn('verified');
    const { item, effects } = transitionRectification(
      before,
      { type: 'proposePlan', plan: ' 增派警力 ', owner: '李队长', deadline: '2026-12-20' },
      LIAISON,
    );
    expect(item).toMatchObject({ state: 'planned', plan: '增派警力', owner: '李队长', deadline: '2026-12-20' });
    expect(before.state).toBe('verified');
    expect(effects[0]).toEqual({
      type: 'history',
      itemId: 'R-7',
      event: 'proposePlan',
      from: 'verified',
      to: 'planned',
      role: 'liaison',
      actorUnitCode: 'traffic-police',
      at: NOW,
      date: '2026-11-20',
      details: { plan: '增派警力', owner: '李队长', deadline: '2026-12-20' },
    });
    expect(notices(effects)).toEqual(['office']);
  });

  it('a deadline of today is fine (the day is not over)', () => {
    expect(
      transitionRectification(
        itemIn('verified'),
        { type: 'proposePlan', plan: 'p', owner: 'o', deadline: '2026-11-20' },
        LIAISON,
      ).item.deadline,
    ).toBe('2026-11-20');
  });

  it('reportProgress merges evidence, sets progress and tells the office and the supervising leader', () => {
    const { item, effects } = transitionRectification(
      itemIn('inProgress', { evidence: ['file:1'], supervision: SUPERVISION }),
      { type: 'reportProgress', note: '进展', evidence: ['file:1', ' file:2 '], progress: 70 },
      LIAISON,
    );
    expect(item).toMatchObject({ state: 'inProgress', evidence: ['file:1', 'file:2'], progress: 70 });
    expect(notices(effects)).toEqual(['office', 'supervisingLeader:王惠敏']);
  });

  it('reportFixed stores the public response (回应)', () => {
    const { item } = transitionRectification(
      itemIn('inProgress'),
      { type: 'reportFixed', publicResponse: '已整改并回应群众' },
      LIAISON,
    );
    expect(item).toMatchObject({ state: 'rectified', publicResponse: '已整改并回应群众', progress: 100 });
  });

  it('accept closes the item, ends supervision and schedules the look-back 30 days out by default', () => {
    const { item, effects } = transitionRectification(
      itemIn('rectified', { supervision: SUPERVISION }),
      { type: 'accept' },
      OFFICE,
    );
    expect(item).toMatchObject({ state: 'accepted', closedOn: '2026-11-20', supervision: null });
    expect(effects.slice(1)).toEqual([
      { type: 'cancelSupervisionReports', itemId: 'R-7' },
      { type: 'notify', itemId: 'R-7', to: 'unit', unitCode: 'traffic-police', reason: 'accept' },
      { type: 'scheduleLookBack', itemId: 'R-7', due: '2026-12-20' },
    ]);
  });

  it('accept honours a given look-back date and a configured default', () => {
    const given = transitionRectification(itemIn('rectified'), { type: 'accept', lookBackDue: '2027-03-01' }, OFFICE);
    expect(given.effects).toContainEqual({ type: 'scheduleLookBack', itemId: 'R-7', due: '2027-03-01' });
    const configured = transitionRectification(
      itemIn('rectified'),
      { type: 'accept' },
      { ...OFFICE, lookBackAfterDays: 90 },
    );
    expect(configured.effects).toContainEqual({ type: 'scheduleLookBack', itemId: 'R-7', due: '2027-02-18' });
  });

  it('a rebound reopens the item with a new deadline and counts it', () => {
    const accepted = itemIn('accepted', { rebounds: 1, lookBacks: 2 });
    const { item, effects } = transitionRectification(
      accepted,
      { type: 'lookBackRebound', note: '反弹', deadline: '2027-01-15' },
      INSPECTOR,
    );
    expect(item).toMatchObject({
      state: 'inProgress',
      deadline: '2027-01-15',
      rebounds: 2,
      lookBacks: 2,
      closedOn: null,
      progress: null,
    });
    expect(notices(effects)).toEqual(['unit:traffic-police', 'office']);
  });

  it('a confirmed look-back counts and keeps the item accepted', () => {
    const { item } = transitionRectification(
      itemIn('accepted'),
      { type: 'lookBackConfirmed', note: '巩固' },
      INSPECTOR,
    );
    expect(item).toMatchObject({ state: 'accepted', lookBacks: 1 });
  });

  it('listed supervision is a flag: placing schedules reports, lifting cancels them; the state never changes', () => {
    const leader = { role: 'leader' as Role, now: NOW };
    const placed = transitionRectification(
      itemIn('planned'),
      { type: 'placeUnderSupervision', supervisingLeader: '贺富昌', reportingIntervalDays: 7 },
      leader,
    );
    expect(placed.item).toMatchObject({
      state: 'planned',
      supervision: { supervisingLeader: '贺富昌', reportingIntervalDays: 7, since: '2026-11-20' },
    });
    expect(placed.effects).toContainEqual({
      type: 'scheduleSupervisionReports',
      itemId: 'R-7',
      everyDays: 7,
      firstDue: '2026-11-27',
    });
    expect(notices(placed.effects)).toEqual(['unit:traffic-police', 'office', 'supervisingLeader:贺富昌']);

    const lifted = transitionRectification(placed.item, { type: 'liftSupervision', reason: '已见成效' }, leader);
    expect(lifted.item).toMatchObject({ state: 'planned', supervision: null });
    expect(lifted.effects).toContainEqual({ type: 'cancelSupervisionReports', itemId: 'R-7' });
    expect(notices(lifted.effects)).toEqual(['unit:traffic-police', 'supervisingLeader:贺富昌']);
  });

  it('changing the supervising leader keeps the original date', () => {
    const item = itemIn('inProgress', { supervision: SUPERVISION });
    const { item: next } = transitionRectification(
      item,
      { type: 'placeUnderSupervision', supervisingLeader: '贺富昌', reportingIntervalDays: 3 },
      INSPECTOR,
    );
    expect(next.supervision).toEqual({ supervisingLeader: '贺富昌', reportingIntervalDays: 3, since: '2026-11-17' });
  });

  it('returnForRework may set a new deadline and resets progress', () => {
    const { item } = transitionRectification(
      itemIn('rectified'),
      { type: 'returnForRework', reason: '证据不足', deadline: '2026-12-31' },
      OFFICE,
    );
    expect(item).toMatchObject({ state: 'inProgress', deadline: '2026-12-31', progress: null });
  });

  it('changeDeadline records the previous deadline', () => {
    const { effects } = transitionRectification(
      itemIn('inProgress'),
      { type: 'changeDeadline', deadline: '2026-12-31', reason: '施工' },
      OFFICE,
    );
    expect(effects[0]).toMatchObject({
      details: { deadline: '2026-12-31', previousDeadline: '2026-12-10', reason: '施工' },
    });
  });
});

describe('refusals say why', () => {
  it.each([
    [
      'unknown event',
      itemIn('identified'),
      { type: 'reopen' },
      OFFICE,
      'unknownEvent',
      'event.type',
      '"reopen" is not a rectification event',
    ],
    [
      'wrong role',
      itemIn('rectified'),
      { type: 'accept' },
      LIAISON,
      'wrongRole',
      'role',
      'accept (验收) on item R-7 refused: role liaison (单位联络员) may not do this; allowed: office, admin',
    ],
    [
      'liaison of another unit',
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: 'o', deadline: '2026-12-01' },
      { ...LIAISON, actorUnitCode: 'public-order' },
      'otherUnit',
      'actorUnitCode',
      'the liaison of "public-order" may not act on an item of "traffic-police"',
    ],
    [
      'liaison without a unit',
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: 'o', deadline: '2026-12-01' },
      { ...LIAISON, actorUnitCode: undefined },
      'otherUnit',
      'actorUnitCode',
      'a liaison with no unit may not act',
    ],
    [
      'wrong state',
      itemIn('identified'),
      { type: 'accept' },
      OFFICE,
      'wrongState',
      'state',
      'the item is identified (已立项); allowed only when rectified (已整改待验收)',
    ],
    [
      'not supervised',
      itemIn('planned'),
      { type: 'liftSupervision' },
      INSPECTOR,
      'notUnderSupervision',
      'supervision',
      'the item is not under listed supervision',
    ],
    [
      'missing plan',
      itemIn('verified'),
      { type: 'proposePlan', owner: 'o', deadline: '2026-12-01' },
      LIAISON,
      'missingField',
      'event.plan',
      'proposePlan (提交整改方案) on item R-7 refused: plan is missing',
    ],
    [
      'blank owner',
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: '  ', deadline: '2026-12-01' },
      LIAISON,
      'missingField',
      'event.owner',
      'owner is missing',
    ],
    [
      'missing deadline',
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: 'o' },
      LIAISON,
      'missingField',
      'event.deadline',
      'deadline is missing',
    ],
    [
      'deadline in the past',
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: 'o', deadline: '2026-11-19' },
      LIAISON,
      'invalidField',
      'event.deadline',
      'deadline 2026-11-19 is before today 2026-11-20',
    ],
    [
      'deadline not a date',
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: 'o', deadline: '12/01' },
      LIAISON,
      'invalidField',
      'event.deadline',
      'deadline "12/01" is not a date YYYY-MM-DD',
    ],
    [
      'missing public response',
      itemIn('inProgress'),
      { type: 'reportFixed' },
      LIAISON,
      'missingField',
      'event.publicResponse',
      'publicResponse is missing',
    ],
    [
      'progress above 100',
      itemIn('inProgress'),
      { type: 'reportProgress', note: 'n', progress: 120 },
      LIAISON,
      'invalidField',
      'event.progress',
      'progress must be an integer from 0 to 100, got 120',
    ],
    [
      'bad evidence',
      itemIn('inProgress'),
      { type: 'reportProgress', note: 'n', evidence: ['ok', ''] },
      LIAISON,
      'invalidField',
      'event.evidence',
      'evidence must be a list of non-empty references',
    ],
    [
      'note not text',
      itemIn('inProgress'),
      { type: 'reportProgress', note: 5 },
      LIAISON,
      'invalidField',
      'event.note',
      'note must be text',
    ],
    [
      'dismiss without reason',
      itemIn('identified'),
      { type: 'dismiss' },
      OFFICE,
      'missingField',
      'event.reason',
      'reason is missing',
    ],
    [
      'rebound without deadline',
      itemIn('accepted'),
      { type: 'lookBackRebound', note: '反弹' },
      INSPECTOR,
      'missingField',
      'event.deadline',
      'deadline is missing',
    ],
    [
      'supervision interval zero',
      itemIn('planned'),
      { type: 'placeUnderSupervision', supervisingLeader: '贺富昌', reportingIntervalDays: 0 },
      INSPECTOR,
      'invalidField',
      'event.reportingIntervalDays',
      'must be an integer from 1 to 365, got 0',
    ],
    [
      'same deadline',
      itemIn('inProgress'),
      { type: 'changeDeadline', deadline: '2026-12-10', reason: 'r' },
      OFFICE,
      'invalidField',
      'event.deadline',
      'deadline is already 2026-12-10',
    ],
  ])('%s → %s at %s', (_name, item, event, context, reason, path, message) => {
    const error = refusal(item, event, context);
    expect(error.details?.reason).toBe(reason);
    expect(error.path).toBe(path);
    expect(error.message).toContain(message);
  });

  it('reads "today" in the given time zone', () => {
    // 2026-11-20T02:00Z is still 11-19 in New York, so a 11-19 deadline is not in the past there.
    const outcome = tryTransitionRectification(
      itemIn('verified'),
      { type: 'proposePlan', plan: 'p', owner: 'o', deadline: '2026-11-19' },
      { ...LIAISON, timeZone: 'America/New_York' },
    );
    expect(outcome.ok).toBe(true);
  });

  it('refuses an unknown role as wrongRole', () => {
    const error = refusal(itemIn('identified'), { type: 'verify' }, { ...OFFICE, role: 'mayor' as Role });
    expect(error.message).toContain('role "mayor" may not do this');
  });
});
