import { type ShownStanding, type UnitStanding } from './results.queries';

/** One row of the ranking as shown and exported: figures already rounded by the server. */
export interface RankingRow {
  rank: number | null;
  unitCode: string;
  unitName: string;
  score: number | null;
  tier: string;
  ballots: number;
  counted: number;
  valid: boolean;
  rates: Record<string, number>;
}

/** The standings as ranking rows (the server's order: rank, then code, invalid units last). */
export function rankingRows(standings: readonly ShownStanding[]): RankingRow[] {
  return standings.map((standing) => ({
    rank: standing.rank,
    unitCode: standing.unitCode,
    unitName: standing.unitName ?? standing.unitCode,
    score: standing.score,
    tier: standing.tierLabel ?? standing.tier ?? '',
    ballots: standing.ballots,
    counted: standing.counted,
    valid: standing.valid,
    rates: Object.fromEntries((standing.rates ?? []).map((rate) => [rate.level, rate.value])),
  }));
}

/** Header and cells of the ranking for CSV/XLSX, with the level labels as rate columns. */
export function rankingSheet(rows: readonly RankingRow[], levels: readonly { level: string; label: string }[], header: { rank: string; unit: string; code: string; score: string; tier: string; ballots: string; counted: string; rate: (label: string) => string }): (string | number | null)[][] {
  return [
    [header.rank, header.unit, header.code, header.score, header.tier, header.ballots, header.counted, ...levels.map((level) => header.rate(level.label))],
    ...rows.map((row) => [row.rank, row.unitName, row.unitCode, row.score, row.tier, row.ballots, row.counted, ...levels.map((level) => row.rates[level.level] ?? null)]),
  ];
}

/** A unit's change between two sets of standings (preview against current). */
export interface StandingChange {
  unitCode: string;
  unitName: string;
  before: { rank: number | null; score: number | null; tier: string | null };
  after: { rank: number | null; score: number | null; tier: string | null };
  /** before.rank − after.rank: positive moved up. */
  rankChange: number | null;
  scoreChange: number | null;
}

/** Pairs each unit of `after` with its figures in `before` (preview vs. saved policy). */
export function compareStandings(before: readonly UnitStanding[], after: readonly UnitStanding[]): StandingChange[] {
  const old = new Map(before.map((standing) => [standing.unitCode, standing]));
  return after.map((standing) => {
    const previous = old.get(standing.unitCode);
    const rankChange = previous?.rank != null && standing.rank != null ? previous.rank - standing.rank : null;
    const scoreChange = previous?.score != null && standing.score != null ? Math.round((standing.score - previous.score) * 1e6) / 1e6 : null;
    return {
      unitCode: standing.unitCode,
      unitName: standing.unitName ?? standing.unitCode,
      before: { rank: previous?.rank ?? null, score: previous?.score ?? null, tier: previous?.tierLabel ?? previous?.tier ?? null },
      after: { rank: standing.rank, score: standing.score, tier: standing.tierLabel ?? standing.tier },
      rankChange,
      scoreChange,
    };
  });
}
