import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** A percentage as a bar with its figure; green when complete. */
export function ProgressBar({ value, width = 140 }: { value: number | null | undefined; width?: number | string }) {
  const percent = Math.max(0, Math.min(100, value ?? 0));
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width }} role="meter" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
      <LinearProgress variant="determinate" value={percent} color={percent >= 100 ? 'success' : 'primary'} sx={{ flex: 1, height: 8, borderRadius: 4 }} />
      <Typography variant="caption" sx={{ minWidth: 36, textAlign: 'right' }}>
        {value === null || value === undefined ? '—' : `${Math.round(value)}%`}
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
