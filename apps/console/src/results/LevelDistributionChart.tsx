import { Box, MenuItem, Stack, TextField, Typography, useTheme } from '@mui/material';
import { useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { formatPercent } from '../common/percent';
import { useGraphqlQuery } from '../data/use-graphql';
import { BREAKDOWN } from './results.queries';

const ROW = 28;
const LABEL = 150;
const WIDTH = 780;
const PLOT = WIDTH - LABEL - 20;
// from the best level to the worst, each with the text colour readable on it (4.5:1); a level without points (不了解) is grey
const COLORS: readonly { fill: string; darkText: boolean }[] = [
  { fill: '#1b5e20', darkText: false },
  { fill: '#4caf50', darkText: true },
  { fill: '#f9a825', darkText: true },
  { fill: '#bf360c', darkText: false },
  { fill: '#7f0000', darkText: false },
  { fill: '#00838f', darkText: false },
];
const NO_POINTS = { fill: '#9e9e9e', darkText: true };
const ALL = '__all';

/** The fill of each level and whether its text is dark (readable on it). */
export function levelColors(levels: readonly { points: number | null }[]): { fill: string; darkText: boolean }[] {
  let scored = 0;
  return levels.map((level) => (level.points === null ? NO_POINTS : (COLORS[scored++ % COLORS.length] ?? NO_POINTS)));
}

/**
 * Each unit's ratings by level as one stacked bar (shares of its ratings), for
 * all evaluator groups or one: groups under the small-cell threshold are
 * withheld by the server and said so. Plain SVG, like the score chart.
 */
export function LevelDistributionChart({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const theme = useTheme();
  const [group, setGroup] = useState(ALL);
  const { data, isPending } = useGraphqlQuery(['breakdown', campaignId, null], BREAKDOWN, {
    campaignId,
    unitCode: null,
  });
  if (isPending) return <Loading />;
  const breakdown = data?.breakdown;
  if (!breakdown?.units.length)
    return <Typography color="text.secondary">{translate('pingyi.results.no_breakdown_any')}</Typography>;
  const groups = breakdown.units[0]?.groups.map(({ groupCode, groupLabel }) => ({ groupCode, groupLabel })) ?? [];
  const colors = levelColors(breakdown.levels);
  const rows = breakdown.units.map((unit) => {
    const cell =
      group === ALL
        ? { counts: unit.counts, suppressed: false, suppression: null }
        : unit.groups.find((g) => g.groupCode === group);
    return {
      unit,
      counts: cell?.counts ?? null,
      suppression: cell?.suppressed ? (cell.suppression ?? 'smallCell') : null,
    };
  });
  const height = rows.length * ROW + 8;
  return (
    <Box data-testid="level-distribution">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          select
          size="small"
          label={translate('pingyi.results.group')}
          value={group}
          onChange={(event) => setGroup(event.target.value)}
          sx={{ minWidth: 220 }}
          fullWidth={false}
        >
          <MenuItem value={ALL}>{translate('pingyi.results.all_groups')}</MenuItem>
          {groups.map((g) => (
            <MenuItem key={g.groupCode} value={g.groupCode}>
              {g.groupLabel}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 0.5 }} data-testid="level-legend">
          {breakdown.levels.map((level, i) => (
            <Stack key={level.code} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
              <Box sx={{ width: 14, height: 14, borderRadius: 0.5, bgcolor: colors[i]?.fill }} />
              <Typography variant="body2">{level.label}</Typography>
            </Stack>
          ))}
        </Stack>
      </Stack>
      <Box sx={{ overflowX: 'auto' }}>
        <svg
          role="list"
          aria-label={translate('pingyi.results.distribution_label')}
          width="100%"
          viewBox={`0 0 ${WIDTH} ${height}`}
          style={{ maxWidth: WIDTH, fontFamily: 'inherit' }}
        >
          {rows.map(({ unit, counts, suppression }, i) => {
            const y = i * ROW + 4;
            const total = (counts ?? []).reduce((sum, n) => sum + n, 0);
            const name = unit.unitName ?? unit.unitCode;
            const described = !counts
              ? translate(
                  suppression === 'complementary'
                    ? 'pingyi.results.suppressed_complementary'
                    : 'pingyi.results.suppressed',
                  { k: breakdown.smallCellK },
                )
              : total === 0
                ? translate('pingyi.results.no_breakdown')
                : breakdown.levels
                    .map(
                      (level, j) =>
                        `${level.label} ${counts[j] ?? 0} (${formatPercent(((counts[j] ?? 0) * 100) / total, 1)})`,
                    )
                    .join(', ');
            let x = LABEL;
            return (
              <g
                key={unit.unitCode}
                role="listitem"
                aria-label={`${name}: ${described}`}
                data-testid={`distribution-${unit.unitCode}`}
              >
                <title>{`${name}: ${described}`}</title>
                <text
                  x={LABEL - 8}
                  y={y + ROW / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize={13}
                  fill={theme.palette.text.primary}
                >
                  {name.length > 10 ? `${name.slice(0, 10)}…` : name}
                </text>
                {!counts || total === 0 ? (
                  <text
                    x={LABEL + 4}
                    y={y + ROW / 2}
                    dominantBaseline="middle"
                    fontSize={12}
                    fontStyle="italic"
                    fill={theme.palette.text.secondary}
                  >
                    {described}
                  </text>
                ) : (
                  counts.map((count, j) => {
                    const w = (PLOT * count) / total;
                    const start = x;
                    x += w;
                    if (count === 0) return null;
                    const color = colors[j] ?? NO_POINTS;
                    return (
                      <g
                        key={j}
                        data-testid="distribution-segment"
                        data-level={breakdown.levels[j]?.code}
                        data-count={count}
                      >
                        <rect x={start} y={y + 3} width={w} height={ROW - 8} fill={color.fill} />
                        {w >= 34 && (
                          <text
                            x={start + w / 2}
                            y={y + ROW / 2}
                            textAnchor="middle"
                            dominantBaseline="middle"
                            fontSize={11}
                            fill={color.darkText ? '#000' : '#fff'}
                          >
                            {formatPercent((count * 100) / total, 0)}
                          </text>
                        )}
                      </g>
                    );
                  })
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('pingyi.results.small_cells_note', { k: breakdown.smallCellK })}
      </Typography>
    </Box>
  );
}
