import { describe, expect, it } from 'vitest';
import { declarationsWith, indicatorCsvTemplate, indicatorRows, parseIndicatorValue } from './indicator-table';

const units = [
  { code: 'traffic', name: '交警支队', appraised: true, sortOrder: 2 },
  { code: 'hq', name: '市局机关', appraised: false, sortOrder: 0 },
  { code: 'patrol', name: '巡警支队', appraised: true, sortOrder: 1 },
];

describe('the indicator table', () => {
  it('has a row per appraised unit, in order, plus units with values', () => {
    const rows = indicatorRows(units, [
      { unitCode: 'traffic', indicatorCode: 'complaints', value: 3 },
      { unitCode: 'gone', indicatorCode: 'complaints', value: 1 },
    ]);
    expect(rows.map((row) => row.unitCode)).toEqual(['patrol', 'traffic', 'gone']);
    expect(rows[1]?.values).toEqual({ complaints: 3 });
    expect(rows[0]?.values).toEqual({});
  });

  it('reads a typed value against the declaration', () => {
    const count = { min: 0, max: 100, integer: true };
    expect(parseIndicatorValue(' 12 ', count)).toEqual({ ok: true, value: 12 });
    expect(parseIndicatorValue('', count)).toEqual({ ok: true, value: null });
    expect(parseIndicatorValue('1,000', { min: null, max: null, integer: true })).toEqual({ ok: true, value: 1000 });
    expect(parseIndicatorValue('1.5', count)).toEqual({ ok: false, reason: 'not_integer' });
    expect(parseIndicatorValue('-1', count)).toEqual({ ok: false, reason: 'below_min' });
    expect(parseIndicatorValue('101', count)).toEqual({ ok: false, reason: 'above_max' });
    expect(parseIndicatorValue('abc', count)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseIndicatorValue('98.5', { min: 0, max: 100, integer: false })).toEqual({ ok: true, value: 98.5 });
  });

  it('writes a CSV template with the current values', () => {
    const rows = indicatorRows(units, [{ unitCode: 'traffic', indicatorCode: 'complaints', value: 3 }]);
    expect(indicatorCsvTemplate([{ code: 'complaints' }, { code: 'rate' }], rows)).toBe(
      'unit,complaints,rate\npatrol,,\ntraffic,3,\n',
    );
  });
});

describe('adding a declaration', () => {
  it('keeps the others in order and replaces one of the same code', () => {
    const base = { unit: null, description: null, min: null, max: null, integer: false };
    const declarations = [
      { ...base, id: '2', code: 'b', label: 'B', sortOrder: 1 },
      { ...base, id: '1', code: 'a', label: 'A', sortOrder: 0 },
    ];
    const result = declarationsWith(declarations, { ...base, code: 'b', label: 'B2', integer: true });
    expect(result.map((d) => [d.code, d.label])).toEqual([
      ['a', 'A'],
      ['b', 'B2'],
    ]);
    expect(result[1]).not.toHaveProperty('id');
  });
});
