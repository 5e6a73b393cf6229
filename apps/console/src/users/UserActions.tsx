import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import KeyIcon from '@mui/icons-material/Key';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  HttpError,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { RESET, SET_ACTIVE } from './users.queries';

interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
}

/** Deactivate (signs the user out everywhere) or activate again. */
export function ToggleActiveButton() {
  const record = useRecordContext<UserRecord>();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const toggle = async () => {
    setBusy(true);
    try {
      await dataProvider.mutate(SET_ACTIVE, { id: record.id, active: !record.active });
      notify(record.active ? 'resources.users.actions.deactivated' : 'resources.users.actions.activated', {
        type: 'success',
      });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label={record.active ? 'resources.users.actions.deactivate' : 'resources.users.actions.activate'}
      onClick={toggle}
      disabled={busy}
      color={record.active ? 'warning' : 'success'}
    >
      {record.active ? <BlockIcon /> : <CheckCircleIcon />}
    </Button>
  );
}

/** Sets a new password for the user (who is signed out everywhere). */
export function ResetPasswordButton() {
  const record = useRecordContext<UserRecord>();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const submit = async (values: { password?: string }) => {
    try {
      await dataProvider.mutate(RESET, { id: record.id, password: values.password ?? '' });
    } catch (error) {
      if (error instanceof HttpError) return { password: error.message };
      throw error;
    }
    notify('resources.users.actions.reset_done', { type: 'success' });
    setOpen(false);
    return undefined;
  };
  return (
    <>
      <Button label="resources.users.actions.reset_password" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <Form onSubmit={submit} record={{}}>
          <DialogTitle>
            {translate('resources.users.actions.reset_password_title', { name: record.displayName || record.username })}
          </DialogTitle>
          <DialogContent>
            <PasswordInput
              source="password"
              label="pingyi.password.new"
              validate={[required(), minLength(12)]}
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
