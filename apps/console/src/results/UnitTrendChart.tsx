import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatScore } from '../common/score';
import { useGraphqlQuery } from '../data/use-graphql';
import { UNIT_TREND } from './results.queries';

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 44;
const RIGHT = 24;
const TOP = 28;
const BOTTOM = 36;

/**
 * A unit's published score over the bureau's campaigns, oldest first: a line
 * on an axis from 0, and the same figures as a table (scores to each
 * campaign's decimals). Plain SVG, like the other charts.
 */
export function UnitTrendChart({ unitCode, max }: { unitCode: string; max?: number | null }) {
  const translate = useTranslate();
  const theme = useTheme();
  const { data, isPending } = useGraphqlQuery(['unitTrend', unitCode], UNIT_TREND, { unitCode });
  if (isPending) return <Typography color="text.secondary">{translate('pingyi.common.loading')}</Typography>;
  const points = data?.unitTrend.points ?? [];
  if (!points.length) return <Typography color="text.secondary">{translate('pingyi.results.no_trend')}</Typography>;
  const top = Math.max(max ?? 0, ...points.map((p) => p.score ?? 0), 1);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  // the points stay clear of the axis labels: 32 px in from each end
  const xOf = (i: number) =>
    LEFT + 32 + (points.length === 1 ? (plotW - 64) / 2 : ((plotW - 64) * i) / (points.length - 1));
  const yOf = (score: number) => TOP + plotH - (plotH * score) / top;
  const scored = points.map((p, i) => ({ p, i })).filter(({ p }) => p.score !== null);
  const path = scored.map(({ p, i }, n) => `${n ? 'L' : 'M'}${xOf(i)},${yOf(p.score as number)}`).join(' ');
  return (
    <Box data-testid="unit-trend">
      <svg
        role="img"
        aria-label={translate('pingyi.results.trend_label', { n: points.length })}
        width="100%"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        style={{ maxWidth: WIDTH, fontFamily: 'inherit' }}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={yOf(top * f)}
              y2={yOf(top * f)}
              stroke={theme.palette.divider}
              strokeDasharray={f ? '3 3' : undefined}
            />
            <text
              x={LEFT - 6}
              y={yOf(top * f)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={11}
              fill={theme.palette.text.secondary}
            >
              {Number((top * f).toFixed(2))}
            </text>
          </g>
        ))}
        <path d={path} fill="none" stroke={theme.palette.primary.main} strokeWidth={2} />
        {points.map((p, i) => (
          <g key={p.campaignId}>
            {p.score !== null && <circle cx={xOf(i)} cy={yOf(p.score)} r={4} fill={theme.palette.primary.main} />}
            {p.score !== null && (
              <text x={xOf(i)} y={yOf(p.score) - 9} textAnchor="middle" fontSize={11} fill={theme.palette.text.primary}>
                {formatScore(p.score, p.decimals)}
              </text>
            )}
            <text x={xOf(i)} y={HEIGHT - 14} textAnchor="middle" fontSize={12} fill={theme.palette.text.secondary}>
              {p.year}
            </text>
          </g>
        ))}
      </svg>
      <Table size="small" data-testid="unit-trend-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.results.year')}</TableCell>
            <TableCell>{translate('pingyi.results.campaign')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.score')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.rank_of_units')}</TableCell>
            <TableCell>{translate('pingyi.results.tier')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {points.map((p) => (
            <TableRow key={p.campaignId}>
              <TableCell>{p.year}</TableCell>
              <TableCell>{p.campaignName}</TableCell>
              <TableCell align="right">{formatScore(p.score, p.decimals)}</TableCell>
              <TableCell align="right">{p.rank === null ? '—' : `${p.rank} / ${p.unitCount}`}</TableCell>
              <TableCell>{p.tierLabel ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {translate('pingyi.results.trend_note')}
      </Typography>
    </Box>
  );
}
