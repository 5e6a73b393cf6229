import { type LocalDate, localDateOf, parseLocalDate } from '../calendar/local-date.js';
import { because } from '../errors/reasons/index.js';
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { expectCode, expectInteger, expectObject, failWith, optionalText } from '../errors/input-readers.js';
import { checkFollows, nameWorkItem, type ProgressUpdate, type WorkItem } from './work-item.js';

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_PROGRESS);

/** Where and when an update is reported: `now` and the bureau's time zone decide "today". */
export interface ProgressContext {
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * Adds a progress update to a work item and returns the new item (the input
 * is not changed). The update (untrusted) must be dated no later than today in
 * `timeZone` and no earlier than the latest update; progress is an integer
 * 0–100 and may go down only with a note; `unitCode`, when given, must be one
 * of the item's lead units. Throws `INVALID_PROGRESS` at `update.<field>`.
 * Phase gating (`reportWorkItemProgress`) is the caller's separate check.
 */
export function applyProgressUpdate(item: WorkItem, value: unknown, context: ProgressContext): WorkItem {
  const raw = expectObject(value, 'update', fail);
  const today: LocalDate = localDateOf(context.now, context.timeZone);
  const note = optionalText(raw.note, 'update.note', fail);
  const unitCode = raw.unitCode === undefined ? undefined : expectCode(raw.unitCode, 'update.unitCode', fail);
  const update: ProgressUpdate = {
    date: raw.date === undefined ? today : parseLocalDate(raw.date, 'update.date', DOMAIN_ERROR_CODES.INVALID_PROGRESS),
    progress: expectInteger(raw.progress, 'update.progress', fail, { min: 0, max: 100 }),
    ...(note === undefined ? {} : { note: note.trim() }),
    ...(unitCode === undefined ? {} : { unitCode }),
  };
  if (update.date > today)
    fail('update.date', ...because('progressAfterToday', { date: update.date, today, timeZone: context.timeZone }));
  if (unitCode !== undefined && !item.leadUnitCodes.includes(unitCode)) {
    fail(
      'update.unitCode',
      ...because('notLeadUnit', {
        unit: unitCode,
        item: nameWorkItem(item),
        leads: item.leadUnitCodes.join(', ') || 'none recorded',
      }),
    );
  }
  const latest = item.updates[item.updates.length - 1];
  if (latest) checkFollows(latest, update, 'update');
  return { ...item, progress: update.progress, updates: [...item.updates, update] };
}

/** True when the item reports 100 %. */
export const isWorkItemComplete = (item: WorkItem): boolean => item.progress === 100;

/** Counts over a set of work items. `meanProgress` is the plain mean (null for no items). */
export interface WorkItemSummary {
  readonly total: number;
  readonly completed: number;
  readonly inProgress: number;
  readonly notStarted: number;
  readonly meanProgress: number | null;
}

/** Totals for a list of work items (elided items count: the task exists, only its text is withheld). */
export function summarizeWorkItems(items: readonly WorkItem[]): WorkItemSummary {
  const completed = items.filter(isWorkItemComplete).length;
  const notStarted = items.filter((item) => item.progress === 0).length;
  const sum = items.reduce((total, item) => total + item.progress, 0);
  return {
    total: items.length,
    completed,
    inProgress: items.length - completed - notStarted,
    notStarted,
    meanProgress: items.length === 0 ? null : sum / items.length,
  };
}

/** {@link summarizeWorkItems} per lead unit, sorted by unit code; an item with two lead units counts for both. */
export function summarizeWorkItemsByLeadUnit(
  items: readonly WorkItem[],
): readonly ({ readonly unitCode: string } & WorkItemSummary)[] {
  const byUnit = new Map<string, WorkItem[]>();
  for (const item of items)
    for (const code of item.leadUnitCodes) byUnit.set(code, [...(byUnit.get(code) ?? []), item]);
  return [...byUnit.keys()].sort().map((unitCode) => ({ unitCode, ...summarizeWorkItems(byUnit.get(unitCode) ?? []) }));
}
