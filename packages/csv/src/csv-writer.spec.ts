import { describe, expect, it } from 'vitest';
import { readCsvText } from './csv-reader.js';
import { neutraliseFormula, writeCsv } from './csv-writer.js';

describe('writeCsv', () => {
  it('quotes only what needs it, doubles quotes, ends every line, numbers and booleans as written', () => {
    expect(
      writeCsv([
        ['a', 'b,c', 'say "hi"', 'two\nlines', 'cr\r'],
        [1, -2.5, true, null, undefined],
      ]),
    ).toBe('a,"b,c","say ""hi""","two\nlines","cr\r"\r\n1,-2.5,true,,\r\n');
    expect(writeCsv([['x']], { bom: true, eol: '\n' })).toBe('\uFEFFx\n');
    expect(writeCsv([[' edge', 'in side', 'tail ']], { quoteEdgeSpace: true })).toBe('" edge",in side,"tail "\r\n');
  });

  it('neutralises every text cell a spreadsheet would run as a formula (= + - @ tab CR), and no number', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(writeCsv([['=SUM(A1)', '\tcmd', '\r=1', -3]])).toBe(`'=SUM(A1),'\tcmd,"'\r=1",-3\r\n`);
    expect(writeCsv([['=1']], { neutraliseFormulas: false })).toBe('=1\r\n');
  });

  it('writes what the reader reads back', () => {
    const rows = [
      ['单位', '意见, "引号"', '多\n行'],
      ['a', '', 'b'],
    ];
    expect(readCsvText(writeCsv(rows, { bom: true })).map((record) => record.fields)).toEqual(rows);
  });

  it('writes the CLI csv output (CONTRACTS.md §3) byte for byte as before: LF, no BOM, quoted only where needed and around edge spaces, formulas kept', () => {
    // the CLI's writer before it came here, as the reference
    const quote = (field: string): string =>
      /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
    const before = (rows: string[][]): string => `${rows.map((row) => row.map(quote).join(',')).join('\n')}\n`;
    const rows = [
      ['unit', 'ballots', 'score', 'rank', 'explanation_zh'],
      ['交警支队', '12', '-1.50', '', '满意率 90%，"良好"'],
      [' lead', 'trail ', '\ttab', '=SUM(A1)', 'two\nlines'],
      ['a,b', '', '+1', '@x', 'cr\rhere'],
    ];
    expect(writeCsv(rows, { eol: '\n', neutraliseFormulas: false, quoteEdgeSpace: true })).toBe(before(rows));
  });
});
