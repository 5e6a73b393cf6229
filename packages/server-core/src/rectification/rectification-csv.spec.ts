import { describe, expect, it } from 'vitest';
import { writeCsv } from '@pingyi/csv';
import { readCsv } from '../file-limits/csv-text';

// the ledger's CSV: one line of the one writer
const csvLine = (values: readonly (string | number | null)[]): string => writeCsv([values]).slice(0, -2);

describe('readCsv', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2\n',
      [
        [['a', 'b'], 1],
        [['1', '2'], 2],
      ],
    ],
    [
      'CRLF and no final newline',
      'a,b\r\n1,2',
      [
        [['a', 'b'], 1],
        [['1', '2'], 2],
      ],
    ],
    [
      'BOM dropped',
      '\uFEFFid\n7',
      [
        [['id'], 1],
        [['7'], 2],
      ],
    ],
    [
      'blank lines skipped, numbering kept',
      'a\n\n\nb\n',
      [
        [['a'], 1],
        [['b'], 4],
      ],
    ],
    ['quoted comma and quote', 'x,"a,b","say ""hi"""', [[['x', 'a,b', 'say "hi"'], 1]]],
    [
      'line break inside quotes keeps the start line',
      'a,"one\ntwo"\nb,c',
      [
        [['a', 'one\ntwo'], 1],
        [['b', 'c'], 3],
      ],
    ],
    ['empty fields', ',,\n', [[['', '', ''], 1]]],
    ['a lone empty quoted field is a record', '""\n', [[[''], 1]]],
  ])('%s', (_name, text, expected) => {
    expect(readCsv(text).map((r) => [r.fields, r.line])).toEqual(expected);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => readCsv('a\nb,"open\nstill\n')).toThrow(/csv line 2: a quoted field opened on line 2 is never closed/);
  });
});

describe('the ledger line (writeCsv)', () => {
  it.each([
    [['a', 'b'], 'a,b'],
    [['a,b', 'x'], '"a,b",x'],
    [['say "hi"'], '"say ""hi"""'],
    [['two\nlines'], '"two\nlines"'],
    [[null, 3, ''], ',3,'],
    [['=SUM(A1)', '+1', '-x', '@cmd'], "'=SUM(A1),'+1,'-x,'@cmd"],
  ] as const)('%j → %s', (values, expected) => {
    expect(csvLine(values)).toBe(expected);
  });

  it('round-trips through readCsv', () => {
    const rows = [
      ['id', 'note'],
      ['1', 'a "quoted", multi\nline note'],
      ['2', ''],
    ];
    expect(readCsv(rows.map(csvLine).join('\n')).map((r) => r.fields)).toEqual(rows);
  });
});
