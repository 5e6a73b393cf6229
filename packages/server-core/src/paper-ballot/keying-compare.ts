import { type MessageKey, type ReasonParams } from '@pingyi/domain';
import { BLANK, type CompactSheet, UNREADABLE } from './paper-sheet';

/** One difference between the two keyings of a batch. */
export interface KeyingMismatch {
  /** 1-based ballot row of the first keying (0 when the row exists only in the second). */
  readonly row: number;
  /** File lines in each keying (0 when missing there). */
  readonly lineFirst: number;
  readonly lineSecond: number;
  readonly sheetNumber: string | null;
  /** The unit code; null when the evaluator group differs, or a whole row is missing. */
  readonly unit: string | null;
  /** What each keying holds: a level code, '' (blank), '?' (unreadable), a group code, or '(missing)'. */
  readonly first: string;
  readonly second: string;
}

export interface KeyingComparison {
  readonly mismatches: readonly KeyingMismatch[];
  readonly total: number;
  /** True when rows could not be paired (different counts or sheet numbers): only re-keying fixes it. */
  readonly rowsUnpaired: boolean;
}

/** Most mismatches listed; the total is counted beyond it. */
export const MAX_LISTED_MISMATCHES = 5_000;
export const MISSING = '(missing)';

const cellText = (sheet: CompactSheet, cell: number): string =>
  cell === BLANK ? '' : cell === UNREADABLE ? '?' : (sheet.levelCodes[cell - 1] as string);

/**
 * Compares two keyings of the same paper batch cell by cell. Rows are paired
 * by sheet number when both files have one, else by position. Every
 * difference is listed (up to {@link MAX_LISTED_MISMATCHES}, all counted).
 */
export function compareKeyings(first: CompactSheet, second: CompactSheet): KeyingComparison {
  const mismatches: KeyingMismatch[] = [];
  let total = 0;
  const add = (mismatch: KeyingMismatch): void => {
    total += 1;
    if (mismatches.length < MAX_LISTED_MISMATCHES) mismatches.push(mismatch);
  };
  if (
    first.unitCodes.join() !== second.unitCodes.join() ||
    first.levelCodes.join() !== second.levelCodes.join() ||
    first.groupCodes.join() !== second.groupCodes.join()
  ) {
    add({
      row: 0,
      lineFirst: 0,
      lineSecond: 0,
      sheetNumber: null,
      unit: null,
      first: 'units/levels/groups of the campaign when keyed',
      second: 'different ones',
    });
    return { mismatches, total, rowsUnpaired: true };
  }
  const pairs: [number, number][] = [];
  let rowsUnpaired = false;
  if (first.sheetNumbers && second.sheetNumbers) {
    const inSecond = new Map(second.sheetNumbers.map((sheet, r) => [sheet, r]));
    const paired = new Set<number>();
    first.sheetNumbers.forEach((sheet, r) => {
      const other = inSecond.get(sheet);
      if (other === undefined) {
        rowsUnpaired = true;
        add({
          row: r + 1,
          lineFirst: first.lines[r] as number,
          lineSecond: 0,
          sheetNumber: sheet,
          unit: null,
          first: 'row',
          second: MISSING,
        });
      } else {
        paired.add(other);
        pairs.push([r, other]);
      }
    });
    second.sheetNumbers.forEach((sheet, r) => {
      if (paired.has(r)) return;
      rowsUnpaired = true;
      add({
        row: 0,
        lineFirst: 0,
        lineSecond: second.lines[r] as number,
        sheetNumber: sheet,
        unit: null,
        first: MISSING,
        second: 'row',
      });
    });
  } else {
    for (let r = 0; r < Math.min(first.rows, second.rows); r += 1) pairs.push([r, r]);
    for (let r = second.rows; r < first.rows; r += 1)
      add({
        row: r + 1,
        lineFirst: first.lines[r] as number,
        lineSecond: 0,
        sheetNumber: null,
        unit: null,
        first: 'row',
        second: MISSING,
      });
    for (let r = first.rows; r < second.rows; r += 1)
      add({
        row: 0,
        lineFirst: 0,
        lineSecond: second.lines[r] as number,
        sheetNumber: null,
        unit: null,
        first: MISSING,
        second: 'row',
      });
    rowsUnpaired = first.rows !== second.rows;
  }
  const width = first.unitCodes.length;
  for (const [a, b] of pairs) {
    const where = {
      row: a + 1,
      lineFirst: first.lines[a] as number,
      lineSecond: second.lines[b] as number,
      sheetNumber: first.sheetNumbers?.[a] ?? null,
    };
    const groupA = first.groupOfRow[a] as number;
    const groupB = second.groupOfRow[b] as number;
    if (groupA !== groupB)
      add({
        ...where,
        unit: null,
        first: first.groupCodes[groupA] as string,
        second: second.groupCodes[groupB] as string,
      });
    for (let u = 0; u < width; u += 1) {
      const cellA = first.cells[a * width + u] as number;
      const cellB = second.cells[b * width + u] as number;
      if (cellA !== cellB)
        add({
          ...where,
          unit: first.unitCodes[u] as string,
          first: cellText(first, cellA),
          second: cellText(second, cellB),
        });
    }
  }
  return { mismatches, total, rowsUnpaired };
}

/** A decision on one mismatch: the value row `row` (1-based, first keying) really has for `unit` (null: its group). */
export interface KeyingResolution {
  readonly row: number;
  readonly unit: string | null;
  /** A level code, '' for blank, '?' for unreadable; a group code when `unit` is null. */
  readonly value: string;
}

/**
 * The first keying with the resolutions applied, when they settle every
 * mismatch; otherwise the mismatches still open. Values must be on the scale.
 */
export function resolveKeyings(
  first: CompactSheet,
  comparison: KeyingComparison,
  resolutions: readonly KeyingResolution[],
):
  | { ok: true; sheet: CompactSheet }
  | { ok: false; open: readonly KeyingMismatch[]; reason: MessageKey; params: ReasonParams } {
  if (comparison.rowsUnpaired)
    return { ok: false, open: comparison.mismatches, reason: 'keyingRowsUnpaired', params: {} };
  if (comparison.total > comparison.mismatches.length)
    return { ok: false, open: comparison.mismatches, reason: 'keyingTooManyMismatches', params: {} };
  const key = (row: number, unit: string | null): string => `${row}|${unit ?? ''}`;
  const decided = new Map(resolutions.map((resolution) => [key(resolution.row, resolution.unit), resolution]));
  const open = comparison.mismatches.filter((mismatch) => !decided.has(key(mismatch.row, mismatch.unit)));
  if (open.length > 0) return { ok: false, open, reason: 'keyingOpenMismatches', params: { count: open.length } };
  const cells = first.cells.slice();
  const groupOfRow = first.groupOfRow.slice();
  const width = first.unitCodes.length;
  for (const resolution of resolutions) {
    const r = resolution.row - 1;
    if (r < 0 || r >= first.rows)
      return { ok: false, open: [], reason: 'resolutionNoRow', params: { row: resolution.row } };
    if (resolution.unit === null) {
      const group = first.groupCodes.indexOf(resolution.value);
      if (group < 0)
        return {
          ok: false,
          open: [],
          reason: 'resolutionNotGroup',
          params: { row: resolution.row, value: resolution.value },
        };
      groupOfRow[r] = group;
      continue;
    }
    const u = first.unitCodes.indexOf(resolution.unit);
    if (u < 0)
      return {
        ok: false,
        open: [],
        reason: 'resolutionNotUnit',
        params: { row: resolution.row, value: resolution.unit },
      };
    const value =
      resolution.value === ''
        ? BLANK
        : resolution.value === '?'
          ? UNREADABLE
          : first.levelCodes.indexOf(resolution.value) + 1;
    if (value === 0 && resolution.value !== '')
      return {
        ok: false,
        open: [],
        reason: 'resolutionNotLevel',
        params: { row: resolution.row, value: resolution.value },
      };
    cells[r * width + u] = value;
  }
  return { ok: true, sheet: { ...first, cells, groupOfRow } };
}
