import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';

/** Kendall's τ between two orders of the same items (positions in `a` and `b`), ties not expected. */
export function kendallTau(a: readonly number[], b: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < a.length; i += 1) {
    for (let j = i + 1; j < a.length; j += 1) {
      const s = Math.sign(((a[i] as number) - (a[j] as number)) * ((b[i] as number) - (b[j] as number)));
      if (s > 0) concordant += 1;
      else if (s < 0) discordant += 1;
    }
  }
  return (concordant - discordant) / Math.max(1, concordant + discordant);
}

/** A dump's rows of one table in the order the dump lists them, as column → text. */
export type DumpedRows = Record<string, string>[];

/** `pg_dump` of a whole database, as text (the binary must be on PATH). */
export function pgDump(url: string): string {
  return execFileSync('pg_dump', ['--no-owner', url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The rows of `table` in a plain-text `pg_dump`, in dump order. */
export function rowsOfPgDump(dump: string, table: string): DumpedRows {
  const header = new RegExp(`^COPY public\\.${table} \\(([^)]*)\\) FROM stdin;$`, 'm').exec(dump);
  if (!header) throw new Error(`no COPY block for ${table} in the dump`);
  const columns = (header[1] as string).split(', ').map((name) => name.replace(/"/g, ''));
  const rows: DumpedRows = [];
  for (const line of dump.slice(header.index + header[0].length + 1).split('\n')) {
    if (line === '\\.') break;
    const cells = line.split('\t');
    rows.push(Object.fromEntries(columns.map((name, i) => [name, cells[i] as string])));
  }
  return rows;
}

interface SqliteReader {
  prepare(sql: string): { all(): Record<string, unknown>[] };
  close(): void;
}
const Database = createRequire(__filename)('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => SqliteReader;

/** The rows of `table` in a copy of a (checkpointed) SQLite file, in storage order, as `sqlite3 .dump` lists them. */
export function rowsOfSqliteCopy(file: string, table: string): DumpedRows {
  const copy = `${file}.dump-copy`;
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '\\N' : String(v)])));
  } finally {
    db.close();
    fs.rmSync(copy, { force: true });
  }
}
