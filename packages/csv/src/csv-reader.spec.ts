import { describe, expect, it } from 'vitest';
import { CsvReadError } from './csv-read-error.js';
import { type CsvReadOptions, readCsvText } from './csv-reader.js';
import { readCsvStream } from './csv-stream-reader.js';

const LIMITS = { lines: 3, cellsPerRow: 3, cellChars: 5 };
const problemOf = (text: string, options: CsvReadOptions = { limits: LIMITS }) => {
  try {
    readCsvText(text, options);
  } catch (error) {
    if (error instanceof CsvReadError) return { problem: error.problem, line: error.line, limit: error.limit };
    throw error;
  }
  return null;
};
async function streamed(chunks: string[], options: CsvReadOptions = {}) {
  async function* source() {
    yield* chunks;
  }
  const records = [];
  for await (const record of readCsvStream(source(), options)) records.push(record);
  return records;
}

describe('readCsvText', () => {
  it('reads RFC 4180 quoting, LF, CRLF and CR, a BOM, and names the line each record starts on', () => {
    const records = readCsvText('\uFEFFa,"b,1"\r\n"say ""hi""","two\r\nlines"\nlast\r\n\nx');
    expect(records.map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b,1'], 1],
      [['say "hi"', 'two\nlines'], 2],
      [['last'], 4],
      [['x'], 6],
    ]);
  });

  it('stops at the first line, cell or cell length past its limit, naming where', () => {
    expect(problemOf('a\nb\n\n\nc\n')).toBeNull(); // blank lines do not count
    expect(problemOf('a\nb\nc\nd\n')).toEqual({ problem: 'lines', line: 4, limit: 3 });
    expect(problemOf('a,b,c\nd,e,f,g\n')).toEqual({ problem: 'cellsPerRow', line: 2, limit: 3 });
    expect(problemOf('a\n"12345\n6"\n')).toEqual({ problem: 'cellChars', line: 2, limit: 5 });
    // a record is bounded while it is read, before its cells are complete
    expect(problemOf(`a\n"${'x'.repeat(100)}`, { limits: { ...LIMITS, cellChars: 1000, recordChars: 50 } })).toEqual({
      problem: 'recordChars',
      line: 2,
      limit: 50,
    });
  });

  it('refuses a quote left open, naming the line its record starts on', () => {
    expect(problemOf('a\n"open,x\nb,c\n', {})).toEqual({ problem: 'unclosedQuote', line: 2, limit: undefined });
  });

  it('with strict quotes, refuses a quote inside a cell and text after a closing quote, but lets spaces follow one', () => {
    expect(problemOf('u\na"b,c', { strictQuotes: true })?.problem).toBe('quoteInField');
    expect(problemOf('u\n"a"b,c', { strictQuotes: true })?.problem).toBe('textAfterQuote');
    expect(readCsvText('"a"  ,c', { strictQuotes: true })[0]?.fields).toEqual(['a', 'c']);
    expect(readCsvText('a"b,c')[0]?.fields).toEqual(['a"b', 'c']);
  });

  it('cuts long cells when told, listing them; reads tab-separated text when the first line has tabs and no comma', () => {
    expect(readCsvText('abcdef,ab', { cutAt: 3 })[0]).toEqual({ fields: ['abc', 'ab'], line: 1, cut: [0] });
    expect(readCsvText('a\tb\nc\td', { delimiter: 'comma-or-tab' }).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(readCsvText('a,\tb', { delimiter: 'comma-or-tab' })[0]?.fields).toEqual(['a', '\tb']);
  });

  it('skips blank lines; with empty-line only empty ones, with blank-row every row whose cells are all white space', () => {
    expect(readCsvText('a\n  \n,\nb').map((r) => r.fields)).toEqual([['a'], ['', ''], ['b']]);
    expect(readCsvText('a\n  \n , \nb', { skip: 'blank-row' }).map((r) => r.line)).toEqual([1, 4]);
    expect(readCsvText('a\n\n""\n  \nb', { skip: 'empty-line' }).map((r) => r.line)).toEqual([1, 3, 5]);
  });
});

describe('readCsvStream', () => {
  it('reads records across chunk boundaries, as readCsvText does', async () => {
    const text = 'a,b\n"x\r\ny",c\r\nd\te\n';
    const chunked = await streamed(['a,', 'b\n"x\r', '\ny",c\r', '\nd\te\n']);
    expect(chunked).toEqual(readCsvText(text));
  });

  it('decides on tabs from the first line even when it comes in pieces, and refuses past a limit while reading', async () => {
    expect((await streamed(['a\t', 'b\nc\td'], { delimiter: 'comma-or-tab' })).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await expect(streamed(['a\n', 'b\n', 'c\n', 'd\n'], { limits: LIMITS })).rejects.toMatchObject({
      problem: 'lines',
      line: 4,
    });
    await expect(streamed(['a\n"open'], {})).rejects.toMatchObject({ problem: 'unclosedQuote', line: 2 });
  });
});
