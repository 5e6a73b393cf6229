import EditIcon from '@mui/icons-material/Edit';
import SendIcon from '@mui/icons-material/Send';
import { Box, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  Create,
  CreateButton,
  DataTable,
  DateField,
  DeleteButton,
  Form,
  List,
  Loading,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { NoCampaign } from '../common/NoCampaign';
import { type PingyiDataProvider } from '../data/data-provider';
import { ServerErrorReset } from '../common/ServerErrorReset';
import { PhaseGate } from '../phase-gate';
import { SEND_BULLETIN } from './bulletins.queries';

interface BulletinRecord {
  id: string;
  title: string;
  body: string;
  recipient: string;
  status: 'draft' | 'sent';
  createdBy: string;
  sentAt: string | null;
  sentBy: string | null;
}

function StatusChip() {
  const record = useRecordContext<BulletinRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.status === 'sent' ? 'success' : 'default'}
      variant="outlined"
      label={translate(`pingyi.bulletins.status.${record.status}`)}
    />
  );
}

/** Edits a draft in a dialog (the server has no single-bulletin query, the list row is the record). */
function EditDraftButton() {
  const record = useRecordContext<BulletinRecord>();
  const [open, setOpen] = useState(false);
  const [update] = useUpdate<BulletinRecord>();
  const translate = useTranslate();
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    if (!record) return;
    await update('bulletins', { id: record.id, data: values, previousData: record }, {
      mutationMode: 'pessimistic',
      returnPromise: true,
    } as never);
    setOpen(false);
  });
  if (!record || record.status !== 'draft') return null;
  return (
    <>
      <Button label="ra.action.edit" startIcon={<EditIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <Form record={record} onSubmit={onSubmit} resource="bulletins">
          <DialogTitle>{translate('pingyi.bulletins.edit')}</DialogTitle>
          <DialogContent>
            <ServerErrorAlert error={error} />
            <TextInput source="title" validate={required()} />
            <TextInput source="recipient" />
            <TextInput source="body" multiline minRows={8} validate={required()} />
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

function SendButton() {
  const record = useRecordContext<BulletinRecord>();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  if (!record || record.status !== 'draft') return null;
  return (
    <>
      <PhaseGate action="publishBulletin">
        <Button
          label="pingyi.bulletins.send"
          startIcon={<SendIcon />}
          variant="contained"
          onClick={() => setConfirming(true)}
        />
      </PhaseGate>
      <Confirm
        isOpen={confirming}
        title="pingyi.bulletins.send_title"
        content="pingyi.bulletins.send_content"
        translateOptions={{ recipient: record.recipient }}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          try {
            await dataProvider.mutate(SEND_BULLETIN, { id: record.id });
            notify('pingyi.bulletins.sent', { type: 'success' });
            refresh();
          } catch (error) {
            notify((error as Error).message, { type: 'error' });
          }
        }}
      />
    </>
  );
}

function BulletinBody() {
  const record = useRecordContext<BulletinRecord>();
  const translate = useTranslate();
  const { canAccess: canWrite } = useCanAccess({ resource: 'bulletins', action: 'edit' });
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('pingyi.bulletins.to', { recipient: record.recipient })}
        {record.sentAt
          ? ` · ${translate('pingyi.bulletins.sent_by', { by: record.sentBy ?? '', at: new Date(record.sentAt).toLocaleString() })}`
          : ''}
      </Typography>
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', my: 1 }}>
        {record.body}
      </Typography>
      {canWrite && (
        <Stack direction="row" spacing={1}>
          <SendButton />
          <EditDraftButton />
          {record.status === 'draft' && <DeleteButton mutationMode="pessimistic" redirect={false} />}
        </Stack>
      )}
    </Box>
  );
}

/** Bulletins (工作信息) to the city appraisal office: drafts and sent ones. */
export function BulletinList() {
  const { campaign, isPending } = useCurrentCampaign();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List
      filter={{ campaignId: campaign.id }}
      filters={[
        <SelectInput
          key="status"
          source="status"
          choices={['draft', 'sent'].map((id) => ({ id, name: `pingyi.bulletins.status.${id}` }))}
          alwaysOn
        />,
      ]}
      sort={{ field: 'createdAt', order: 'DESC' }}
      storeKey={`bulletins.${campaign.id}`}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable expand={<BulletinBody />} rowClick="expand" bulkActionButtons={false}>
        <DataTable.Col source="title" />
        <DataTable.Col source="status" disableSort render={() => <StatusChip />} />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="createdBy" disableSort />
        <DataTable.Col source="sentAt">
          <DateField source="sentAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

/** Writes a bulletin as a draft; it is sent from the list. */
export function BulletinCreate() {
  const { campaign } = useCurrentCampaign();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="list" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <SimpleForm sx={{ maxWidth: 900 }}>
        <ServerErrorReset />
        <TextInput source="title" validate={required()} />
        <TextInput source="recipient" helperText="resources.bulletins.help.recipient" />
        <TextInput source="body" multiline minRows={10} validate={required()} />
      </SimpleForm>
    </Create>
  );
}
