// The SQL-step form of a transaction: a fixed list of statements, the same on
// both databases, for the writes that must be atomic and fast (redeeming a
// code and storing its ballot, issuing a batch of codes, importing a paper
// batch). Run by `Transactions.steps`.

/** One statement; `?` placeholders (turned into `$1`… on PostgreSQL). */
export interface SqlStep {
  readonly sql: string;
  readonly params?: readonly unknown[];
  /** Roll everything back and report this step when it changes another number of rows. */
  readonly expectChanges?: number;
  /** Collect the rows it returns (`RETURNING`, `SELECT`); they are passed to later step functions. */
  readonly returnsRows?: boolean;
  /** Names the step in a failed {@link RunOutcome}. */
  readonly name?: string;
}

export type StepRows = readonly (readonly Record<string, unknown>[])[];

/**
 * A step, steps made lazily (a generator: bulk inserts), or a function of the
 * rows earlier steps returned (e.g. the id of a new batch).
 */
export type StepSource = SqlStep | Iterable<SqlStep> | ((rows: StepRows) => SqlStep | Iterable<SqlStep>);

/**
 * What a run did: the rows of the steps that return rows, in order; or the
 * step whose row count was not the expected one (everything rolled back).
 */
export type RunOutcome =
  | { readonly ok: true; readonly rows: StepRows }
  | { readonly ok: false; readonly failed: string; readonly changes: number };

export function* expandSteps(source: StepSource, rows: StepRows): Generator<SqlStep> {
  const value = typeof source === 'function' ? source(rows) : source;
  if (Symbol.iterator in value) yield* value as Iterable<SqlStep>;
  else yield value;
}

/** Values SQLite can bind: booleans as 0/1, dates as ISO text. */
export function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  return value;
}

/** `?` → `$1`, `$2`… (the steps never put `?` inside string literals). */
export function toPostgresPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${(i += 1)}`);
}

/** Whether a statement returns rows (read with `all`, not `run`). */
export function returnsRows(sql: string): boolean {
  return /^\s*(select|with)\b/i.test(sql) || /\breturning\b/i.test(sql);
}
