import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { unitNameOf, useUnitNames } from '../common/unit-names';
import { type HistoryEntry } from './rectification.queries';

const SHOWN_DETAILS = [
  'plan',
  'owner',
  'deadline',
  'progress',
  'publicResponse',
  'note',
  'reason',
  'supervisingLeader',
  'reportingIntervalDays',
  'lookBackDue',
] as const;

/** Every step of an item, oldest first: who, when, what changed and what they wrote. */
export function HistoryTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const translate = useTranslate();
  const unitNames = useUnitNames();
  return (
    <Box
      component="ol"
      sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: '2px solid', borderColor: 'divider', ml: 1 }}
      data-testid="history"
    >
      {history.map((entry) => (
        <Box component="li" key={entry.id} sx={{ position: 'relative', pl: 3, pb: 2 }}>
          <Box
            sx={{
              position: 'absolute',
              left: -7,
              top: 5,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: 'primary.main',
            }}
          />
          <Typography variant="subtitle2">
            {translate(`pingyi.rectification.events.${entry.event}`, { _: entry.event })}
            {entry.fromState !== entry.toState && (
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                {entry.fromState ? translate(`pingyi.rectification.states.${entry.fromState}`) : ''} →{' '}
                {translate(`pingyi.rectification.states.${entry.toState}`)}
              </Typography>
            )}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {entry.date} · {entry.actorUsername ?? '—'}
            {entry.actorUnitCode ? ` (${unitNameOf(unitNames, entry.actorUnitCode)})` : ''} ·{' '}
            {translate(`pingyi.roles.${entry.role}`, { _: entry.role })}
          </Typography>
          {SHOWN_DETAILS.filter(
            (key) => entry.details[key] !== null && entry.details[key] !== undefined && entry.details[key] !== '',
          ).map((key) => (
            <Typography key={key} variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              <Typography component="span" variant="body2" color="text.secondary">
                {translate(`pingyi.rectification.fields.${key}`)}：
              </Typography>
              {String(entry.details[key])}
              {key === 'deadline' && entry.details.previousDeadline
                ? ` (${translate('pingyi.rectification.was', { date: String(entry.details.previousDeadline) })})`
                : ''}
            </Typography>
          ))}
        </Box>
      ))}
    </Box>
  );
}
