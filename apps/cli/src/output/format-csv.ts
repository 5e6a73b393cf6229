import { fixed, rateLevels, type StandingsOutput } from './standings-output.js';

/** RFC 4180 quoting, only where needed. */
const quote = (field: string): string => (/[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * A header row, then one row per standing: unit, ballots, counted, valid,
 * score, rank, tier, one `rate_<level>` column per counted level, and with
 * `explain` the explanation text in Chinese and English. Empty cells for null.
 */
export function formatCsv({ standings, policy, explain }: StandingsOutput): string {
  const levels = rateLevels(policy);
  const header = ['unit', 'ballots', 'counted', 'valid', 'score', 'rank', 'tier', ...levels.map((level) => `rate_${level.code}`)];
  if (explain) header.push('explanation_zh', 'explanation_en');
  const lines = [header.map(quote).join(',')];
  for (const standing of standings) {
    const fields = [
      standing.unit,
      String(standing.ballots),
      String(standing.counted),
      String(standing.valid),
      standing.explanation.scoreText ?? '',
      standing.rank === null ? '' : String(standing.rank),
      standing.tier ?? '',
      ...levels.map((level) => fixed(standing.rates[level.code] ?? 0, policy)),
    ];
    if (explain) fields.push(standing.explanation.text.zh, standing.explanation.text.en);
    lines.push(fields.map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
