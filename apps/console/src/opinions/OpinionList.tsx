import CallMergeIcon from '@mui/icons-material/CallMerge';
import { FeedbackLetterButtons } from '../documents/FeedbackLetterButtons';
import { Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  DataTable,
  DateInput,
  ExportButton,
  Form,
  List,
  Loading,
  ReferenceField,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { NoCampaign } from '../common/NoCampaign';
import { type PingyiDataProvider } from '../data/data-provider';
import { OpenToday, PhaseGate } from '../phase-gate';
import { useGraphqlQuery } from '../data/use-graphql';
import { listExporter } from '../export/list-exporter';
import { BulkReviewButton } from './BulkReviewButton';
import { OPINION_EXPORT_REFERENCES, opinionExportColumns } from './opinion-export';
import { OpinionTagsButton } from './OpinionTagsButton';
import {
  OPEN_ITEM_FROM_OPINIONS,
  OPINION_TAGS,
  type OpinionRecord,
  REVIEW_STATUSES,
  SHOWN_STATUSES,
} from './opinions.queries';

const STATUS_COLORS: Record<string, 'default' | 'success' | 'warning' | 'info' | 'primary'> = {
  pending: 'warning',
  verified: 'success',
  duplicate: 'default',
  notActionable: 'info',
  merged: 'primary',
};

function StatusChip() {
  const record = useRecordContext<OpinionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLORS[record.status] ?? 'default'}
      label={translate(`pingyi.opinions.status.${record.status}`)}
    />
  );
}

function TagChips() {
  const record = useRecordContext<OpinionRecord>();
  if (!record?.tags?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }} data-testid="opinion-tags">
      {record.tags.map((tag) => (
        <Chip key={tag} size="small" label={tag} />
      ))}
    </Stack>
  );
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
    const item = await dataProvider.mutate(OPEN_ITEM_FROM_OPINIONS, {
      input: {
        campaignId,
        title: values.title as string,
        unitCode: values.unitCode as string,
        description: (values.description as string) || null,
        deadline: (values.deadline as string) || null,
        sources: selectedIds.map((id) => ({ type: 'opinion' as const, id: String(id) })),
      },
    });
    notify('pingyi.opinions.merged', { type: 'success', messageArgs: { smart_count: selectedIds.length } });
    unselectAll();
    setOpen(false);
    navigate(`/rectificationItems/${item.id}/show`);
  });
  return (
    <>
      <PhaseGate action="openRectificationItem">
        <Button label="pingyi.opinions.merge" startIcon={<CallMergeIcon />} onClick={() => setOpen(true)} />
      </PhaseGate>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" aria-labelledby="opinion-merge-title">
        <Form
          record={{
            unitCode: units.length === 1 ? units[0] : undefined,
            description: selected.map((o) => `· ${o.text}`).join('\n'),
          }}
          onSubmit={onSubmit}
          resource="rectificationItems"
        >
          <DialogTitle id="opinion-merge-title">
            {translate('pingyi.opinions.merge_title', { smart_count: selectedIds.length })}
          </DialogTitle>
          <DialogContent>
            <ServerErrorAlert error={error} />
            <TextInput source="title" validate={required()} />
            <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
              <SelectInput optionText="name" validate={required()} />
            </ReferenceInput>
            <DateInput source="deadline" validate={required()} helperText="pingyi.opinions.deadline_help" />
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

function BulkActions({ campaignId, tags }: { campaignId: string; tags: readonly string[] }) {
  const { canAccess: canReview } = useCanAccess({ resource: 'opinions', action: 'review' });
  const { canAccess: canOpen } = useCanAccess({ resource: 'rectificationItems', action: 'create' });
  return (
    <>
      {canReview &&
        REVIEW_STATUSES.filter((s) => s !== 'pending').map((status) => (
          <BulkReviewButton key={status} status={status} />
        ))}
      {canReview && <OpinionTagsButton campaignId={campaignId} tags={tags} />}
      {canOpen && <MergeIntoProblemButton campaignId={campaignId} />}
    </>
  );
}

/** Words, status, unit, evaluator group and tag: all filtered on the server. */
function opinionFilters(campaign: CampaignRecord, tags: readonly string[]) {
  return [
    <TextInput
      key="search"
      source="search"
      label="pingyi.opinions.search"
      alwaysOn
      resettable
      sx={{ minWidth: 220 }}
    />,
    <SelectInput
      key="status"
      source="status"
      choices={SHOWN_STATUSES.map((id) => ({ id, name: `pingyi.opinions.status.${id}` }))}
      alwaysOn
    />,
    <ReferenceInput
      key="unitCode"
      source="unitCode"
      reference="units"
      sort={{ field: 'sortOrder', order: 'ASC' }}
      alwaysOn
    >
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput
      key="evaluatorGroupCode"
      source="evaluatorGroupCode"
      choices={campaign.evaluatorGroups.map((group) => ({ id: group.code, name: group.label }))}
      translateChoice={false}
      alwaysOn
    />,
    <SelectInput
      key="tag"
      source="tag"
      label="resources.opinions.fields.tags"
      choices={tags.map((tag) => ({ id: tag, name: tag }))}
      translateChoice={false}
      alwaysOn
    />,
  ];
}

/** The opinion review queue: search and filter, select, mark or tag in bulk, merge into one rectification item, export. */
export function OpinionList() {
  const translate = useTranslate();
  const { campaign, isPending } = useCurrentCampaign();
  const tags =
    useGraphqlQuery(['opinionTags', campaign?.id], OPINION_TAGS, { campaignId: campaign?.id ?? '' }, !!campaign).data
      ?.opinionTags ?? [];
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  const groupLabel = (code: string) => campaign.evaluatorGroups.find((group) => group.code === code)?.label ?? code;
  const exporter = listExporter(
    opinionExportColumns(groupLabel),
    `${campaign.name}-${translate('resources.opinions.name', { smart_count: 2 })}`,
    translate,
    OPINION_EXPORT_REFERENCES,
  );
  return (
    <>
      <OpenToday actions={['reviewOpinions', 'openRectificationItem']} />
      <List
        filter={{ campaignId: campaign.id }}
        filters={opinionFilters(campaign, tags)}
        filterDefaultValues={{ status: 'pending' }}
        sort={{ field: 'receivedOn', order: 'DESC' }}
        storeKey={`opinions.${campaign.id}`}
        exporter={exporter}
        actions={
          <TopToolbar>
            <ExportButton maxResults={10_000} />
            <FeedbackLetterButtons campaignId={campaign.id} />
          </TopToolbar>
        }
        perPage={50}
      >
        <DataTable bulkActionButtons={<BulkActions campaignId={campaign.id} tags={tags} />} rowClick="toggleSelection">
          <DataTable.Col source="receivedOn" />
          <DataTable.Col source="unitCode">
            <ReferenceField source="unitCode" reference="units" link={false} />
          </DataTable.Col>
          <DataTable.Col
            source="evaluatorGroupCode"
            disableSort
            render={(record: OpinionRecord) => groupLabel(record.evaluatorGroupCode)}
          />
          <DataTable.Col
            source="text"
            disableSort
            render={(record: OpinionRecord) => <Typography variant="body2">{record.text}</Typography>}
          />
          <DataTable.Col source="status" render={() => <StatusChip />} />
          <DataTable.Col source="tags" disableSort render={() => <TagChips />} />
          <DataTable.Col source="rectificationItemId" disableSort>
            <ReferenceField source="rectificationItemId" reference="rectificationItems" link="show" emptyText="—" />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}
