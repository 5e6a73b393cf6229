import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { PingyiError } from '../errors/pingyi-error.js';
import { CLOSED_STATES, type RectificationItem } from './rectification-item.js';

/** Exact counts behind a rectification rate. */
export interface RateCounts {
  /** Items accepted (验收). */
  readonly closed: number;
  /** Items counted: every top-level item except dismissed ones. */
  readonly total: number;
  /** Dismissed items, reported but outside `total`. */
  readonly dismissed: number;
  /** closed ÷ total, from 0 to 1; `null` when there is nothing to count. */
  readonly rate: number | null;
}

/** 整改率 overall and per responsible unit (sorted by unit code). */
export interface RectificationRate {
  readonly overall: RateCounts;
  readonly byUnit: readonly ({ readonly unitCode: string } & RateCounts)[];
}

function count(items: readonly RectificationItem[]): RateCounts {
  const dismissed = items.filter((item) => item.state === 'dismissed').length;
  const total = items.length - dismissed;
  const closed = items.filter((item) => CLOSED_STATES.includes(item.state)).length;
  return { closed, total, dismissed, rate: total === 0 ? null : closed / total };
}

/**
 * 整改率 = closed ÷ all. Closed means accepted by the office (a unit's own
 * "fixed" report is not enough); dismissed items (not a real problem) are left
 * out of the denominator. Only top-level items count: sub-items (with a
 * `parentId`) are steps of their parent, which counts once. The seed's
 * target is a rate of 1 (100 %).
 */
export function rectificationRate(items: readonly RectificationItem[]): RectificationRate {
  const topLevel = items.filter((item) => item.parentId === null);
  const units = [...new Set(topLevel.map((item) => item.unitCode))].sort();
  return {
    overall: count(topLevel),
    byUnit: units.map((unitCode) => ({ unitCode, ...count(topLevel.filter((item) => item.unitCode === unitCode)) })),
  };
}

/** An item's own progress: 100 once rectified or accepted, else the reported percent (0 before any report). */
export function ownProgress(item: RectificationItem): number {
  return item.state === 'rectified' || item.state === 'accepted' ? 100 : (item.progress ?? 0);
}

/**
 * Progress (0–100) of every item that is not dismissed, keyed by id. A parent
 * that is not itself rectified or accepted takes the weighted mean of its
 * non-dismissed children (`weight` null counts as 1), recursively; a parent
 * whose children are all dismissed keeps its own progress. Throws
 * `INVALID_RECTIFICATION_ITEM` at `items[i]` for a duplicate id, an unknown
 * parent, a cycle, or children whose weights are all 0.
 */
export function rollUpProgress(items: readonly RectificationItem[]): ReadonlyMap<string, number> {
  const fail = (at: string, message: string): never => {
    throw new PingyiError(DOMAIN_ERROR_CODES.INVALID_RECTIFICATION_ITEM, message, at);
  };
  const byId = new Map<string, RectificationItem>();
  const indexOf = new Map<string, number>();
  items.forEach((item, i) => {
    if (byId.has(item.id)) fail(`items[${i}].id`, `item id "${item.id}" is used twice`);
    byId.set(item.id, item);
    indexOf.set(item.id, i);
  });
  const children = new Map<string, RectificationItem[]>();
  items.forEach((item, i) => {
    if (item.parentId === null) return;
    if (!byId.has(item.parentId))
      fail(`items[${i}].parentId`, `item "${item.id}" names parent "${item.parentId}", which is not in the list`);
    children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  });

  // Walk up from every item (dismissed ones too): meeting the start again is a cycle.
  items.forEach((item, i) => {
    let steps = 0;
    for (let parent = item.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) {
      if (parent === item.id) fail(`items[${i}].parentId`, `item "${item.id}" is its own ancestor`);
      if (++steps > items.length) break; // a cycle above this item; reported when the walk starts inside it
    }
  });

  const result = new Map<string, number>();
  const progressOf = (item: RectificationItem): number => {
    const known = result.get(item.id);
    if (known !== undefined) return known;
    const kids = (children.get(item.id) ?? []).filter((child) => child.state !== 'dismissed');
    let progress = ownProgress(item);
    if (kids.length > 0 && item.state !== 'rectified' && item.state !== 'accepted') {
      const weightOf = (child: RectificationItem): number => child.weight ?? 1;
      const totalWeight = kids.reduce((sum, child) => sum + weightOf(child), 0);
      if (totalWeight <= 0)
        fail(`items[${indexOf.get(item.id)}]`, `the children of item "${item.id}" all have weight 0`);
      progress = kids.reduce((sum, child) => sum + weightOf(child) * progressOf(child), 0) / totalWeight;
    }
    result.set(item.id, progress);
    return progress;
  };
  for (const item of items) if (item.state !== 'dismissed') progressOf(item);
  return result;
}
