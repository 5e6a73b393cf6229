// Calendar dates in the bureau's time zone. A LocalDate is a plain
// 'YYYY-MM-DD' string: it sorts and compares as text, survives JSON and
// GraphQL unchanged, and never drifts by a day the way a Date at midnight does.
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from '../errors/domain-error-codes.js';
import { PingyiError } from '../errors/pingyi-error.js';
import { refusal } from '../errors/reasons/index.js';

/** A calendar date `YYYY-MM-DD` (years 1000–9999), meaning the whole local day. */
export type LocalDate = string;

/** The bureau's time zone unless a campaign says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Builds a LocalDate from numbers, or returns `null` when no such day exists (2026-02-30). */
export function localDateFromParts(year: number, month: number, day: number): LocalDate | null {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999) return null;
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  return match !== null && localDateFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/**
 * Checks an untrusted date. Throws `code` (default `INVALID_DATE`) at `path`
 * when the value is not a real `YYYY-MM-DD` date.
 */
export function parseLocalDate(
  value: unknown,
  path: string,
  code: DomainErrorCode = DOMAIN_ERROR_CODES.INVALID_DATE,
): LocalDate {
  if (isLocalDate(value)) return value;
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  throw refusal(code, 'notADate', { value: shown }, path);
}

function toUtcMs(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(toUtcMs(date) + days * DAY_MS);
  const result = localDateFromParts(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  if (result === null)
    throw new PingyiError(DOMAIN_ERROR_CODES.INVALID_DATE, `${date} + ${days} days leaves years 1000–9999`);
  return result;
}

/** Whole days from `from` to `to` (`to` later gives a positive number). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Checks an untrusted time zone name; throws `code` (default `INVALID_TIME_ZONE`) at `path`. */
export function parseTimeZone(
  value: unknown,
  path = 'timeZone',
  code: DomainErrorCode = DOMAIN_ERROR_CODES.INVALID_TIME_ZONE,
): string {
  if (isTimeZone(value)) return value;
  throw refusal(code, 'unknownTimeZone', { value: JSON.stringify(value) ?? String(value) }, path);
}

/** Throws `INVALID_DATE` unless `instant` is a valid Date. */
export function assertInstant(instant: Date, path = 'instant'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new PingyiError(DOMAIN_ERROR_CODES.INVALID_DATE, 'must be a valid Date', path);
  }
}

/**
 * The calendar date an instant falls on in `timeZone`: 2026-10-15T16:00:00Z is
 * 2026-10-16 in Asia/Shanghai. Uses Intl, so it follows the runtime's tz data
 * (daylight saving included).
 */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  assertInstant(instant);
  const formatter = formatterFor(parseTimeZone(timeZone));
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  const date = localDateFromParts(Number(parts.year), Number(parts.month), Number(parts.day));
  if (date === null)
    throw new PingyiError(
      DOMAIN_ERROR_CODES.INVALID_DATE,
      `${instant.toISOString()} is outside years 1000–9999`,
      'instant',
    );
  return date;
}
