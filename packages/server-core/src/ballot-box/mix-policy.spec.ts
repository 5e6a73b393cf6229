import { describe, expect, it } from 'vitest';
import { chooseBatch, shuffled } from './mix-policy';

const policy = { minBatch: 10, sliceMs: 1000, leaveBehind: 0.3 };
const pool = (n: number, boxedAt = 0) => Array.from({ length: n }, (_, i) => ({ i, boxedAt }));

describe('chooseBatch', () => {
  it('waits while fewer than the minimum wait and the slice has not passed', () => {
    expect(chooseBatch([], 0, policy)).toEqual([]);
    expect(chooseBatch(pool(9), 999, policy)).toEqual([]);
  });

  it('takes every ballot once the slice has passed, however few', () => {
    expect(
      chooseBatch(pool(3), 1000, policy)
        .map((e) => e.i)
        .sort(),
    ).toEqual([0, 1, 2]);
  });

  it('in a full pool leaves some young ballots behind at random, never below the minimum batch', () => {
    const sizes = new Set<number>();
    for (let run = 0; run < 50; run += 1) {
      const batch = chooseBatch(pool(40, 500), 600, policy);
      expect(batch.length).toBeGreaterThanOrEqual(10);
      expect(new Set(batch).size).toBe(batch.length);
      sizes.add(batch.length);
    }
    expect(Math.min(...sizes)).toBeLessThan(40);
    // a pool of exactly the minimum always goes whole
    expect(chooseBatch(pool(10, 500), 600, policy, () => 0)).toHaveLength(10);
    // ballots older than the slice are always taken
    const old = [...pool(20, 0), ...pool(20, 900).map((e) => ({ ...e, i: e.i + 20 }))];
    expect(chooseBatch(old, 1000, policy, () => 0).filter((e) => e.i < 20)).toHaveLength(20);
  });
});

describe('shuffled', () => {
  it('keeps the items and moves them', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const out = shuffled(items);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(out).not.toEqual(items);
  });
});
