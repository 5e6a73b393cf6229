import type { StandingsOutput } from './standings-output.js';

/**
 * CONTRACTS.md §3: `{ "standings": [ { unit, series, ballots, counted, valid,
 * score, rank, overallRank, tier, rates } ] }`, numbers already rounded
 * (`series` and `overallRank` null where they do not apply); `explanation`
 * only when asked.
 */
export function formatJson({ standings, explain }: StandingsOutput): string {
  const rows = standings.map(
    ({ unit, series, ballots, counted, valid, score, rank, overallRank, tier, rates, explanation }) => ({
      unit,
      series,
      ballots,
      counted,
      valid,
      score,
      rank,
      overallRank,
      tier,
      rates,
      ...(explain ? { explanation } : {}),
    }),
  );
  return `${JSON.stringify({ standings: rows }, null, 2)}\n`;
}
