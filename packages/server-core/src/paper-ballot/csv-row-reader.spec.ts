import { isPingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import { type ByteSource, detectCsvEncoding, readCsvRows } from './csv-row-reader';
import { MAX_CELL_CHARS } from './sheet-row';

/** The bytes served in chunks of `size`, as a re-openable source. */
const source = (bytes: Uint8Array, size = 7): ByteSource =>
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function rowsOf(text: string | Uint8Array, chunk = 7) {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  const open = source(bytes, chunk);
  const rows = [];
  for await (const row of readCsvRows(open, await detectCsvEncoding(open))) rows.push(row);
  return rows;
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await rowsOf(bytes);
  } catch (error) {
    if (isPingyiError(error, 'MALFORMED_FILE')) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('readCsvRows', () => {
  it.each([
    [
      'plain rows',
      'group,a,b\nresidents,满意,\n',
      [
        ['group', 'a', 'b'],
        ['residents', '满意', ''],
      ],
    ],
    [
      'CRLF and a BOM',
      '\uFEFFgroup,a\r\nresidents,满意\r\n',
      [
        ['group', 'a'],
        ['residents', '满意'],
      ],
    ],
    [
      'quotes, doubled quotes, commas and line breaks inside',
      'x,y\n"a,b","say ""hi""\r\nthere"\n',
      [
        ['x', 'y'],
        ['a,b', 'say "hi"\nthere'],
      ],
    ],
    [
      'blank lines skipped, no final newline',
      '\n\nx,y\n\n1,2',
      [
        ['x', 'y'],
        ['1', '2'],
      ],
    ],
    [
      'tab-separated',
      'group\ta\nresidents\t满意\n',
      [
        ['group', 'a'],
        ['residents', '满意'],
      ],
    ],
    [
      'old Mac line ends',
      'x,y\r1,2\r',
      [
        ['x', 'y'],
        ['1', '2'],
      ],
    ],
  ])('reads %s', async (_name, text, expected) => {
    for (const chunk of [1, 3, 7, 4096]) expect((await rowsOf(text, chunk)).map((row) => row.cells)).toEqual(expected);
  });

  it('numbers rows by their first line in the file', async () => {
    const rows = await rowsOf('h1,h2\n"two\nlines",x\n\nlast,y\n');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it('cuts a huge cell and flags it, without keeping it in memory', async () => {
    const rows = await rowsOf(`x,y\n${'满'.repeat(200_000)},ok\n`, 65_536);
    expect(rows[1]?.cells[0]).toHaveLength(MAX_CELL_CHARS);
    expect(rows[1]?.tooLong).toEqual([0]);
    expect(rows[1]?.cells[1]).toBe('ok');
  });

  it('flags cells that look like formulas', async () => {
    expect((await rowsOf('x,y\n=SUM(A1:A2),满意\n'))[1]?.formulas).toEqual([0]);
  });

  it('reads GBK (GB18030) files as Excel saves them in China', async () => {
    // 评议 满意 in GBK
    const gbk = new Uint8Array([0x67, 0x2c, 0x61, 0x0a, 0x72, 0x2c, 0xc2, 0xfa, 0xd2, 0xe2, 0x0a]);
    expect((await rowsOf(gbk)).map((row) => row.cells)).toEqual([
      ['g', 'a'],
      ['r', '满意'],
    ]);
  });

  it.each([
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x67, 0x00]), /UTF-16/],
    ['a ZIP archive', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), /ZIP archive/],
    ['an old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), /\.xls/],
    ['NUL bytes', utf8('a,b\n\u0000\u0000'), /NUL bytes/],
    ['bytes of no encoding', new Uint8Array([0x61, 0x2c, 0x81, 0x20, 0xff, 0xff, 0x0a]), /neither UTF-8 nor GBK/],
    ['a quote never closed', utf8('a,b\n"open,x\n'), /never closed/],
  ])('refuses %s', async (_name, bytes, message) => {
    expect(await refusal(bytes)).toMatch(message);
  });
});
