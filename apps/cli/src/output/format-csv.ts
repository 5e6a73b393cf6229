import { writeCsv } from '@pingyi/csv';
import { fixed, rateLevels, showsSeries, type StandingsOutput } from './standings-output.js';

/**
 * A header row, then one row per standing: unit, ballots, counted, valid,
 * score, rank, tier, one `rate_<level>` column per counted level, and with
 * `explain` the explanation text in Chinese and English. Empty cells for null.
 * With series (ranked within series, or a tally naming some), `series` after
 * `unit` and `overall_rank` after `rank`; without, the columns are as before.
 * With `excel`, CRLF line ends and a byte order mark. CONTRACTS.md §3, kept
 * byte for byte: RFC 4180 quoting only where needed (and around white space
 * at either end), cells as they are (no formula neutralising).
 */
export function formatCsv({ standings, policy, explain, excel }: StandingsOutput): string {
  const levels = rateLevels(policy);
  const series = showsSeries({ standings, policy });
  const header = [
    'unit',
    ...(series ? ['series'] : []),
    'ballots',
    'counted',
    'valid',
    'score',
    'rank',
    ...(series ? ['overall_rank'] : []),
    'tier',
    ...levels.map((level) => `rate_${level.code}`),
  ];
  if (explain) header.push('explanation_zh', 'explanation_en');
  const rows: string[][] = [header];
  for (const standing of standings) {
    const fields = [
      standing.unit,
      ...(series ? [standing.series ?? ''] : []),
      String(standing.ballots),
      String(standing.counted),
      String(standing.valid),
      standing.explanation.scoreText ?? '',
      standing.rank === null ? '' : String(standing.rank),
      ...(series ? [standing.overallRank === null ? '' : String(standing.overallRank)] : []),
      standing.tier ?? '',
      ...levels.map((level) => fixed(standing.rates[level.code] ?? 0, policy)),
    ];
    if (explain) fields.push(standing.explanation.text.zh, standing.explanation.text.en);
    rows.push(fields);
  }
  // Excel reads a CSV without a BOM in the system's code page, which garbles 满意
  return writeCsv(rows, {
    bom: excel === true,
    eol: excel ? '\r\n' : '\n',
    neutraliseFormulas: false,
    quoteEdgeSpace: true,
  });
}
