import { describe, expect, it } from 'vitest';
import { MinuteCounts } from './minute-counts';

describe('MinuteCounts', () => {
  it("shows a minute's increments only after the minute ends", () => {
    const counts = new MinuteCounts();
    const t = Date.UTC(2026, 11, 1, 10, 0, 5);
    counts.add('residents', t);
    counts.add('residents', t + 20_000);
    expect(counts.totals(t + 30_000).get('residents')).toBeUndefined();
    counts.add('enterprises', t + 50_000);
    expect(Object.fromEntries(counts.totals(t + 56_000))).toEqual({ residents: 2, enterprises: 1 });
    counts.add('residents', t + 61_000);
    expect(counts.totals(t + 100_000).get('residents')).toBe(2);
    expect(counts.totals(t + 120_000).get('residents')).toBe(3);
  });
});
