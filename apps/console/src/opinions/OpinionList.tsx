import CallMergeIcon from '@mui/icons-material/CallMerge';
import { Chip, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DataTable,
  Form,
  List,
  Loading,
  ReferenceField,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { NoCampaign } from '../common/NoCampaign';
import { type PingyiDataProvider } from '../data/data-provider';

// the statuses a reviewer sets; `merged` comes from opening a rectification item with the opinions as its sources
const STATUSES = ['pending', 'verified', 'duplicate', 'notActionable'] as const;
const SHOWN_STATUSES = [...STATUSES, 'merged'] as const;
const REVIEW = `mutation ReviewOpinion($id: ID!, $status: OpinionStatus!) { data: reviewOpinion(id: $id, status: $status) { __typename ... on Opinion { id status } ... on ErrorResult { errorCode message path } } }`;
const OPEN_ITEM = `mutation OpenFromOpinions($input: OpenRectificationItemInput!) { data: openRectificationItem(input: $input) { __typename ... on RectificationItem { id } ... on ErrorResult { errorCode message path } } }`;

interface OpinionRecord {
  id: string;
  unitCode: string;
  evaluatorGroupCode: string;
  text: string;
  receivedOn: string;
  status: string;
  rectificationItemId: string | null;
}

const STATUS_COLORS: Record<string, 'default' | 'success' | 'warning' | 'info' | 'primary'> = { pending: 'warning', verified: 'success', duplicate: 'default', notActionable: 'info', merged: 'primary' };

function StatusChip() {
  const record = useRecordContext<OpinionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" variant="outlined" color={STATUS_COLORS[record.status] ?? 'default'} label={translate(`pingyi.opinions.status.${record.status}`)} />;
}

/** Sets the review status of every selected opinion. */
function BulkReviewButton({ status }: { status: string }) {
  // the list's own unselect: the selection is kept under the list's storeKey, not the resource
  const { selectedIds, onUnselectItems: unselectAll } = useListContext();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    let done = 0;
    try {
      for (const id of selectedIds) {
        await dataProvider.mutate(REVIEW, { id, status });
        done += 1;
      }
      notify('pingyi.opinions.reviewed', { type: 'success', messageArgs: { smart_count: done } });
      unselectAll();
    } catch (error) {
      notify('pingyi.opinions.review_failed', { type: 'error', messageArgs: { done, message: (error as Error).message } });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return <Button label={`pingyi.opinions.mark.${status}`} disabled={busy} onClick={() => void run()} />;
}

/** 合并立项: opens one rectification item whose sources are the selected opinions. */
function MergeIntoProblemButton({ campaignId }: { campaignId: string }) {
  const { selectedIds, data, onUnselectItems: unselectAll } = useListContext<OpinionRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const selected = (data ?? []).filter((opinion) => selectedIds.includes(opinion.id));
  const units = [...new Set(selected.map((opinion) => opinion.unitCode))];
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    const item = await dataProvider.mutate<{ id: string }>(OPEN_ITEM, {
      input: { campaignId, title: values.title, unitCode: values.unitCode, description: values.description || null, sources: selectedIds.map((id) => ({ type: 'opinion', id: String(id) })) },
    });
    notify('pingyi.opinions.merged', { type: 'success', messageArgs: { smart_count: selectedIds.length } });
    unselectAll();
    setOpen(false);
    navigate(`/rectificationItems/${item.id}/show`);
  });
  return (
    <>
      <Button label="pingyi.opinions.merge" startIcon={<CallMergeIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <Form record={{ unitCode: units.length === 1 ? units[0] : undefined, description: selected.map((o) => `· ${o.text}`).join('\n') }} onSubmit={onSubmit} resource="rectificationItems">
          <DialogTitle>{translate('pingyi.opinions.merge_title', { smart_count: selectedIds.length })}</DialogTitle>
          <DialogContent>
            <ServerErrorAlert error={error} />
            <TextInput source="title" validate={required()} />
            <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
              <SelectInput optionText="name" validate={required()} />
            </ReferenceInput>
            <TextInput source="description" multiline minRows={5} />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="pingyi.rectification.open" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

function BulkActions({ campaignId }: { campaignId: string }) {
  const { canAccess: canReview } = useCanAccess({ resource: 'opinions', action: 'review' });
  const { canAccess: canOpen } = useCanAccess({ resource: 'rectificationItems', action: 'create' });
  return (
    <>
      {canReview && STATUSES.filter((s) => s !== 'pending').map((status) => <BulkReviewButton key={status} status={status} />)}
      {canOpen && <MergeIntoProblemButton campaignId={campaignId} />}
    </>
  );
}

const filters = [
  <SelectInput key="status" source="status" choices={SHOWN_STATUSES.map((id) => ({ id, name: `pingyi.opinions.status.${id}` }))} alwaysOn />,
  <ReferenceInput key="unitCode" source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

/** The opinion review queue: filter, select, mark in bulk, or merge into one rectification item. */
export function OpinionList() {
  const { campaign, isPending } = useCurrentCampaign();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List filter={{ campaignId: campaign.id }} filters={filters} filterDefaultValues={{ status: 'pending' }} sort={{ field: 'receivedOn', order: 'DESC' }} storeKey={`opinions.${campaign.id}`} exporter={false} perPage={50}>
      <DataTable bulkActionButtons={<BulkActions campaignId={campaign.id} />} rowClick="toggleSelection">
        <DataTable.Col source="receivedOn" />
        <DataTable.Col source="unitCode">
          <ReferenceField source="unitCode" reference="units" link={false} />
        </DataTable.Col>
        <DataTable.Col source="text" disableSort render={(record: OpinionRecord) => <Typography variant="body2">{record.text}</Typography>} />
        <DataTable.Col source="status" render={() => <StatusChip />} />
        <DataTable.Col source="rectificationItemId" disableSort>
          <ReferenceField source="rectificationItemId" reference="rectificationItems" link="show" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
