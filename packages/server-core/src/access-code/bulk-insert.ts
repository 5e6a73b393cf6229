import { type SqlStep } from '../database/sql-steps';

/** A column of a bulk insert and its PostgreSQL array type (`integer`, `varchar`, `date`, `boolean`, `text`). */
export interface BulkColumn {
  readonly name: string;
  readonly pgType: 'integer' | 'varchar' | 'text' | 'date' | 'boolean';
}

// SQLite: multi-row VALUES of a fixed size, so one prepared statement serves
// every full chunk. PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per
// chunk, which costs about what COPY does for rows of this size.
const SQLITE_ROWS_PER_STATEMENT = 400;
const POSTGRES_ROWS_PER_STATEMENT = 5_000; // pg turns each array into text on the event loop: larger chunks hold it longer

/**
 * The statements that insert `rows` (arrays in column order) into `table`,
 * made lazily chunk by chunk as the transaction consumes them: with a
 * generator for `rows`, no more than one chunk is ever in memory. Rows that
 * are costly to make (sealed ballots) take a smaller PostgreSQL chunk, so
 * making one chunk does not hold the event loop.
 */
export function* bulkInsertSteps(
  dialect: 'sqlite' | 'postgres',
  table: string,
  columns: readonly BulkColumn[],
  rows: Iterable<readonly unknown[]>,
  options: { readonly postgresRowsPerStatement?: number } = {},
): Generator<SqlStep> {
  const names = columns.map((column) => column.name).join(', ');
  if (dialect === 'postgres') {
    const perStatement = options.postgresRowsPerStatement ?? POSTGRES_ROWS_PER_STATEMENT;
    const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${columns.map((column) => `?::${column.pgType}[]`).join(', ')})`;
    let arrays = columns.map((): unknown[] => []);
    let size = 0;
    for (const row of rows) {
      row.forEach((value, i) => (arrays[i] as unknown[]).push(value));
      size += 1;
      if (size === perStatement) {
        yield { sql, params: arrays, expectChanges: size };
        arrays = columns.map((): unknown[] => []);
        size = 0;
      }
    }
    if (size > 0) yield { sql, params: arrays, expectChanges: size };
    return;
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sqlFor = (count: number): string =>
    `INSERT INTO ${table} (${names}) VALUES ${Array.from({ length: count }, () => tuple).join(', ')}`;
  const fullSql = sqlFor(SQLITE_ROWS_PER_STATEMENT);
  let params: unknown[] = [];
  let size = 0;
  for (const row of rows) {
    for (const value of row) params.push(value);
    size += 1;
    if (size === SQLITE_ROWS_PER_STATEMENT) {
      yield { sql: fullSql, params, expectChanges: size };
      params = [];
      size = 0;
    }
  }
  if (size > 0) yield { sql: sqlFor(size), params, expectChanges: size };
}
