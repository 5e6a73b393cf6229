import { Box, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatScore } from '../common/score';

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** Shown at the end of the bar (tier). */
  note?: string | null;
  highlight?: boolean;
}

const ROW = 26;
const LABEL = 150;
const VALUE = 130;
const AXIS = 24;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Horizontal bars of scores, one row per unit, in the given order, on an
 * axis from 0 to the strategy's maximum (or the top score). Plain SVG: no
 * chart library in the bundle, and it scales to hundreds of units. Each bar
 * is a button: Enter or Space opens the unit, as a click does.
 */
export default function ScoreBarChart({
  bars,
  max,
  decimals,
  onSelect,
}: {
  bars: readonly Bar[];
  max?: number | null;
  decimals: number;
  onSelect?: (key: string) => void;
}) {
  const theme = useTheme();
  const translate = useTranslate();
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value ?? 0), 1);
  const width = 780;
  const plot = width - LABEL - VALUE;
  const height = bars.length * ROW + 8 + AXIS;
  const axisY = bars.length * ROW + 6;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg
        role="group"
        aria-label={translate('pingyi.results.chart_label')}
        width="100%"
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: width, fontFamily: 'inherit' }}
        data-testid="score-chart"
      >
        {TICKS.map((f) => (
          <g key={f} data-testid="score-axis-tick">
            <line
              x1={LABEL + plot * f}
              x2={LABEL + plot * f}
              y1={0}
              y2={axisY}
              stroke={theme.palette.divider}
              strokeDasharray={f === 0 ? undefined : '3 3'}
            />
            <text
              x={LABEL + plot * f}
              y={axisY + 14}
              textAnchor="middle"
              fontSize={11}
              fill={theme.palette.text.secondary}
            >
              {Number((top * f).toFixed(2))}
            </text>
          </g>
        ))}
        <line x1={LABEL} x2={LABEL + plot} y1={axisY} y2={axisY} stroke={theme.palette.text.secondary} />
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const w = bar.value === null ? 0 : Math.max(1, (plot * bar.value) / top);
          const shown = formatScore(bar.value, decimals);
          const name = `${bar.label}: ${shown}${bar.note ? ` · ${bar.note}` : ''}`;
          return (
            <g
              key={bar.key}
              data-testid={`score-bar-${bar.key}`}
              data-width={w}
              role={onSelect ? 'button' : 'img'}
              tabIndex={onSelect ? 0 : undefined}
              aria-label={name}
              onClick={() => onSelect?.(bar.key)}
              onKeyDown={(event) => {
                if (onSelect && (event.key === 'Enter' || event.key === ' ')) {
                  event.preventDefault();
                  onSelect(bar.key);
                }
              }}
              style={{ cursor: onSelect ? 'pointer' : 'default', outlineOffset: 2 }}
            >
              <title>{name}</title>
              <text
                x={LABEL - 8}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize={13}
                fill={theme.palette.text.primary}
              >
                {bar.label.length > 10 ? `${bar.label.slice(0, 10)}…` : bar.label}
              </text>
              <rect
                x={LABEL}
                y={y + 3}
                width={w}
                height={ROW - 8}
                rx={3}
                fill={bar.highlight ? theme.palette.secondary.main : theme.palette.primary.main}
                opacity={bar.value === null ? 0.2 : 0.85}
              />
              <text
                x={LABEL + w + 6}
                y={y + ROW / 2}
                dominantBaseline="middle"
                fontSize={12}
                fill={theme.palette.text.primary}
              >
                {shown}
                {bar.note ? ` · ${bar.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
