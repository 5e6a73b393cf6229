import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';

/** A stored value: SQLite's null, number, text and blob; PostgreSQL's values all as their text form. */
export type CellValue = null | number | string | Buffer;

// one JSON array per line; a blob becomes { "$b": base64 }
const encode = (value: unknown): unknown =>
  Buffer.isBuffer(value) ? { $b: value.toString('base64') } : typeof value === 'bigint' ? value.toString() : value;
const decode = (value: unknown): CellValue => {
  if (value !== null && typeof value === 'object')
    return Buffer.from(String((value as { $b?: unknown }).$b ?? ''), 'base64');
  return value as CellValue;
};

/** Writes a table as gzip-compressed JSON lines: the columns, then one array per row. Returns the row count. */
export async function writeTableFile(
  file: string,
  columns: readonly string[],
  rows: AsyncIterable<readonly unknown[]>,
): Promise<number> {
  const text = new PassThrough();
  const done = pipeline(text, createGzip({ level: 6 }), fs.createWriteStream(file));
  let count = 0;
  const write = async (line: string): Promise<void> => {
    if (!text.write(line)) await once(text, 'drain');
  };
  await write(`${JSON.stringify({ columns })}\n`);
  for await (const row of rows) {
    await write(`${JSON.stringify(row.map(encode))}\n`);
    count += 1;
  }
  text.end();
  await done;
  return count;
}

/** Reads a table file back: its columns, then its rows in chunks of `chunk`. */
export async function* readTableFile(
  file: string,
  chunk: number,
): AsyncGenerator<{ columns: readonly string[]; rows: CellValue[][] }> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let columns: readonly string[] | undefined;
  let rows: CellValue[][] = [];
  for await (const line of lines) {
    if (line === '') continue;
    if (!columns) {
      columns = (JSON.parse(line) as { columns: string[] }).columns;
      continue;
    }
    rows.push((JSON.parse(line) as unknown[]).map(decode));
    if (rows.length >= chunk) {
      yield { columns, rows };
      rows = [];
    }
  }
  if (columns && rows.length > 0) yield { columns, rows };
}
