import FlagIcon from '@mui/icons-material/Flag';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { STATE_COLORS } from './rectification-events';

/** The fields of a rectification item the list and detail pages show. */
export interface RectificationItemRecord {
  id: string;
  campaignId: string;
  title: string;
  description: string;
  unitCode: string;
  state: string;
  deadline: string | null;
  overdue: boolean;
  dueSoon: boolean;
  owner: string | null;
  plan: string | null;
  progress: number | null;
  publicResponse: string | null;
  source: string | null;
  supervised: boolean;
  supervisingLeader: string | null;
  supervisedSince: string | null;
  supervisionReportDue: string | null;
  reportingIntervalDays: number | null;
  lookBackDue: string | null;
  lookBacks: number;
  rebounds: number;
  closedOn: string | null;
  openedOn: string;
  parentId: string | null;
  allowedEvents: string[];
  version: number;
}

export function StateChip({ state }: { state: string }) {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={STATE_COLORS[state] ?? 'default'}
      variant={state === 'accepted' ? 'filled' : 'outlined'}
      label={translate(`pingyi.rectification.states.${state}`, { _: state })}
    />
  );
}

/** The state of the item in context, with a flag when under listed supervision (挂牌督办). */
export function StateField() {
  const record = useRecordContext<RectificationItemRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <StateChip state={record.state} />
      {record.supervised && (
        <Tooltip title={translate('pingyi.rectification.supervised_by', { leader: record.supervisingLeader ?? '' })}>
          <FlagIcon fontSize="small" color="error" aria-label={translate('pingyi.rectification.supervised')} />
        </Tooltip>
      )}
    </Stack>
  );
}

/** The deadline, red when overdue and amber when due within days. */
export function DeadlineField() {
  const record = useRecordContext<RectificationItemRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.deadline)
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Typography
        variant="body2"
        sx={{
          color: record.overdue ? 'error.main' : record.dueSoon ? 'warning.dark' : undefined,
          fontWeight: record.overdue ? 600 : 400,
        }}
      >
        {record.deadline}
      </Typography>
      {record.overdue && <Chip size="small" color="error" label={translate('pingyi.rectification.overdue')} />}
      {record.dueSoon && (
        <Chip size="small" color="warning" variant="outlined" label={translate('pingyi.rectification.due_soon')} />
      )}
    </Stack>
  );
}
