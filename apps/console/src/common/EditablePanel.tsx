import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Button, HttpError, SaveButton } from 'react-admin';
import { useServerErrorReset } from './ServerErrorReset';

/**
 * A panel that shows data and, for who may edit it, swaps in an editor
 * (which calls `done` after saving or cancelling).
 */
export function EditablePanel({
  title,
  hint,
  canEdit,
  view,
  editor,
}: {
  title: string;
  hint?: string;
  canEdit: boolean;
  view: ReactNode;
  editor: (done: () => void) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {title}
        </Typography>
        {canEdit && !editing && (
          <Button label="ra.action.edit" onClick={() => setEditing(true)} startIcon={<EditIcon />} />
        )}
      </Stack>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {hint}
        </Typography>
      )}
      {editing ? editor(() => setEditing(false)) : view}
    </Box>
  );
}

/** Save and cancel under an editor form. */
export function EditorToolbar({ onCancel }: { onCancel: () => void }) {
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
      <SaveButton alwaysEnable />
      <Button label="ra.action.cancel" onClick={onCancel} />
    </Stack>
  );
}

/**
 * For a form's `onSubmit`: the form errors of a failed save (shown next to
 * the fields, and as a notification), or rethrows what is not a server error.
 */
export function formErrorsOf(error: unknown): Record<string, unknown> {
  const errors = (error as HttpError | null)?.body?.errors as Record<string, unknown> | undefined;
  if (error instanceof HttpError && errors) return errors;
  throw error;
}

/**
 * A form `onSubmit` around `work`: a server refusal puts its message next to
 * the field it names and, as `error`, in an alert at the top of the form
 * (notifications hide behind dialogs).
 */
export function useServerSubmit<V extends Record<string, unknown>>(work: (values: V) => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (values: V) => {
    setError(null);
    try {
      await work(values);
      return undefined;
    } catch (caught) {
      // the alert shows the message; without `root` react-admin does not notify it a second time
      const { root: _root, ...errors } = formErrorsOf(caught);
      setError(caught instanceof Error ? caught.message : String(caught));
      return errors;
    }
  };
  return { onSubmit, error };
}

/**
 * The server's refusal of a form, above its inputs (inside the form): it
 * goes away when a field changes, and the refusal never locks the form
 * (see {@link useServerErrorReset}).
 */
export function ServerErrorAlert({ error }: { error: string | null }) {
  const [hidden, setHidden] = useState<string | null>(null);
  const hide = useCallback(() => setHidden(error), [error]);
  useServerErrorReset(hide);
  // a new refusal (the same words after another save too) shows again
  useEffect(() => setHidden(null), [error]);
  if (!error || hidden === error) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }} data-testid="server-error">
      {error}
    </Alert>
  );
}
