// Shared test data: the contract's example policy and small helpers.
import { SEED_RATING_SCALE } from '@pingyi/domain';
import { parsePolicy } from '../src/policy/parse-policy.js';
import type { ScoringPolicy } from '../src/policy/scoring-policy.js';
import { Tally, type TallyRow } from '../src/tally/tally.js';

export const TIERS = [
  { code: 'satisfied', label: '满意', min: 85 },
  { code: 'basicallySatisfied', label: '基本满意', min: 60 },
  { code: 'dissatisfied', label: '不满意', min: null },
];

/** The contract's example policy, with overrides. */
export function policyJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    scale: SEED_RATING_SCALE.map((level) => ({ ...level })),
    unknownInDenominator: false,
    strategy: { code: 'weighted-mean', args: {} },
    minCounted: 0,
    decimals: 2,
    tiers: TIERS,
    ...overrides,
  };
}

export const policy = (overrides: Record<string, unknown> = {}): ScoringPolicy => parsePolicy(policyJson(overrides));

/** Rows from a compact map: `{ unit: { level: count } }` (no groups). */
export function rows(counts: Record<string, Record<string, number>>, group?: string): TallyRow[] {
  return Object.entries(counts).flatMap(([unit, levels]) =>
    Object.entries(levels).map(([level, count]) => (group ? { unit, group, level, count } : { unit, level, count })),
  );
}

export const tally = (counts: Record<string, Record<string, number>>, shape: ScoringPolicy = policy()): Tally =>
  Tally.fromRows(rows(counts), shape);

/** Runs `fn` and returns the thrown error (fails the test if nothing is thrown). */
export function thrown(fn: () => unknown): {
  code?: string;
  path?: string;
  message: string;
  details?: Record<string, unknown>;
} {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; path?: string; message: string };
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** Scores a small tally and returns the standings by unit code. */
export async function standingsOf(
  counts: Record<string, Record<string, number>>,
  overrides: Record<string, unknown> = {},
): Promise<Map<string, import('../src/standings/standing.js').Standing>> {
  const { scoreTally } = await import('../src/standings/score-tally.js');
  const shape = policy(overrides);
  const { standings } = scoreTally(tally(counts, shape), shape);
  return new Map(standings.map((standing) => [standing.unit, standing]));
}
