import { describe, expect, it } from 'vitest';
import { parseIndicatorCsv, splitCsv } from './indicator-csv';

describe('parseIndicatorCsv', () => {
  it('reads the long shape', () => {
    const { rows, problems } = parseIndicatorCsv(
      'unit,indicator,value\r\ntraffic-police,complaints,12\n"legal-affairs",inspections,87.5\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { unit: 'traffic-police', indicator: 'complaints', value: 12, line: 2 },
      { unit: 'legal-affairs', indicator: 'inspections', value: 87.5, line: 3 },
    ]);
  });

  it('reads the wide shape, an empty cell being no value', () => {
    const { rows, problems } = parseIndicatorCsv(
      '\uFEFFunit,complaints,inspections\ntraffic-police,12,\nlegal-affairs, 3 ,90\n\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.unit, r.indicator, r.value, r.line])).toEqual([
      ['traffic-police', 'complaints', 12, 2],
      ['legal-affairs', 'complaints', 3, 3],
      ['legal-affairs', 'inspections', 90, 3],
    ]);
  });

  it('reports every bad line at once', () => {
    const csv = ['unit,complaints,inspections', 'a,1,2', 'b,x,2', 'c,1', ',1,2', 'a,5,', 'd,1e400,-3'].join('\n');
    expect(parseIndicatorCsv(csv).problems).toMatchObject([
      {
        line: 3,
        path: 'line 3, complaints',
        message: '"x" is not a number',
        messageKey: 'notANumber',
        params: { value: 'x' },
      },
      { line: 4, path: 'line 4', message: 'has 2 fields, the header has 3' },
      { line: 5, path: 'line 5', message: 'the unit is empty' },
      { line: 6, path: 'line 6, complaints', message: 'unit "a" already has a value of "complaints" on line 2' },
      { line: 7, path: 'line 7, complaints', message: '"1e400" is not a number' },
    ]);
  });

  it.each([
    ['', 'the file is empty'],
    ['name,complaints\n', 'the header must start with "unit"'],
    ['unit\n', 'the header must start with "unit"'],
    ['unit,a,a\n', 'column "a" appears twice'],
    ['unit,a,\n', 'a column has no indicator code'],
  ])('refuses the header of %j', (csv, message) => {
    const { problems } = parseIndicatorCsv(csv);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(message);
  });

  it('keeps line numbers right across quoted line breaks', () => {
    expect(splitCsv('a,"x\ny",b\nc,d,e').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'x\ny', 'b']],
      [3, ['c', 'd', 'e']],
    ]);
    expect(splitCsv('"say ""hi""",2')[0]?.fields).toEqual(['say "hi"', '2']);
  });
});

describe('splitCsv', () => {
  it('refuses a quote that is never closed, naming the line it opened on, rather than reading the rest as one cell', () => {
    expect(() => splitCsv('unit,complaints\ntraffic,"12\nlegal,3\n')).toThrow(
      /line 2: a quoted field opened on line 2 is never closed/,
    );
  });
});
