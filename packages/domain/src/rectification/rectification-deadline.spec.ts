import { describe, expect, it } from 'vitest';
import { itemIn } from './rectification-fixtures.js';
import { type RectificationState } from './rectification-item.js';
import { isDueSoon, isOverdue } from './rectification-deadline.js';

// Deadline 2026-12-10 (the fixture's) in every case.
describe('isOverdue on the deadline day and the day after, across time zones', () => {
  it.each([
    ['Asia/Shanghai', '2026-12-10T15:59:59Z', false], // 12-10 23:59:59 local: the deadline day itself
    ['Asia/Shanghai', '2026-12-10T16:00:00Z', true], // 12-11 00:00 local
    ['Asia/Shanghai', '2026-12-09T16:00:00Z', false],
    ['UTC', '2026-12-10T23:59:59Z', false],
    ['UTC', '2026-12-11T00:00:00Z', true],
    ['America/New_York', '2026-12-11T04:59:59Z', false], // 12-10 23:59:59 EST
    ['America/New_York', '2026-12-11T05:00:00Z', true],
    ['Pacific/Kiritimati', '2026-12-10T09:59:59Z', false], // UTC+14
    ['Pacific/Kiritimati', '2026-12-10T10:00:00Z', true],
  ])('%s at %s → %s', (timeZone, iso, overdue) => {
    expect(isOverdue(itemIn('inProgress'), new Date(iso), timeZone)).toBe(overdue);
  });

  const late = new Date('2027-01-05T00:00:00Z');
  it.each([
    ['planned', true],
    ['inProgress', true],
    ['rectified', false],
    ['accepted', false],
    ['dismissed', false],
  ] as const)('long after the deadline, %s → %s', (state: RectificationState, overdue) => {
    expect(isOverdue(itemIn(state, { deadline: '2026-12-10' }), late, 'Asia/Shanghai')).toBe(overdue);
  });

  it('is never overdue without a deadline', () => {
    expect(isOverdue(itemIn('verified'), late, 'Asia/Shanghai')).toBe(false);
  });
});

describe('isDueSoon', () => {
  it.each([
    ['2026-12-06T16:00:00Z', 3, true], // 12-07: 3 days left, the edge of the window
    ['2026-12-05T16:00:00Z', 3, false], // 12-06: 4 days left
    ['2026-12-07T16:00:00Z', 3, true], // 12-08: 2 days left
    ['2026-12-10T15:59:59Z', 3, true], // deadline day
    ['2026-12-10T16:00:00Z', 3, false], // overdue, not "soon"
    ['2026-12-09T16:00:00Z', 0, true], // deadline day with days = 0
    ['2026-11-30T16:00:00Z', 10, true], // 12-01: 9 days left
  ])('at %s with %i days → %s', (iso, days, soon) => {
    expect(isDueSoon(itemIn('inProgress'), new Date(iso), 'Asia/Shanghai', days)).toBe(soon);
  });

  it('is false once rectified and rejects a negative window', () => {
    expect(isDueSoon(itemIn('rectified'), new Date('2026-12-09T00:00:00Z'), 'Asia/Shanghai')).toBe(false);
    expect(() => isDueSoon(itemIn('inProgress'), new Date(), 'UTC', -1)).toThrowError(RangeError);
  });
});
