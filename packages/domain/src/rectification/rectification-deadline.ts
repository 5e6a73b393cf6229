import { daysBetween, localDateOf } from '../calendar/local-date.js';
import { type RectificationItem, SETTLED_STATES } from './rectification-item.js';

/**
 * True from the local day after the deadline on (the deadline day itself is
 * not late), read in `timeZone`. Never overdue without a deadline or once
 * the item is rectified, accepted or dismissed.
 */
export function isOverdue(item: RectificationItem, now: Date, timeZone: string): boolean {
  if (item.deadline === null || SETTLED_STATES.includes(item.state)) return false;
  return localDateOf(now, timeZone) > item.deadline;
}

/**
 * True when the deadline is today or within the next `days` local days
 * (default 3) and the item is neither overdue nor settled.
 */
export function isDueSoon(item: RectificationItem, now: Date, timeZone: string, days = 3): boolean {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be an integer ≥ 0, got ${days}`);
  if (item.deadline === null || SETTLED_STATES.includes(item.state)) return false;
  const left = daysBetween(localDateOf(now, timeZone), item.deadline);
  return left >= 0 && left <= days;
}
