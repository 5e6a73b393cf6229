import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { expectArray, expectBoolean, expectCode, expectObject, expectText, failWith } from '../errors/input-readers.js';
import { because } from '../errors/reasons/index.js';
import {
  addDays,
  DEFAULT_TIME_ZONE,
  type LocalDate,
  localDateOf,
  parseLocalDate,
  parseTimeZone,
} from './local-date.js';

/** The seed plan's four phases, in order (动员部署, 组织实施, 接受评议, 整改提高). */
export const SEED_PHASE_CODES = ['mobilization', 'implementation', 'appraisal', 'rectification'] as const;

/** A phase of the seed plan. */
export type SeedPhaseCode = (typeof SEED_PHASE_CODES)[number];

/** A phase code: one of the seed's four or a bureau's own. */
export type PhaseCode = SeedPhaseCode | (string & {});

/** One window of the campaign. `start` and `end` are local dates; both days belong to the phase. */
export interface Phase {
  readonly code: PhaseCode;
  /** Chinese label shown to people, e.g. 接受评议. */
  readonly label: string;
  readonly start: LocalDate;
  /** Inclusive: the phase lasts to the end of this local day. */
  readonly end: LocalDate;
}

/**
 * A campaign's calendar: ordered phases inside the campaign's own dates, read
 * in the bureau's time zone. Phases tile the campaign with no gap unless
 * `allowGaps` is set; they never overlap. May span two years.
 */
export interface CampaignCalendar {
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** IANA name; a day's window is the whole local day there. Default `Asia/Shanghai`. */
  readonly timeZone: string;
  readonly phases: readonly Phase[];
  /** When true, days inside the campaign may belong to no phase (no action is open then). */
  readonly allowGaps?: boolean;
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_CALENDAR);

/** `phase "appraisal" (接受评议)` for messages. */
export const namePhase = (phase: Pick<Phase, 'code' | 'label'>): string => `phase "${phase.code}" (${phase.label})`;

/** A phase's name for the English message (`phase "appraisal" (接受评议)`) and its label for the Chinese one. */
const named = (phase: Pick<Phase, 'code' | 'label'>) => ({ phase: namePhase(phase), label: phase.label });

/** `接受评议 appraisal 2026-10-16 to 2026-11-15` for messages. */
export const describeWindow = (phase: Phase): string => `${phase.label} ${phase.code} ${phase.start} to ${phase.end}`;

/**
 * Checks an untrusted calendar and returns it typed. Throws `INVALID_CALENDAR`
 * with the path of the first problem (`phases[2].start`) and a message naming
 * the phase and the date:
 * - campaign dates and time zone well formed, start ≤ end; at least one phase;
 * - each phase: code unique, label, start ≤ end, both inside the campaign;
 * - phases listed in date order, no overlap, and (unless `allowGaps`) no gap
 *   between phases nor at either end of the campaign.
 * A missing `timeZone` means `Asia/Shanghai`.
 */
export function parseCampaignCalendar(value: unknown, path = 'calendar'): CampaignCalendar {
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  const raw = expectObject(value, path, fail);
  const timeZone =
    raw.timeZone === undefined
      ? DEFAULT_TIME_ZONE
      : parseTimeZone(raw.timeZone, at('timeZone'), DOMAIN_ERROR_CODES.INVALID_CALENDAR);
  const start = parseLocalDate(raw.start, at('start'), DOMAIN_ERROR_CODES.INVALID_CALENDAR);
  const end = parseLocalDate(raw.end, at('end'), DOMAIN_ERROR_CODES.INVALID_CALENDAR);
  if (end < start) fail(at('end'), ...because('campaignEndsBeforeStart', { end, start }));
  const allowGaps = raw.allowGaps === undefined ? false : expectBoolean(raw.allowGaps, at('allowGaps'), fail);

  const rawPhases = expectArray(raw.phases, at('phases'), fail);
  if (rawPhases.length === 0) fail(at('phases'), ...because('noPhases'));
  const seen = new Set<string>();
  const phases = rawPhases.map((item, i): Phase => {
    const p = at(`phases[${i}]`);
    const rawPhase = expectObject(item, p, fail);
    const code = expectCode(rawPhase.code, `${p}.code`, fail);
    if (seen.has(code)) fail(`${p}.code`, ...because('phaseCodeTwice', { code }));
    seen.add(code);
    const label = expectText(rawPhase.label, `${p}.label`, fail);
    const phase: Phase = {
      code,
      label,
      start: parseLocalDate(rawPhase.start, `${p}.start`, DOMAIN_ERROR_CODES.INVALID_CALENDAR),
      end: parseLocalDate(rawPhase.end, `${p}.end`, DOMAIN_ERROR_CODES.INVALID_CALENDAR),
    };
    if (phase.end < phase.start)
      fail(`${p}.end`, ...because('phaseEndsBeforeStart', { ...named(phase), end: phase.end, start: phase.start }));
    if (phase.start < start)
      fail(
        `${p}.start`,
        ...because('phaseBeforeCampaign', { ...named(phase), start: phase.start, campaignStart: start }),
      );
    if (phase.end > end)
      fail(`${p}.end`, ...because('phaseAfterCampaign', { ...named(phase), end: phase.end, campaignEnd: end }));
    return phase;
  });

  // Order and overlaps first: a phase listed out of order also looks like a gap.
  phases.forEach((phase, i) => {
    const previous = phases[i - 1];
    if (previous === undefined) return;
    const p = at(`phases[${i}]`);
    if (phase.start < previous.start) {
      fail(
        `${p}.start`,
        ...because('phaseOutOfOrder', {
          ...named(phase),
          start: phase.start,
          previous: namePhase(previous),
          previousLabel: previous.label,
          previousStart: previous.start,
        }),
      );
    }
    if (phase.start <= previous.end) {
      fail(
        `${p}.start`,
        ...because('phaseOverlaps', {
          ...named(phase),
          start: phase.start,
          previous: namePhase(previous),
          previousLabel: previous.label,
          previousEnd: previous.end,
        }),
      );
    }
  });
  if (!allowGaps) {
    phases.forEach((phase, i) => {
      const p = at(`phases[${i}]`);
      const previous = phases[i - 1];
      if (previous === undefined) {
        if (phase.start > start) {
          fail(
            `${p}.start`,
            ...because('gapAtStart', {
              ...named(phase),
              start: phase.start,
              from: start,
              to: addDays(phase.start, -1),
            }),
          );
        }
        return;
      }
      const dayAfter = addDays(previous.end, 1);
      if (phase.start > dayAfter) {
        fail(
          `${p}.start`,
          ...because('gapBetween', {
            ...named(phase),
            start: phase.start,
            from: dayAfter,
            to: addDays(phase.start, -1),
            previous: namePhase(previous),
            previousLabel: previous.label,
            previousEnd: previous.end,
          }),
        );
      }
    });
  }
  const last = phases[phases.length - 1];
  if (last !== undefined && !allowGaps && last.end < end) {
    fail(
      at(`phases[${phases.length - 1}].end`),
      ...because('gapAtEnd', { ...named(last), end: last.end, from: addDays(last.end, 1), to: end }),
    );
  }
  return allowGaps ? { start, end, timeZone, phases, allowGaps } : { start, end, timeZone, phases };
}

/** The phase a local date falls in, or `null` (outside the campaign or in a gap). */
export function phaseOnDate(calendar: CampaignCalendar, date: LocalDate): Phase | null {
  return calendar.phases.find((phase) => phase.start <= date && date <= phase.end) ?? null;
}

/**
 * The phase an instant falls in, read in the calendar's time zone: with
 * Asia/Shanghai, 2026-10-15T15:59:59Z is still 10-15 and 16:00:00Z is 10-16.
 * `null` outside the campaign or in a gap.
 */
export function phaseOn(calendar: CampaignCalendar, instant: Date): Phase | null {
  return phaseOnDate(calendar, localDateOf(instant, calendar.timeZone));
}

/** The phase with `code`, or `null` when the calendar has none. */
export function findPhase(calendar: CampaignCalendar, code: PhaseCode): Phase | null {
  return calendar.phases.find((phase) => phase.code === code) ?? null;
}
