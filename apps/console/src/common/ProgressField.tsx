import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatPercent, percentOfShare } from './percent';

/**
 * A rate as a bar with its figure; green when complete. Give `value` for a
 * percentage (0–100) or `share` for a share from 0 to 1 (the rectification rate),
 * and `label` to name it for screen readers (what it measures).
 */
export function ProgressBar({
  value,
  share,
  width = 140,
  label,
}: {
  value?: number | null;
  share?: number | null;
  width?: number | string;
  label?: string;
}) {
  const shown = share !== undefined ? percentOfShare(share) : (value ?? null);
  const percent = Math.max(0, Math.min(100, shown ?? 0));
  const text = formatPercent(shown, share !== undefined ? 2 : 0);
  // one meter for assistive technology, named by `label` (else its figure); the bar inside is only drawn
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'center', gap: 1, width }}
      role="meter"
      aria-label={label ?? text}
      aria-valuetext={text}
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
    >
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent >= 100 ? 'success' : 'primary'}
        sx={{ flex: 1, height: 8, borderRadius: 4 }}
        aria-hidden
      />
      <Typography variant="caption" sx={{ minWidth: 36, textAlign: 'right', whiteSpace: 'nowrap' }} aria-hidden>
        {text}
      </Typography>
    </Box>
  );
}

/** The record's `source` percentage as a bar (for lists). */
export function ProgressField({ source }: { source: string }) {
  const record = useRecordContext();
  if (!record) return null;
  return <ProgressBar value={record[source] as number | null} />;
}
