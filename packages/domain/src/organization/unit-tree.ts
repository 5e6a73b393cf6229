import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { because } from '../errors/reasons/index.js';
import { expectArray, expectBoolean, expectCode, expectObject, expectText, failWith } from '../errors/input-readers.js';
import { PingyiError } from '../errors/pingyi-error.js';

/** A department of the bureau (交警支队, 法制处 …). Roots have no parent. */
export interface Unit {
  /** Stable English code used in tallies, ballots and URLs (`traffic-police`). */
  readonly code: string;
  /** Chinese name (交警支队). */
  readonly name: string;
  readonly parentCode?: string | null;
  /** True when the public rates this unit on the ballot. */
  readonly appraised: boolean;
}

/** A validated unit tree with lookups. Build it with {@link buildUnitTree}. */
export interface UnitTree {
  /** Units in input order. */
  readonly units: readonly Unit[];
  readonly byCode: ReadonlyMap<string, Unit>;
  /** Children of each unit code in input order; `null` keys the roots. */
  readonly children: ReadonlyMap<string | null, readonly Unit[]>;
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_UNIT_TREE);

/**
 * Checks untrusted units and builds the tree. Throws `INVALID_UNIT_TREE` at the
 * field's path (`units[3].parentCode`) for a bad field, a duplicate code, an
 * unknown parent or a cycle (the message lists the cycle: `a → b → a`).
 */
export function buildUnitTree(value: unknown, path = 'units'): UnitTree {
  const rawUnits = expectArray(value, path, fail);
  const byCode = new Map<string, Unit>();
  const indexOf = new Map<string, number>();
  const units = rawUnits.map((item, i): Unit => {
    const at = `${path}[${i}]`;
    const raw = expectObject(item, at, fail);
    const code = expectCode(raw.code, `${at}.code`, fail);
    const previous = indexOf.get(code);
    if (previous !== undefined) fail(`${at}.code`, ...because('unitCodeTwice', { code, list: path, index: previous }));
    const parentCode =
      raw.parentCode === undefined || raw.parentCode === null
        ? null
        : expectCode(raw.parentCode, `${at}.parentCode`, fail);
    const unit: Unit = {
      code,
      name: expectText(raw.name, `${at}.name`, fail),
      parentCode,
      appraised: expectBoolean(raw.appraised, `${at}.appraised`, fail),
    };
    byCode.set(code, unit);
    indexOf.set(code, i);
    return unit;
  });

  units.forEach((unit, i) => {
    if (unit.parentCode && !byCode.has(unit.parentCode)) {
      fail(`${path}[${i}].parentCode`, ...because('unknownParent', { code: unit.code, parent: unit.parentCode ?? '' }));
    }
  });
  // Walk up from every unit; meeting the start again is a cycle.
  units.forEach((unit, i) => {
    const chain = [unit.code];
    let parent = unit.parentCode;
    while (parent) {
      chain.push(parent);
      if (parent === unit.code)
        fail(`${path}[${i}].parentCode`, ...because('ownAncestor', { code: unit.code, chain: chain.join(' → ') }));
      if (chain.length > units.length + 1) break; // a cycle above this unit; reported when the walk starts on it
      parent = byCode.get(parent)?.parentCode;
    }
  });

  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const key = unit.parentCode ?? null;
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  return { units, byCode, children };
}

/** The unit with `code`; throws `UNKNOWN_UNIT` at `path` when the tree has none. */
export function unitOrThrow(tree: UnitTree, code: string, path = 'unit'): Unit {
  const unit = tree.byCode.get(code);
  if (!unit)
    throw new PingyiError(DOMAIN_ERROR_CODES.UNKNOWN_UNIT, `"${code}" is not a unit of this campaign`, path, {
      unit: code,
    });
  return unit;
}

/** The roots of the tree (units without a parent), in input order. */
export const rootUnits = (tree: UnitTree): readonly Unit[] => tree.children.get(null) ?? [];

/** Every unit below `code`, depth first in input order, not including the unit itself. */
export function descendants(tree: UnitTree, code: string): readonly Unit[] {
  unitOrThrow(tree, code);
  const result: Unit[] = [];
  const visit = (parent: string): void => {
    for (const child of tree.children.get(parent) ?? []) {
      result.push(child);
      visit(child.code);
    }
  };
  visit(code);
  return result;
}

/** The unit, its parent, and so on up to its root. */
export function pathToRoot(tree: UnitTree, code: string): readonly Unit[] {
  const path = [unitOrThrow(tree, code)];
  for (let parent = path[0]?.parentCode; parent; parent = tree.byCode.get(parent)?.parentCode) {
    path.push(unitOrThrow(tree, parent));
  }
  return path;
}

/** The units the public rates, in input order. */
export const appraisedUnits = (tree: UnitTree): readonly Unit[] => tree.units.filter((unit) => unit.appraised);
