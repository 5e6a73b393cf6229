import { type ShownStanding, type UnitStanding } from './results.queries';

/** One row of the ranking as shown and exported: figures already rounded by the server. */
export interface RankingRow {
  series: string;
  rank: number | null;
  overallRank: number | null;
  responseRate: number | null;
  consecutiveBottom: boolean;
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
    series: standing.seriesLabel ?? standing.series ?? '',
    rank: standing.rank,
    overallRank: standing.overallRank ?? standing.rank,
    responseRate: standing.responseRate ?? null,
    consecutiveBottom: standing.consecutiveBottom === true,
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

/** Headings of the ranking sheet, in the user's language. */
export interface RankingHeader {
  rank: string;
  unit: string;
  code: string;
  score: string;
  tier: string;
  ballots: string;
  counted: string;
  rate: (label: string) => string;
  /** With series: the series, and the rank column reads as the rank within it. */
  series?: string;
  overallRank?: string;
  responseRate?: string;
  consecutive?: string;
  /** The cell of a unit marked 连续两年. */
  consecutiveMark?: string;
}

/**
 * Header and cells of the ranking for CSV/XLSX: (series,) rank, (overall rank,) unit, code, score,
 * response rate, tier, the consecutive-year mark, ballots, counted, the rate of each level.
 */
export function rankingSheet(
  rows: readonly RankingRow[],
  levels: readonly { level: string; label: string }[],
  header: RankingHeader,
): (string | number | null)[][] {
  const series = header.series !== undefined;
  return [
    [
      ...(series ? [header.series as string] : []),
      header.rank,
      ...(series ? [header.overallRank ?? ''] : []),
      header.unit,
      header.code,
      header.score,
      header.tier,
      header.ballots,
      header.counted,
      ...levels.map((level) => header.rate(level.label)),
      // after the columns the sheet always had, so a template reading them by position keeps working
      ...(header.responseRate !== undefined ? [header.responseRate] : []),
      ...(header.consecutive !== undefined ? [header.consecutive] : []),
    ],
    ...rows.map((row) => [
      ...(series ? [row.series] : []),
      row.rank,
      ...(series ? [row.overallRank] : []),
      row.unitName,
      row.unitCode,
      row.score,
      row.tier,
      row.ballots,
      row.counted,
      ...levels.map((level) => row.rates[level.level] ?? null),
      ...(header.responseRate !== undefined ? [row.responseRate] : []),
      ...(header.consecutive !== undefined
        ? [row.consecutiveBottom ? (header.consecutiveMark ?? header.consecutive) : '']
        : []),
    ]),
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
    const scoreChange =
      previous?.score != null && standing.score != null
        ? Math.round((standing.score - previous.score) * 1e6) / 1e6
        : null;
    return {
      unitCode: standing.unitCode,
      unitName: standing.unitName ?? standing.unitCode,
      before: {
        rank: previous?.rank ?? null,
        score: previous?.score ?? null,
        tier: previous?.tierLabel ?? previous?.tier ?? null,
      },
      after: { rank: standing.rank, score: standing.score, tier: standing.tierLabel ?? standing.tier },
      rankChange,
      scoreChange,
    };
  });
}
