import { randomInt } from 'node:crypto';

/** A copy of `items` in a uniformly random order (Fisher–Yates with crypto randomness). */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface MixPolicy {
  /** A batch holds at least this many ballots... */
  readonly minBatch: number;
  /** ...or every ballot, once the oldest has waited this long (ms). */
  readonly sliceMs: number;
  /** In a full pool, the chance that a ballot younger than the slice stays for a later batch. */
  readonly leaveBehind: number;
  /**
   * ...and at most this many: a batch is one write transaction, which on
   * SQLite holds every other write (a cast) for its length; the mixer takes
   * the next one soon after a full batch.
   */
  readonly maxBatch: number;
}

/**
 * Which waiting ballots the next batch takes (a pool mix), in a random order:
 * - nothing while fewer than `minBatch` wait and the oldest has waited less than the slice;
 * - every one once the slice has passed with fewer than `minBatch` waiting;
 * - otherwise every ballot older than the slice, and each younger one unless
 *   it is left behind (chance `leaveBehind`), topped up at random to `minBatch`;
 * - never more than `maxBatch`: the ballots older than the slice first, the
 *   rest at random (a backlog drains over the next batches).
 * Leaving random ballots behind lets a ballot be counted one batch later than
 * its neighbours in time, so consecutive batches do not keep coarse order.
 */
export function chooseBatch<T extends { readonly boxedAt: number }>(
  pool: readonly T[],
  now: number,
  policy: MixPolicy,
  random: () => number = () => randomInt(1 << 30) / (1 << 30),
): T[] {
  if (pool.length === 0) return [];
  const oldest = pool.reduce((min, entry) => Math.min(min, entry.boxedAt), Infinity); // no spread: a box may hold 100,000s
  const sliceOver = now - oldest >= policy.sliceMs;
  if (pool.length < policy.minBatch) return sliceOver ? shuffled(pool).slice(0, policy.maxBatch) : [];
  const due: T[] = [];
  const taken: T[] = [];
  const left: T[] = [];
  for (const entry of pool)
    (now - entry.boxedAt >= policy.sliceMs ? due : random() >= policy.leaveBehind ? taken : left).push(entry);
  const topUp = shuffled(left).slice(0, Math.max(0, policy.minBatch - due.length - taken.length));
  return shuffled([...shuffled(due), ...shuffled([...taken, ...topUp])].slice(0, policy.maxBatch));
}
