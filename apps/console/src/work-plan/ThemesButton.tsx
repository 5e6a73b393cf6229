import ListAltIcon from '@mui/icons-material/ListAlt';
import { Dialog, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  ArrayInput,
  Button,
  Form,
  NumberInput,
  required,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { EditorToolbar, ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { SET_THEMES, type Theme, THEMES } from './work-plan.queries';

function ThemesEditor({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { data } = useGraphqlQuery(['themes', campaignId], THEMES, { campaignId });
  const save = useGraphqlMutation(SET_THEMES, {
    invalidate: [['themes', campaignId]],
    invalidateResources: ['themes', 'workItems'],
    successMessage: 'pingyi.common.saved',
    notifyErrors: false,
  });
  const { onSubmit, error } = useServerSubmit(async (values: { themes?: Theme[] }) => {
    const themes = (values.themes ?? []).map(({ code, number, title }) => ({ code, number: Number(number), title }));
    await save.mutateAsync({ campaignId, themes });
    onClose();
  });
  if (!data) return null;
  return (
    <Form record={{ themes: data.themes }} onSubmit={onSubmit}>
      <ServerErrorAlert error={error} />
      <ArrayInput source="themes" label="resources.themes.name">
        <SimpleFormIterator inline>
          <NumberInput
            source="number"
            label="resources.themes.fields.number"
            validate={required()}
            fullWidth={false}
            sx={{ width: 90 }}
          />
          <TextInput
            source="code"
            label="resources.themes.fields.code"
            validate={required()}
            fullWidth={false}
            sx={{ width: 160 }}
          />
          <TextInput
            source="title"
            label="resources.themes.fields.title"
            validate={required()}
            fullWidth={false}
            sx={{ width: 460 }}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <EditorToolbar onCancel={onClose} />
    </Form>
  );
}

/** Edits the themes (围绕…着力…) that group the work items, as a whole list. */
export function ThemesButton({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="resources.themes.edit" onClick={() => setOpen(true)} startIcon={<ListAltIcon />} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('resources.themes.edit')}</DialogTitle>
        <DialogContent>{open && <ThemesEditor campaignId={campaignId} onClose={() => setOpen(false)} />}</DialogContent>
      </Dialog>
    </>
  );
}
