import { describe, expect, it } from 'vitest';
import { DEFAULT_PG_TEST_URL, pgTestUrl, probePostgres, uniqueDatabaseName, withDatabase } from './postgres';

describe('postgres helpers', () => {
  it('defaults PG_TEST_URL to the local test database', () => {
    expect(pgTestUrl({})).toBe(DEFAULT_PG_TEST_URL);
    expect(pgTestUrl({ PG_TEST_URL: 'postgres://u@db:5433/x' })).toBe('postgres://u@db:5433/x');
  });

  it('points a URL at another database, keeping credentials and options', () => {
    expect(withDatabase('postgres://u:p@db:5433/test?sslmode=disable', 'other')).toBe(
      'postgres://u:p@db:5433/other?sslmode=disable',
    );
  });

  it('makes unique, safe database names', () => {
    const names = new Set(Array.from({ length: 50 }, () => uniqueDatabaseName()));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^pingyi_test_[a-z0-9]+_[0-9a-f]{8}$/);
  });

  it('reports an unreachable server with the reason', () => {
    const probe = probePostgres('postgres://nobody@127.0.0.1:1/none');
    expect(probe.ok).toBe(false);
    expect(probe.reason).toMatch(/ECONNREFUSED|connect/i);
  });
});
