import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellSize, suppressSmallCells } from './small-cells';

const cells = (unit: string, sizes: Record<string, number>): CellSize[] =>
  Object.entries(sizes).map(([group, ballots]) => ({ unit, group, ballots }));
const withheld = (result: ReturnType<typeof suppressSmallCells>, unit: string) =>
  Object.fromEntries(result.get(unit) ?? new Map());

describe('suppressSmallCells', () => {
  it.each([
    ['nothing small: nothing withheld', { a: 5, b: 9, c: 40 }, 5, {}],
    ['one small cell and a complement', { a: 2, b: 9, c: 40 }, 5, { a: 'smallCell', b: 'complementary' }],
    ['two small cells summing to k need no complement', { a: 2, b: 3, c: 40 }, 5, { a: 'smallCell', b: 'smallCell' }],
    [
      'two small cells below k together take a complement',
      { a: 1, b: 2, c: 6, d: 40 },
      5,
      { a: 'smallCell', b: 'smallCell', c: 'complementary' },
    ],
    [
      'the smallest complement is chosen, ties by group order',
      { a: 1, b: 7, c: 7, d: 40 },
      5,
      { a: 'smallCell', b: 'complementary' },
    ],
    [
      'empty cells are never withheld nor complements',
      { a: 1, b: 0, c: 30 },
      5,
      { a: 'smallCell', c: 'complementary' },
    ],
    ['a unit with one cell withholds it alone', { a: 3 }, 5, { a: 'smallCell' }],
    ['k = 1 withholds nothing', { a: 1, b: 1 }, 1, {}],
  ])('%s', (_name, sizes, k, expected) => {
    const result = suppressSmallCells(cells('u', sizes), k, Object.keys(sizes));
    expect(withheld(result, 'u')).toEqual(expected);
  });

  it('decides per unit', () => {
    const result = suppressSmallCells([...cells('x', { a: 2, b: 50 }), ...cells('y', { a: 50, b: 50 })], 5);
    expect(withheld(result, 'x')).toEqual({ a: 'smallCell', b: 'complementary' });
    expect(result.has('y')).toBe(false);
  });

  it('refuses a k below 1', () => {
    expect(() => suppressSmallCells([], 0)).toThrow(/k must be a whole number ≥ 1, got 0/);
  });

  // The guarantee: every small cell is withheld, and whatever is withheld in a
  // unit is either nothing, or ≥ 2 cells (or all of them) whose sum — the only
  // thing the unit totals let one derive — covers at least k ballots.
  it('never leaves a small cell recoverable (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 1, max: 12 }),
        (sizes, k) => {
          const unitCells = sizes.map((ballots, i) => ({ unit: 'u', group: `g${i}`, ballots }));
          const hidden = suppressSmallCells(unitCells, k).get('u') ?? new Map();
          const nonEmpty = unitCells.filter((cell) => cell.ballots > 0);
          for (const cell of nonEmpty) if (cell.ballots < k) expect(hidden.has(cell.group)).toBe(true);
          if (hidden.size === 0) return;
          const sum = unitCells
            .filter((cell) => hidden.has(cell.group))
            .reduce((total, cell) => total + cell.ballots, 0);
          const all = hidden.size === nonEmpty.length;
          expect(all || (hidden.size >= 2 && sum >= k)).toBe(true);
          for (const cell of unitCells) if (cell.ballots === 0) expect(hidden.has(cell.group)).toBe(false);
        },
      ),
    );
  });
});
