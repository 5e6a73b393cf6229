import { Box, Typography } from '@mui/material';
import { type TranslateFunction, useTranslate } from 'react-admin';

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

// the fields an office worker changes, named as on their forms
const NAMED: Record<string, string> = {
  'policy.strategy.code': 'pingyi.policy.strategy',
  'policy.decimals': 'pingyi.policy.decimals',
  'policy.minCounted': 'pingyi.policy.minCounted',
  'policy.unknownInDenominator': 'resources.campaigns.fields.unknownInDenominator',
  name: 'resources.campaigns.fields.name',
  year: 'resources.campaigns.fields.year',
  timeZone: 'resources.campaigns.fields.timeZone',
  'paperBatch.state': 'pingyi.paper.state',
};

// fields whose values are codes with a name of their own
const VALUE_NAMES: Record<string, string> = { 'paperBatch.state': 'pingyi.paper.states' };

/** "接受评议结束日期", "评分规则": a changed field in the user's language (other paths as they are). */
export function changeLabel(field: string, translate: TranslateFunction): string {
  const named = NAMED[field];
  if (named) return translate(named);
  const phase = /^phases\.([^.]+)\.(start|end)$/.exec(field);
  if (phase)
    return translate(`pingyi.audit_change.${phase[2]}`, {
      phase: translate(`pingyi.phases.${phase[1]}`, { _: phase[1] }),
    });
  const arg = /^policy\.strategy\.args\.(.+)$/.exec(field);
  if (arg) return translate('pingyi.audit_change.strategy_arg', { name: arg[1] });
  return field;
}

/** An audit entry's changes, one line each (field: before → after), and the reason given. */
export function AuditChanges({ changes, reason }: { changes: readonly AuditChange[]; reason: string | null }) {
  const translate = useTranslate();
  if (!changes.length && !reason) return null;
  const value = (field: string, text: string | null) => {
    if (text === null) return translate('pingyi.audit_change.none');
    const names = VALUE_NAMES[field];
    return names ? translate(`${names}.${text}`, { _: text }) : text;
  };
  return (
    <Box data-testid="audit-changes" sx={{ mb: 1 }}>
      {reason && (
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {translate('pingyi.audit_change.reason', { reason })}
        </Typography>
      )}
      {changes.length > 0 && (
        <>
          <Typography variant="caption" color="text.secondary">
            {translate('pingyi.audit_change.title')}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {changes.map((change) => (
              <Typography component="li" variant="body2" key={change.field}>
                {translate('pingyi.audit_change.line', {
                  field: changeLabel(change.field, translate),
                  before: value(change.field, change.before),
                  after: value(change.field, change.after),
                })}
              </Typography>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
