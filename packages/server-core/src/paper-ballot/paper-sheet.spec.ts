import { describe, expect, it } from 'vitest';
import { decodeSheet, encodeSheet } from './compact-sheet-codec';
import { compareKeyings, resolveKeyings } from './keying-compare';
import {
  BLANK,
  type CompactSheet,
  countByGroup,
  PaperSheetValidator,
  type PaperSheetRules,
  UNREADABLE,
} from './paper-sheet';
import { type SheetRow } from './sheet-row';

const RULES: PaperSheetRules = {
  units: [
    { code: 'traffic-police', name: '交警支队' },
    { code: 'legal-affairs', name: '法制处' },
  ],
  groups: [
    { code: 'residents', label: '城乡居民' },
    { code: 'enterprises', label: '企业代表' },
  ],
  levels: [
    { code: 'satisfied', label: '满意' },
    { code: 'fairlySatisfied', label: '比较满意' },
    { code: 'unknown', label: '不了解' },
  ],
};

const row = (line: number, cells: string[], extra: Partial<SheetRow> = {}): SheetRow => ({
  line,
  cells,
  tooLong: [],
  formulas: [],
  ...extra,
});

function check(rows: SheetRow[]) {
  const validator = new PaperSheetValidator(RULES);
  rows.forEach((r) => validator.accept(r));
  return validator.finish();
}
function sheetOf(rows: string[][]): CompactSheet {
  const result = check(rows.map((cells, i) => row(i + 1, cells)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.sheet;
}

describe('PaperSheetValidator', () => {
  it('counts every ballot row it read, those with problems too (the report says 5 rows for 5)', () => {
    const validator = new PaperSheetValidator(RULES);
    [
      ['评议对象类别', '交警支队', '法制处'],
      ['城乡居民', '满意', '满意'],
      ['城乡居民', '很好', '满意'],
      ['城乡居民', '满意', '比较满意'],
      ['外星人', '满意', '满意'],
      ['企业代表', '满意', '满意'],
    ].forEach((cells, i) => validator.accept(row(i + 1, cells)));
    const result = validator.finish();
    expect(result.ok).toBe(false);
    expect(validator.rowCount).toBe(5);
  });

  it('reads units by code or name, groups by code or label, levels by code or label', () => {
    const sheet = sheetOf([
      ['评议对象类别', '交警支队', 'LEGAL-AFFAIRS'],
      ['城乡居民', '满意', 'fairlysatisfied'],
      [' enterprises ', '', '？'],
      ['企业代表', '?', ''],
    ]);
    expect(sheet.rows).toBe(3);
    expect([...sheet.groupOfRow]).toEqual([0, 1, 1]);
    expect([...sheet.cells]).toEqual([1, 2, BLANK, UNREADABLE, UNREADABLE, BLANK]);
    expect([...sheet.lines]).toEqual([2, 3, 4]);
    expect(countByGroup(sheet)).toEqual({
      residents: { ballots: 1, spoilt: 0 },
      enterprises: { ballots: 0, spoilt: 2 },
    });
  });

  it('takes the columns in any order, with a sheet number column', () => {
    const sheet = sheetOf([
      ['法制处', '序号', 'group', 'traffic-police'],
      ['不了解', '0001', 'residents', '满意'],
    ]);
    expect([...sheet.cells]).toEqual([1, 3]);
    expect(sheet.sheetNumbers).toEqual(['0001']);
  });

  it.each([
    ['no group column', [['交警支队', '法制处']], /no evaluator group column/],
    ['a missing unit', [['group', '交警支队']], /法制处 \(legal-affairs\) has no column/],
    ['an unknown column', [['group', '交警支队', '法制处', '消防队']], /D 消防队.*not an appraised unit/],
    ['a unit twice', [['group', '交警支队', 'traffic-police', '法制处']], /already has column B/],
    ['an empty file', [], /the file is empty/],
    ['a header only', [['group', '交警支队', '法制处']], /no ballot rows/],
  ])('refuses a header with %s', (_name, rows, reason) => {
    const result = check(rows.map((cells, i) => row(i + 1, cells)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.column ?? ''} ${p.reason}`).join('\n')).toMatch(reason);
  });

  it('lists every bad row and cell with line, column, value and reason', () => {
    const result = check([
      row(1, ['group', '交警支队', '法制处', '序号']),
      row(2, ['城乡居民', '很满意', '满意', '1']),
      row(3, ['', '满意', '满意', '2']),
      row(4, ['市民', '满意', '满意', '3']),
      row(5, ['城乡居民', '=A1', '满意', '4'], { formulas: [1] }),
      row(6, ['城乡居民', '满'.repeat(100), '满意', '5'], { tooLong: [1] }),
      row(7, ['城乡居民', '满意', '满意', '1']),
      row(8, ['城乡居民', '满意', '满意', '8', '多余']),
      row(9, ['企业代表', '满意', '满意', '9']),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.total).toBe(7);
    expect(result.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [2, 'B 交警支队', '很满意'],
      [3, 'A group', null],
      [4, 'A group', '市民'],
      [5, 'B 交警支队', '=A1'],
      [6, 'B 交警支队', `${'满'.repeat(40)}…`],
      [7, 'D 序号', '1'],
      [8, 'E', '多余'],
    ]);
    expect(result.problems[0]?.reason).toMatch(
      /not a level of the scale \(满意、比较满意、不了解; blank for none, \? for unreadable\)/,
    );
    expect(result.problems[3]?.reason).toMatch(/formula/);
    expect(result.problems[5]?.reason).toMatch(/also on line 2/);
  });

  it('caps the report but counts every problem', () => {
    const rows = [
      row(1, ['group', '交警支队', '法制处']),
      ...Array.from({ length: 700 }, (_, i) => row(i + 2, ['城乡居民', 'x', 'y'])),
    ];
    const result = check(rows);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.total).toBe(1400);
      expect(result.problems).toHaveLength(500);
    }
  });
});

describe('compact sheets', () => {
  it('survive storage byte for byte', () => {
    const sheet = sheetOf([
      ['group', '交警支队', '法制处', '序号'],
      ['城乡居民', '满意', '', 'a'],
      ['企业代表', '?', '不了解', 'b'],
    ]);
    const back = decodeSheet(encodeSheet(sheet));
    expect(back).toEqual(sheet);
    expect(() => decodeSheet({ ...encodeSheet(sheet), data: 'AAAA' })).toThrow(/expected/);
  });
});

describe('double keying', () => {
  const header = ['group', '交警支队', '法制处'];
  const first = sheetOf([header, ['城乡居民', '满意', '满意'], ['城乡居民', '', '不了解'], ['企业代表', '满意', '?']]);

  it('finds no mismatch between identical keyings', () => {
    expect(compareKeyings(first, first)).toEqual({ mismatches: [], total: 0, rowsUnpaired: false });
  });

  it('lists every differing cell and group, with both values', () => {
    const second = sheetOf([
      header,
      ['城乡居民', '比较满意', '满意'],
      ['企业代表', '', '不了解'],
      ['企业代表', '满意', ''],
    ]);
    const comparison = compareKeyings(first, second);
    expect(comparison.rowsUnpaired).toBe(false);
    expect(comparison.mismatches.map((m) => [m.row, m.unit, m.first, m.second])).toEqual([
      [1, 'traffic-police', 'satisfied', 'fairlySatisfied'],
      [2, null, 'residents', 'enterprises'],
      [3, 'legal-affairs', '?', ''],
    ]);
    const partial = resolveKeyings(first, comparison, [{ row: 1, unit: 'traffic-police', value: 'satisfied' }]);
    expect(partial.ok).toBe(false);
    const resolved = resolveKeyings(first, comparison, [
      { row: 1, unit: 'traffic-police', value: 'fairlySatisfied' },
      { row: 2, unit: null, value: 'enterprises' },
      { row: 3, unit: 'legal-affairs', value: '' },
    ]);
    expect(resolved.ok).toBe(true);
    if (resolved.ok) expect(compareKeyings(resolved.sheet, second).total).toBe(0);
    expect(
      resolveKeyings(first, comparison, [
        { row: 1, unit: 'traffic-police', value: 'great' },
        { row: 2, unit: null, value: 'x' },
        { row: 3, unit: 'legal-affairs', value: '' },
      ]).ok,
    ).toBe(false);
  });

  it('cannot pair rows when a sheet was skipped: only re-keying fixes it', () => {
    const second = sheetOf([header, ['城乡居民', '满意', '满意'], ['企业代表', '满意', '?']]);
    const comparison = compareKeyings(first, second);
    expect(comparison.rowsUnpaired).toBe(true);
    expect(resolveKeyings(first, comparison, []).ok).toBe(false);
  });

  it('pairs rows by sheet number when both keyings have one', () => {
    const a = sheetOf([
      [...header, '序号'],
      ['城乡居民', '满意', '满意', '7'],
      ['城乡居民', '', '', '8'],
    ]);
    const b = sheetOf([
      [...header, '序号'],
      ['城乡居民', '', '', '8'],
      ['城乡居民', '满意', '不了解', '7'],
    ]);
    const comparison = compareKeyings(a, b);
    expect(comparison.mismatches.map((m) => [m.sheetNumber, m.unit, m.first, m.second])).toEqual([
      ['7', 'legal-affairs', 'satisfied', 'unknown'],
    ]);
  });
});
