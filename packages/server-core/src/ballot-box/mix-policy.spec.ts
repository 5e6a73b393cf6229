import { describe, expect, it } from 'vitest';
import { chooseBatch, shuffled } from './mix-policy';

const policy = { minBatch: 10, sliceMs: 1000, leaveBehind: 0.3, maxBatch: 1000 };
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

describe('chooseBatch with a backlog', () => {
  const capped = { ...policy, maxBatch: 25 };

  it('takes at most maxBatch, the ballots older than the slice first', () => {
    const backlog = [...pool(30, 0), ...pool(100, 900).map((e) => ({ ...e, i: e.i + 30 }))];
    const batch = chooseBatch(backlog, 1000, capped, () => 0.99);
    expect(batch).toHaveLength(25);
    expect(batch.every((e) => e.i < 30)).toBe(true);
    expect(new Set(batch).size).toBe(25);
  });

  it('caps a slice that has passed with few waiting, and a full pool of young ballots', () => {
    expect(chooseBatch(pool(9, 0), 1000, { ...policy, minBatch: 10, maxBatch: 5 })).toHaveLength(5);
    expect(chooseBatch(pool(200, 900), 1000, capped, () => 0.99)).toHaveLength(25);
  });

  it('drains a backlog completely over successive batches', () => {
    let left = [...pool(40, 0), ...pool(60, 500).map((e) => ({ ...e, i: e.i + 40 }))];
    const counted = new Set<number>();
    for (let round = 0; round < 10 && left.length > 0; round += 1) {
      const batch = chooseBatch(left, 2000, capped);
      for (const e of batch) counted.add(e.i);
      left = left.filter((e) => !batch.includes(e));
    }
    expect(counted.size).toBe(100);
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
