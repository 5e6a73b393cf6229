import { describe, expect, it } from 'vitest';
import { bulkInsertSteps } from './bulk-insert';
import { toPostgresPlaceholders } from '../database/sql-steps';

const COLUMNS = [
  { name: 'a', pgType: 'integer' as const },
  { name: 'b', pgType: 'varchar' as const },
];
const rows = (n: number): Generator<unknown[]> =>
  (function* generate() {
    for (let i = 0; i < n; i += 1) yield [i, `r${i}`];
  })();

describe('bulkInsertSteps', () => {
  it.each([
    [0, []],
    [1, [1]],
    [400, [400]],
    [401, [400, 1]],
    [1000, [400, 400, 200]],
  ])('SQLite: %i rows in statements of 400 at most (%j)', (n, sizes) => {
    const steps = [...bulkInsertSteps('sqlite', 't', COLUMNS, rows(n))];
    expect(steps.map((step) => step.expectChanges)).toEqual(sizes);
    expect(steps.map((step) => step.params?.length)).toEqual(sizes.map((size) => size * 2));
    // every full chunk shares one statement text (one prepared statement)
    expect(
      new Set(steps.filter((step) => step.expectChanges === 400).map((step) => step.sql)).size,
    ).toBeLessThanOrEqual(1);
    if (n > 0) expect(steps[0]?.sql).toMatch(/^INSERT INTO t \(a, b\) VALUES \(\?, \?\)(, \(\?, \?\))*$/);
  });

  it('PostgreSQL: one unnest statement per 5,000 rows (or the chunk asked for), a typed array per column', () => {
    const steps = [...bulkInsertSteps('postgres', 't', COLUMNS, rows(12_000))];
    expect(steps.map((step) => step.expectChanges)).toEqual([5_000, 5_000, 2_000]);
    expect(steps[0]?.sql).toBe('INSERT INTO t (a, b) SELECT * FROM unnest(?::integer[], ?::varchar[])');
    expect((steps[2]?.params?.[1] as string[]).slice(0, 2)).toEqual(['r10000', 'r10001']);
    expect(
      [...bulkInsertSteps('postgres', 't', COLUMNS, rows(1_000), { postgresRowsPerStatement: 400 })].map(
        (step) => step.expectChanges,
      ),
    ).toEqual([400, 400, 200]);
  });

  it('reads its rows lazily, chunk by chunk', () => {
    let produced = 0;
    const source = (function* generate() {
      for (let i = 0; i < 10_000; i += 1) {
        produced += 1;
        yield [i, 'x'];
      }
    })();
    const steps = bulkInsertSteps('sqlite', 't', COLUMNS, source);
    steps.next();
    expect(produced).toBe(400);
  });
});

describe('toPostgresPlaceholders', () => {
  it('numbers the placeholders in order', () => {
    expect(toPostgresPlaceholders('UPDATE t SET a = ? WHERE b = ? AND c IN (?, ?)')).toBe(
      'UPDATE t SET a = $1 WHERE b = $2 AND c IN ($3, $4)',
    );
  });
});
