import type { StandingsOutput } from './standings-output.js';

/**
 * CONTRACTS.md §3: `{ "standings": [ { unit, ballots, counted, valid, score,
 * rank, tier, rates } ] }`, numbers already rounded; `explanation` only when asked.
 */
export function formatJson({ standings, explain }: StandingsOutput): string {
  const rows = standings.map(({ unit, ballots, counted, valid, score, rank, tier, rates, explanation }) => ({
    unit,
    ballots,
    counted,
    valid,
    score,
    rank,
    tier,
    rates,
    ...(explain ? { explanation } : {}),
  }));
  return `${JSON.stringify({ standings: rows }, null, 2)}\n`;
}
