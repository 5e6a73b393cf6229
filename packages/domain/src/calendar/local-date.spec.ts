import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isTimeZone,
  localDateOf,
  parseLocalDate,
  parseTimeZone,
} from './local-date.js';

describe('isLocalDate', () => {
  it.each([
    ['2026-10-15', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-05', false],
    ['2026-10-15T00:00:00Z', false],
    ['0999-01-01', false],
    [20261015, false],
  ])('%s → %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('parseLocalDate', () => {
  it('throws INVALID_DATE at the given path', () => {
    expect(() => parseLocalDate('2026-02-30', 'phases[1].end')).toThrowError(
      'phases[1].end: "2026-02-30" is not a calendar date YYYY-MM-DD',
    );
    try {
      parseLocalDate(null, 'x', 'INVALID_CALENDAR');
    } catch (error) {
      expect(isPingyiError(error, 'INVALID_CALENDAR')).toBe(true);
    }
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-06-18', 0, '2026-06-18'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });
});

describe('localDateOf', () => {
  it.each([
    ['2026-10-15T15:59:59Z', 'Asia/Shanghai', '2026-10-15'],
    ['2026-10-15T16:00:00Z', 'Asia/Shanghai', '2026-10-16'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2027-01-01'],
    ['2026-10-16T03:59:59Z', 'America/New_York', '2026-10-15'],
    ['2026-10-16T04:00:00Z', 'America/New_York', '2026-10-16'],
    // New York is UTC−5 in winter: midnight moves with daylight saving.
    ['2026-12-01T04:59:59Z', 'America/New_York', '2026-11-30'],
    ['2026-12-01T05:00:00Z', 'America/New_York', '2026-12-01'],
    ['2026-10-15T23:59:59Z', 'UTC', '2026-10-15'],
    ['2026-10-15T10:59:59Z', 'Pacific/Kiritimati', '2026-10-16'],
  ])('%s in %s is %s', (iso, timeZone, expected) => {
    expect(localDateOf(new Date(iso), timeZone)).toBe(expected);
  });

  it('rejects an invalid Date and an unknown time zone', () => {
    expect(() => localDateOf(new Date('nope'), 'UTC')).toThrowError(/valid Date/);
    expect(() => localDateOf(new Date(), 'Mars/Olympus')).toThrowError(/not a known IANA time zone/);
  });
});

describe('time zones', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['UTC', true],
    ['Europe/Berlin', true],
    ['Asia/Beijing', false],
    ['', false],
    [8, false],
  ])('%s valid: %s', (zone, expected) => {
    expect(isTimeZone(zone)).toBe(expected);
  });

  it('parseTimeZone throws INVALID_TIME_ZONE naming the field', () => {
    expect(() => parseTimeZone('Asia/Beijing', 'calendar.timeZone')).toThrowError(
      /^calendar\.timeZone: "Asia\/Beijing" is not/,
    );
  });
});
