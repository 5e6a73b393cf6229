import { Box, useTheme } from '@mui/material';

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
const VALUE = 110;

/**
 * Horizontal bars of scores, one row per unit, in the given order. Plain SVG:
 * no chart library in the bundle, and it scales to hundreds of units.
 */
export default function ScoreBarChart({ bars, max, onSelect }: { bars: readonly Bar[]; max?: number | null; onSelect?: (key: string) => void }) {
  const theme = useTheme();
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value ?? 0), 1);
  const width = 760;
  const plot = width - LABEL - VALUE;
  const height = bars.length * ROW + 8;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <svg role="img" aria-label="scores" width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width, fontFamily: 'inherit' }} data-testid="score-chart">
        {[0.25, 0.5, 0.75, 1].map((f) => (
          <line key={f} x1={LABEL + plot * f} x2={LABEL + plot * f} y1={0} y2={height - 4} stroke={theme.palette.divider} strokeDasharray="3 3" />
        ))}
        {bars.map((bar, i) => {
          const y = i * ROW + 4;
          const w = bar.value === null ? 0 : Math.max(1, (plot * bar.value) / top);
          return (
            <g key={bar.key} onClick={() => onSelect?.(bar.key)} style={{ cursor: onSelect ? 'pointer' : 'default' }}>
              <title>{`${bar.label}: ${bar.value ?? '—'}${bar.note ? ` (${bar.note})` : ''}`}</title>
              <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize={13} fill={theme.palette.text.primary}>
                {bar.label.length > 10 ? `${bar.label.slice(0, 10)}…` : bar.label}
              </text>
              <rect x={LABEL} y={y + 3} width={w} height={ROW - 8} rx={3} fill={bar.highlight ? theme.palette.secondary.main : theme.palette.primary.main} opacity={bar.value === null ? 0.2 : 0.85} />
              <text x={LABEL + w + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize={12} fill={theme.palette.text.secondary}>
                {bar.value ?? '—'}
                {bar.note ? ` · ${bar.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
