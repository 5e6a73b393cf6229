// Small-cell protection for the breakdown of results by evaluator group.
//
// A cell is (unit, evaluator group): the ratings of that unit by that group.
// A cell with fewer than k ballots (but at least one) could reveal how a few
// identifiable people rated the unit, so its counts are withheld (primary
// suppression). The unit's totals per level are published (standings), so a
// single withheld cell could be recovered by subtracting the shown cells from
// the totals; therefore more cells of the same unit are withheld
// (complementary suppression), smallest first, until at least two cells are
// withheld AND the withheld cells together hold at least k ballots: what can
// still be derived (their sum) then describes k or more people. Nothing per
// group across units is published, so suppression is needed only within a unit.

/** Why a cell is withheld. */
export type Suppression = 'smallCell' | 'complementary';

/** The ballots of one (unit, group) cell. */
export interface CellSize {
  readonly unit: string;
  readonly group: string;
  readonly ballots: number;
}

/**
 * The cells to withhold, per unit then group. `groupOrder` breaks ties among
 * equally small complementary candidates (earlier group first), so the
 * choice is deterministic. Cells with 0 ballots reveal nothing and are never
 * withheld, nor chosen as complements.
 */
export function suppressSmallCells(
  cells: readonly CellSize[],
  k: number,
  groupOrder: readonly string[] = [],
): Map<string, Map<string, Suppression>> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const order = new Map(groupOrder.map((group, i) => [group, i]));
  const rank = (group: string): number => order.get(group) ?? Number.MAX_SAFE_INTEGER;
  const byUnit = new Map<string, CellSize[]>();
  for (const cell of cells) {
    if (cell.ballots > 0) byUnit.set(cell.unit, [...(byUnit.get(cell.unit) ?? []), cell]);
  }
  const result = new Map<string, Map<string, Suppression>>();
  for (const [unit, unitCells] of byUnit) {
    const withheld = new Map<string, Suppression>();
    for (const cell of unitCells) if (cell.ballots < k) withheld.set(cell.group, 'smallCell');
    if (withheld.size === 0) continue;
    const candidates = unitCells
      .filter((cell) => !withheld.has(cell.group))
      .sort((a, b) => a.ballots - b.ballots || rank(a.group) - rank(b.group) || (a.group < b.group ? -1 : 1));
    let hidden = unitCells.filter((cell) => withheld.has(cell.group)).reduce((sum, cell) => sum + cell.ballots, 0);
    for (const cell of candidates) {
      if (withheld.size >= 2 && hidden >= k) break;
      withheld.set(cell.group, 'complementary');
      hidden += cell.ballots;
    }
    result.set(unit, withheld);
  }
  return result;
}
