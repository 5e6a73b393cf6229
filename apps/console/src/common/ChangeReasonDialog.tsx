import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';

/**
 * Confirms a change that alters what is already decided (the scoring rule
 * after appraisal opened, the voting window after it closed): shows its
 * effect (`children`) and asks for a reason, kept in the audit log.
 */
export function ChangeReasonDialog({
  open,
  title,
  warning,
  children,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  warning: string;
  children?: ReactNode;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const blank = reason.trim() === '';
  return (
    <Dialog open={open} onClose={onCancel} fullWidth maxWidth="lg" data-testid="change-reason-dialog">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="warning.main" sx={{ mb: 2 }}>
          {translate(warning)}
        </Typography>
        {children}
        <TextField
          label={translate('pingyi.change_reason.reason')}
          helperText={translate('pingyi.change_reason.reason_help')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          required
          slotProps={{ htmlInput: { maxLength: 500, name: 'reason' } }}
          sx={{ mt: 2 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="warning" disabled={blank} onClick={() => onConfirm(reason.trim())}>
          {translate('pingyi.change_reason.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
