import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { type SessionUser } from '../auth/session';

/** The roles of the user in context as small chips. */
export function RoleChips() {
  const record = useRecordContext<SessionUser>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
      {record.roles.map((role) => (
        <Chip key={role} size="small" label={translate(`pingyi.roles.${role}`)} />
      ))}
    </Stack>
  );
}

/** "Active" or "Inactive" as a coloured chip. */
export function ActiveChip() {
  const record = useRecordContext<{ active: boolean }>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={record.active ? 'success' : 'default'}
      label={translate(record.active ? 'pingyi.common.active' : 'pingyi.common.inactive')}
    />
  );
}
