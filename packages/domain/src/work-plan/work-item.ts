import { type LocalDate, parseLocalDate } from '../calendar/local-date.js';
import { because } from '../errors/reasons/index.js';
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import {
  expectArray,
  expectBoolean,
  expectCode,
  expectInteger,
  expectObject,
  expectString,
  expectText,
  failWith,
  optionalText,
} from '../errors/input-readers.js';
import { PingyiError } from '../errors/pingyi-error.js';
import { parseNumberedList } from './plan-text.js';

/**
 * Parts of a theme or work item the source document lost (the seed text is
 * partly garbled): `title`, `text` (only a fragment is legible), `leadUnits`
 * (the 牵头单位 line is lost), `number` (not printed; inferred from the
 * neighbours). A lost title, text or lead-unit list may be empty.
 */
export const SOURCE_GAPS = ['title', 'text', 'leadUnits', 'number'] as const;

/** A part of a theme or work item the source lost. */
export type SourceGap = (typeof SOURCE_GAPS)[number];

/** The heading that groups work items (1、围绕社会稳定大局，着力解决治安热点难点). */
export interface Theme {
  readonly code: string;
  /** The number as printed. */
  readonly number: number;
  readonly title: string;
  readonly sourceGaps?: readonly SourceGap[];
}

/** A dated progress report on a work item. */
export interface ProgressUpdate {
  /** Local date of the report. */
  readonly date: LocalDate;
  /** Integer percent, 0–100. */
  readonly progress: number;
  /** Required when progress goes down (scope grew, a step failed). */
  readonly note?: string;
  /** The reporting unit, one of the item's lead units. */
  readonly unitCode?: string;
}

/** 重点工作: a numbered task under a theme, led by one or more units. */
export interface WorkItem {
  readonly themeCode: string;
  /** Number within the theme, as printed: (4) → 4. */
  readonly number: number;
  readonly title?: string;
  readonly text: string;
  /** 牵头单位, in the order printed. */
  readonly leadUnitCodes: readonly string[];
  /** Integer percent, 0–100; equals the latest update's progress (0 with no update). */
  readonly progress: number;
  /** Oldest first. */
  readonly updates: readonly ProgressUpdate[];
  /** The source prints the item as （略）: the task exists, its text is withheld. */
  readonly elided?: boolean;
  readonly sourceGaps?: readonly SourceGap[];
}

/** What a work-item check may look up: known theme and unit codes. */
export interface WorkItemContext {
  readonly themeCodes?: ReadonlySet<string>;
  readonly unitCodes?: ReadonlySet<string>;
}

const failPlan = failWith(DOMAIN_ERROR_CODES.INVALID_PLAN);
const failItem = failWith(DOMAIN_ERROR_CODES.INVALID_WORK_ITEM);
const failProgress = failWith(DOMAIN_ERROR_CODES.INVALID_PROGRESS);

function readSourceGaps(value: unknown, at: string, fail: typeof failPlan): readonly SourceGap[] | undefined {
  if (value === undefined) return undefined;
  return expectArray(value, at, fail).map((gap, i) => {
    if (!SOURCE_GAPS.includes(gap as SourceGap))
      fail(
        `${at}[${i}]`,
        ...because('sourceGap', { allowed: SOURCE_GAPS.join(', '), value: JSON.stringify(gap) ?? String(gap) }),
      );
    return gap as SourceGap;
  });
}

/** Checks untrusted themes: unique codes, increasing numbers, a title unless the source lost it. Throws `INVALID_PLAN`. */
export function parseThemes(value: unknown, path = 'themes'): readonly Theme[] {
  const seen = new Set<string>();
  return parseNumberedList<Theme>(value, path, failPlan, (raw, at) => {
    const code = expectCode(raw.code, `${at}.code`, failPlan);
    if (seen.has(code)) failPlan(`${at}.code`, `theme code "${code}" is used twice`);
    seen.add(code);
    const sourceGaps = readSourceGaps(raw.sourceGaps, `${at}.sourceGaps`, failPlan);
    const title = sourceGaps?.includes('title')
      ? expectString(raw.title, `${at}.title`, failPlan)
      : expectText(raw.title, `${at}.title`, failPlan);
    return sourceGaps ? { code, title, sourceGaps } : { code, title };
  });
}

/**
 * Checks progress and updates: integers 0–100, updates in date order, a note
 * whenever progress goes down, and `progress` equal to the latest update's
 * (0 without updates). Throws `INVALID_PROGRESS` at the field.
 */
export function parseProgress(
  progressValue: unknown,
  updatesValue: unknown,
  path: string,
): { progress: number; updates: readonly ProgressUpdate[] } {
  const updates = expectArray(updatesValue ?? [], `${path}.updates`, failProgress).map((item, i): ProgressUpdate => {
    const at = `${path}.updates[${i}]`;
    const raw = expectObject(item, at, failProgress);
    const note = optionalText(raw.note, `${at}.note`, failProgress);
    const unitCode = raw.unitCode === undefined ? undefined : expectCode(raw.unitCode, `${at}.unitCode`, failProgress);
    return {
      date: parseLocalDate(raw.date, `${at}.date`, DOMAIN_ERROR_CODES.INVALID_PROGRESS),
      progress: expectInteger(raw.progress, `${at}.progress`, failProgress, { min: 0, max: 100 }),
      ...(note === undefined ? {} : { note }),
      ...(unitCode === undefined ? {} : { unitCode }),
    };
  });
  updates.forEach((update, i) => {
    const previous = updates[i - 1];
    if (previous) checkFollows(previous, update, `${path}.updates[${i}]`);
  });
  const progress = expectInteger(progressValue, `${path}.progress`, failProgress, { min: 0, max: 100 });
  const latest = updates[updates.length - 1];
  if (progress !== (latest?.progress ?? 0)) {
    failProgress(
      `${path}.progress`,
      latest
        ? `progress is ${progress} but the latest update (${latest.date}) says ${latest.progress}`
        : `progress is ${progress} with no update reporting it`,
    );
  }
  return { progress, updates };
}

/** The rules between two consecutive updates: dates never go back; progress goes down only with a note. */
export function checkFollows(previous: ProgressUpdate, update: ProgressUpdate, at: string): void {
  if (update.date < previous.date)
    failProgress(`${at}.date`, `dated ${update.date}, before the previous update (${previous.date})`);
  if (update.progress < previous.progress && update.note === undefined) {
    failProgress(
      `${at}.note`,
      `progress goes down from ${previous.progress} to ${update.progress} on ${update.date}: a note must say why`,
    );
  }
}

/**
 * Checks one untrusted work item. Text and lead units are required unless the
 * item is elided (（略）) or lists them in `sourceGaps`. Throws
 * `INVALID_WORK_ITEM` for the item's fields, `INVALID_PROGRESS` for progress,
 * `UNKNOWN_UNIT` for a lead unit outside `context.unitCodes`.
 */
export function parseWorkItem(value: unknown, path: string, context: WorkItemContext = {}): WorkItem {
  const raw = expectObject(value, path, failItem);
  const themeCode = expectCode(raw.themeCode, `${path}.themeCode`, failItem);
  if (context.themeCodes && !context.themeCodes.has(themeCode))
    failItem(`${path}.themeCode`, `theme "${themeCode}" is not a theme of this plan`);
  const number = expectInteger(raw.number, `${path}.number`, failItem, { min: 1 });
  const elided = raw.elided === undefined ? false : expectBoolean(raw.elided, `${path}.elided`, failItem);
  const sourceGaps = readSourceGaps(raw.sourceGaps, `${path}.sourceGaps`, failItem);
  const lost = (part: SourceGap): boolean => elided || (sourceGaps?.includes(part) ?? false);
  const title = optionalText(raw.title, `${path}.title`, failItem);
  const text = lost('text')
    ? expectString(raw.text ?? '', `${path}.text`, failItem)
    : expectText(raw.text, `${path}.text`, failItem);

  const leadUnitCodes = expectArray(raw.leadUnitCodes, `${path}.leadUnitCodes`, failItem).map((code, i) => {
    const at = `${path}.leadUnitCodes[${i}]`;
    const unitCode = expectCode(code, at, failItem);
    if (context.unitCodes && !context.unitCodes.has(unitCode)) {
      throw new PingyiError(
        DOMAIN_ERROR_CODES.UNKNOWN_UNIT,
        `lead unit "${unitCode}" is not a unit of this campaign`,
        at,
        { unit: unitCode },
      );
    }
    return unitCode;
  });
  if (leadUnitCodes.length === 0 && !lost('leadUnits'))
    failItem(`${path}.leadUnitCodes`, 'a work item needs at least one lead unit (牵头单位)');
  const duplicate = leadUnitCodes.find((code, i) => leadUnitCodes.indexOf(code) !== i);
  if (duplicate) failItem(`${path}.leadUnitCodes`, `lead unit "${duplicate}" is listed twice`);

  const { progress, updates } = parseProgress(raw.progress ?? 0, raw.updates, path);
  for (const [i, update] of updates.entries()) {
    if (update.unitCode !== undefined && !leadUnitCodes.includes(update.unitCode)) {
      failProgress(`${path}.updates[${i}].unitCode`, `"${update.unitCode}" is not a lead unit of this work item`);
    }
  }
  return {
    themeCode,
    number,
    ...(title === undefined ? {} : { title }),
    text,
    leadUnitCodes,
    progress,
    updates,
    ...(elided ? { elided } : {}),
    ...(sourceGaps ? { sourceGaps } : {}),
  };
}

/**
 * Checks a list of work items: each as {@link parseWorkItem}, and numbers
 * unique and increasing within each theme (themes may interleave).
 */
export function parseWorkItems(value: unknown, path = 'workItems', context: WorkItemContext = {}): readonly WorkItem[] {
  const lastNumber = new Map<string, number>();
  return expectArray(value, path, failItem).map((raw, i) => {
    const at = `${path}[${i}]`;
    const item = parseWorkItem(raw, at, context);
    const previous = lastNumber.get(item.themeCode) ?? 0;
    if (item.number <= previous)
      failItem(
        `${at}.number`,
        `work item ${item.themeCode} (${item.number}) must come after (${previous}) of the same theme`,
      );
    lastNumber.set(item.themeCode, item.number);
    return item;
  });
}

/** `social-stability (4)` for messages. */
export const nameWorkItem = (item: Pick<WorkItem, 'themeCode' | 'number'>): string =>
  `${item.themeCode} (${item.number})`;
