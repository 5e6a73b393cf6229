import { SEED_RATING_SCALE } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/fixtures.js';
import { parseTallyCsv, tallyFromCsv } from './tally-csv.js';

const scale = SEED_RATING_SCALE;

describe('parseTallyCsv', () => {
  it('reads the contract example with line numbers', () => {
    const rows = parseTallyCsv(
      'unit,group,level,count\ntraffic-police,residents,satisfied,1520\ntraffic-police,residents,unknown,37\n',
    );
    expect(rows).toEqual([
      { unit: 'traffic-police', group: 'residents', level: 'satisfied', count: 1520, line: 2 },
      { unit: 'traffic-police', group: 'residents', level: 'unknown', count: 37, line: 3 },
    ]);
  });

  it('accepts a BOM, CRLF, blank lines, spaces, any column order and extra columns', () => {
    const text = '\uFEFFcount, Level ,unit,note\r\n\r\n 12 ,satisfied, a ,x\r\n   \r\n3,unknown,b,"y, z"\r\n';
    expect(parseTallyCsv(text)).toEqual([
      { unit: 'a', level: 'satisfied', count: 12, line: 3 },
      { unit: 'b', level: 'unknown', count: 3, line: 5 },
    ]);
  });

  it('leaves group out when the column is absent or empty', () => {
    expect(parseTallyCsv('unit,level,count\na,satisfied,1')[0]).toEqual({
      unit: 'a',
      level: 'satisfied',
      count: 1,
      line: 2,
    });
    expect(parseTallyCsv('unit,group,level,count\na,,satisfied,1')[0]).toEqual({
      unit: 'a',
      level: 'satisfied',
      count: 1,
      line: 2,
    });
  });

  it('reads RFC 4180 quoting, including quotes and line breaks inside fields', () => {
    const rows = parseTallyCsv(
      'unit,group,level,count\n"unit ""one""",residents,satisfied,"5"\n"multi\nline",residents,satisfied,1\nlast,residents,unknown,2',
    );
    expect(rows.map((row) => [row.unit, row.line])).toEqual([
      ['unit "one"', 2],
      ['multi\nline', 3],
      ['last', 5],
    ]);
  });

  it('decodes UTF-8 bytes strictly', () => {
    const bytes = new TextEncoder().encode('unit,level,count\n交警支队,satisfied,4\n');
    expect(parseTallyCsv(bytes)[0]?.unit).toBe('交警支队');
    const error = thrown(() => parseTallyCsv(Uint8Array.from([0x75, 0xff, 0x0a]), { file: 'x.csv' }));
    expect(error.code).toBe('INVALID_TALLY');
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.details).toEqual({ file: 'x.csv' });
  });

  it.each([
    ['empty file', '', 'line 1', /empty/],
    ['missing header column', 'unit,group,level\na,b,c', 'line 1', /lacks column count/],
    ['two missing columns', 'unit,group\na,b', 'line 1', /lacks columns level, count/],
    ['duplicate header column', 'unit,level,count,unit\na,b,1,a', 'line 1', /"unit" appears twice/],
    [
      'too few fields',
      'unit,group,level,count\na,b,satisfied,1\na,b,1',
      'line 3',
      /expected 4 fields \(unit,group,level,count\), found 3/,
    ],
    ['too many fields', 'unit,level,count\na,satisfied,1,9', 'line 2', /expected 3 fields/],
    ['negative count', 'unit,level,count\na,satisfied,-3', 'line 2', /count "-3" is negative/],
    ['fractional count', 'unit,level,count\na,satisfied,1.5', 'line 2', /count "1.5" is not a whole number/],
    ['text count', 'unit,level,count\na,satisfied,many', 'line 2', /"many" is not a whole number/],
    ['empty count', 'unit,level,count\na,satisfied,', 'line 2', /is empty/],
    ['huge count', 'unit,level,count\na,satisfied,99999999999999999999', 'line 2', /too large/],
    ['empty unit', 'unit,level,count\n,satisfied,1', 'line 2', /unit is empty/],
    ['empty level', 'unit,level,count\na,,1', 'line 2', /level is empty/],
    ['unclosed quote', 'unit,level,count\na,"satisfied,1\nb,c,2', 'line 2', /never closed/],
    ['quote inside a field', 'unit,level,count\na"b,satisfied,1', 'line 2', /quote inside an unquoted field/],
    ['text after a quote', 'unit,level,count\n"a"b,satisfied,1', 'line 2', /text after a closing quote/],
  ])('%s → INVALID_TALLY', (_name, text, path, message) => {
    const error = thrown(() => parseTallyCsv(text, { file: 't.csv' }));
    expect(error.code).toBe('INVALID_TALLY');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ file: 't.csv' });
  });
});

describe('tallyFromCsv', () => {
  it('checks levels and groups against the policy and names the line', () => {
    const text = 'unit,group,level,count\na,residents,satisfied,1\n\na,residents,happy,2\n';
    const error = thrown(() => tallyFromCsv(text, { scale }, { file: 'tally.csv' }));
    expect(error.code).toBe('INVALID_TALLY');
    expect(error.path).toBe('line 4');
    expect(error.message).toBe(
      'line 4: unknown level "happy" (levels: satisfied, fairlySatisfied, basicallySatisfied, notVerySatisfied, dissatisfied, unknown)',
    );
    expect(error.details).toMatchObject({ file: 'tally.csv', level: 'happy' });
  });

  it('names the line of a group the policy does not list', () => {
    const text = 'unit,group,level,count\na,residents,satisfied,1\na,aliens,satisfied,2\n';
    const error = thrown(() => tallyFromCsv(text, { scale, groups: [{ code: 'residents' }] }));
    expect(error.path).toBe('line 3');
  });

  it("names the line where a unit's ballots add up past 2^53, though each count and each level's sum fit", () => {
    const half = 2 ** 52;
    const text = `unit,level,count\na,satisfied,${half}\nb,satisfied,5\na,dissatisfied,${half}\n`;
    const error = thrown(() => tallyFromCsv(text, { scale }, { file: 'tally.csv' }));
    expect(error.code).toBe('INVALID_TALLY');
    expect(error.path).toBe('line 4');
    expect(error.message).toBe('line 4: the ballots of unit a add up beyond 9007199254740991 (2^53 − 1)');
  });

  it('builds the tally', () => {
    const tally = tallyFromCsv('unit,level,count\na,satisfied,1\na,satisfied,2\n', { scale });
    expect(tally.count('a', 'satisfied')).toBe(3);
  });
});
