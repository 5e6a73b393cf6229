/** A unit as the server lists it. */
export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentCode: string | null;
  appraised: boolean;
  sortOrder: number;
  /** The series (序列) code; null for none. */
  seriesCode?: string | null;
}

/** A unit with its depth in the tree, in display order (parents before children). */
export interface TreeRow extends UnitRow {
  depth: number;
  hasChildren: boolean;
}

/**
 * Orders units as a tree, depth first, siblings by `sortOrder`. A unit whose
 * parent is missing is shown as a root (the server refuses such trees, but a
 * console must never hide a row).
 */
export function flattenTree(units: readonly UnitRow[]): TreeRow[] {
  const codes = new Set(units.map((unit) => unit.code));
  const children = new Map<string | null, UnitRow[]>();
  for (const unit of units) {
    const parent = unit.parentCode && codes.has(unit.parentCode) ? unit.parentCode : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (unit: UnitRow, depth: number) => {
    if (seen.has(unit.code)) return;
    seen.add(unit.code);
    const kids = children.get(unit.code) ?? [];
    out.push({ ...unit, depth, hasChildren: kids.length > 0 });
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // units caught in a cycle have no root above them: list them flat at the end
  for (const unit of units) if (!seen.has(unit.code)) visit(unit, 0);
  return out;
}

/** Codes of `code` and every unit below it. */
export function descendantsOf(units: readonly UnitRow[], code: string): Set<string> {
  const out = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentCode && out.has(unit.parentCode) && !out.has(unit.code)) {
        out.add(unit.code);
        grew = true;
      }
    }
  }
  return out;
}
