import type { ScoringPolicy, Standing } from '@pingyi/scoring';

/** What every output format receives. */
export interface StandingsOutput {
  readonly standings: readonly Standing[];
  readonly policy: ScoringPolicy;
  /** Add each unit's explanation. */
  readonly explain: boolean;
  /** CSV for Excel: CRLF line ends and a UTF-8 byte order mark. */
  readonly excel?: boolean;
}

/** Whether the output shows series: the policy ranks within series, or some unit has one. */
export function showsSeries({ standings, policy }: Pick<StandingsOutput, 'standings' | 'policy'>): boolean {
  return policy.rankWithin === 'series' || standings.some((standing) => standing.series !== null);
}

/** Levels that have a rate (the counted levels), in scale order. */
export function rateLevels(policy: ScoringPolicy): ScoringPolicy['scale'] {
  return policy.scale.filter((level) => level.points !== null || policy.unknownInDenominator);
}

/** A rounded number written with exactly the policy's decimals. */
export const fixed = (value: number, policy: ScoringPolicy): string => value.toFixed(policy.decimals);
