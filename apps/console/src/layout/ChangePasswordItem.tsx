import LockResetIcon from '@mui/icons-material/LockReset';
import { Dialog, DialogActions, DialogContent, DialogTitle, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  HttpError,
  PasswordInput,
  SaveButton,
  useAuthProvider,
  useNotify,
  useTranslate,
  useUserMenu,
  Button,
  required,
  minLength,
} from 'react-admin';
import { type PingyiAuthProvider } from '../auth/auth-provider';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/** "Change password" in the user menu: a dialog; the server's answer shows next to the field at fault. */
export function ChangePasswordItem() {
  const translate = useTranslate();
  const notify = useNotify();
  const auth = useAuthProvider() as PingyiAuthProvider | undefined;
  const userMenu = useUserMenu();
  const [open, setOpen] = useState(false);

  const submit = async (values: Partial<PasswordForm>) => {
    if (values.newPassword !== values.repeat) return { repeat: translate('pingyi.password.mismatch') };
    try {
      await auth?.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
    } catch (error) {
      if (error instanceof HttpError) {
        const code = (error.body as { errorCode?: string } | null)?.errorCode;
        if (code === 'INVALID_CREDENTIALS') return { currentPassword: error.message };
        return { newPassword: error.message };
      }
      throw error;
    }
    notify('pingyi.password.changed', { type: 'success' });
    setOpen(false);
    userMenu?.onClose();
    return undefined;
  };

  return (
    <>
      <MenuItem onClick={() => setOpen(true)}>
        <ListItemIcon>
          <LockResetIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('pingyi.password.change')}</ListItemText>
      </MenuItem>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <Form onSubmit={submit} record={{}}>
          <DialogTitle>{translate('pingyi.password.change')}</DialogTitle>
          <DialogContent>
            <PasswordInput
              source="currentPassword"
              label="pingyi.password.current"
              validate={required()}
              fullWidth
              autoComplete="current-password"
            />
            <PasswordInput
              source="newPassword"
              label="pingyi.password.new"
              validate={[required(), minLength(12)]}
              fullWidth
              autoComplete="new-password"
            />
            <PasswordInput
              source="repeat"
              label="pingyi.password.repeat"
              validate={required()}
              fullWidth
              autoComplete="new-password"
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
