import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatPercent, percentOfShare } from './percent';

/**
 * A rate as a bar with its figure; green when complete. Give `value` for a
 * percentage (0–100) or `share` for a share from 0 to 1 (the rectification rate).
 */
export function ProgressBar({ value, share, width = 140 }: { value?: number | null; share?: number | null; width?: number | string }) {
  const shown = share !== undefined ? percentOfShare(share) : (value ?? null);
  const percent = Math.max(0, Math.min(100, shown ?? 0));
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width }} role="meter" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
      <LinearProgress variant="determinate" value={percent} color={percent >= 100 ? 'success' : 'primary'} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
      <Typography variant="caption" sx={{ minWidth: 36, textAlign: 'right', whiteSpace: 'nowrap' }}>
        {formatPercent(shown, share !== undefined ? 2 : 0)}
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
