import { displayWidth, pad } from './display-width.js';
import { fixed, rateLevels, showsSeries, type StandingsOutput } from './standings-output.js';

interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  readonly cells: readonly string[];
}

const NONE = '—';

/**
 * A table for people: rank, (series,) unit, score, (overall rank,) tier label, ballots, counted and one
 * rate column per counted level headed by its Chinese label; columns aligned
 * with CJK characters counted as two columns wide. With `explain`, each
 * unit's explanation follows the table.
 */
export function formatTable({ standings, policy, explain }: StandingsOutput): string {
  const tierLabel = new Map([...policy.tiers, ...(policy.rankTiers ?? [])].map((tier) => [tier.code, tier.label]));
  const series = showsSeries({ standings, policy });
  const levels = rateLevels(policy);
  const column = (header: string, align: Column['align'], cell: (index: number) => string): Column => ({
    header,
    align,
    cells: standings.map((_, i) => cell(i)),
  });
  const at = (i: number) => standings[i] as (typeof standings)[number];
  const columns: Column[] = [
    column('排名', 'right', (i) => (at(i).rank === null ? NONE : String(at(i).rank))),
    ...(series ? [column('序列', 'left', (i) => at(i).series ?? NONE)] : []),
    column('单位', 'left', (i) => at(i).unit),
    column('得分', 'right', (i) => at(i).explanation.scoreText ?? NONE),
    ...(series
      ? [column('总排名', 'right', (i) => (at(i).overallRank === null ? NONE : String(at(i).overallRank)))]
      : []),
    column('等次', 'left', (i) =>
      at(i).tier === null ? NONE : (tierLabel.get(at(i).tier as string) ?? (at(i).tier as string)),
    ),
    column('总票', 'right', (i) => String(at(i).ballots)),
    column('有效票', 'right', (i) => String(at(i).counted)),
    ...levels.map((level) => column(`${level.label}%`, 'right', (i) => fixed(at(i).rates[level.code] ?? 0, policy))),
  ];
  const widths = columns.map((col) => Math.max(...[col.header, ...col.cells].map(displayWidth)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => pad(cell, widths[c] as number, (columns[c] as Column).align))
      .join('  ')
      .trimEnd();

  const invalid = standings.filter((standing) => !standing.valid).length;
  const title = `评分规则 ${policy.strategy.code} · 四舍五入保留 ${policy.decimals} 位小数 · ${standings.length} 个单位${invalid ? `（${invalid} 个不计分）` : ''}`;
  const out = [title, '', line(columns.map((col) => col.header)), line(widths.map((width) => '-'.repeat(width)))];
  standings.forEach((_, i) => out.push(line(columns.map((col) => col.cells[i] as string))));
  if (explain) {
    out.push('');
    for (const standing of standings) out.push(standing.explanation.text.zh, standing.explanation.text.en, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
