import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  ExportButton,
  List,
  Loading,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { ProgressBar, ProgressField } from '../common/ProgressField';
import { useGraphqlQuery } from '../data/use-graphql';
import { type ExportColumn, listExporter } from '../export/list-exporter';
import { LeadUnitChips } from './LeadUnitChips';
import { ThemesButton } from './ThemesButton';
import { WORK_PLAN_SUMMARY, type WorkItemRecord } from './work-plan.queries';

const filters = [
  <ReferenceInput
    key="themeCode"
    source="themeCode"
    reference="themes"
    sort={{ field: 'number', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="label" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput
    key="leadUnitCode"
    source="leadUnitCode"
    reference="units"
    sort={{ field: 'sortOrder', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="name" sx={{ minWidth: 180 }} />
  </ReferenceInput>,
  <SelectInput
    key="progressBand"
    source="progressBand"
    alwaysOn
    choices={['notStarted', 'inProgress', 'completed'].map((id) => ({ id, name: `resources.workItems.bands.${id}` }))}
  />,
];

function Summary({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['workPlanSummary', campaignId], WORK_PLAN_SUMMARY, { campaignId });
  const overall = data?.workPlanSummary.overall;
  if (!overall) return null;
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent
        sx={{ display: 'flex', gap: 4, alignItems: 'center', flexWrap: 'wrap', py: 1.5, '&:last-child': { pb: 1.5 } }}
      >
        <Typography variant="subtitle1">
          {translate('resources.workItems.summary', {
            total: overall.total,
            completed: overall.completed,
            inProgress: overall.inProgress,
            notStarted: overall.notStarted,
          })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('resources.workItems.mean_progress')}
          </Typography>
          <ProgressBar value={overall.meanProgress} width={220} />
        </Stack>
      </CardContent>
    </Card>
  );
}

function Actions({ campaignId }: { campaignId: string }) {
  const { canAccess: canEdit } = useCanAccess({ resource: 'workItems', action: 'create' });
  return (
    <TopToolbar>
      {canEdit && <ThemesButton campaignId={campaignId} />}
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

/** The work plan as a spreadsheet reads it: theme, number, text, lead units, progress. */
const EXPORT_COLUMNS: readonly ExportColumn<WorkItemRecord>[] = [
  { label: 'resources.workItems.fields.theme', value: (r) => `${r.theme.number}. ${r.theme.title}` },
  { label: 'resources.workItems.fields.number', value: (r) => r.number },
  { label: 'resources.workItems.fields.title', value: (r) => r.title },
  {
    label: 'resources.workItems.fields.text',
    value: (r, translate) => (r.elided ? translate('resources.workItems.elided') : r.text),
  },
  { label: 'resources.workItems.fields.leadUnitCodes', value: (r) => r.leadUnits.map((unit) => unit.name).join('、') },
  { label: 'resources.workItems.export_progress', value: (r) => r.progress },
];

/** Work items of the current campaign: by theme, with lead units and progress; filtered and paged on the server. */
export function WorkItemList() {
  const translate = useTranslate();
  const { campaign, isPending } = useCurrentCampaign();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <>
      <Summary campaignId={campaign.id} />
      <List
        filter={{ campaignId: campaign.id }}
        filters={filters}
        actions={<Actions campaignId={campaign.id} />}
        sort={{ field: 'theme', order: 'ASC' }}
        perPage={25}
        storeKey={`workItems.${campaign.id}`}
        exporter={listExporter(
          EXPORT_COLUMNS,
          `${campaign.name}-${translate('resources.workItems.name', { smart_count: 2 })}`,
          translate,
        )}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col
            source="theme"
            render={(record: WorkItemRecord) => `${record.theme.number}. ${record.theme.title}`}
            sx={{ maxWidth: 260 }}
          />
          <DataTable.Col source="number" />
          <DataTable.Col
            source="text"
            disableSort
            render={(record: WorkItemRecord) => (
              <Typography
                variant="body2"
                sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
              >
                {record.title ? `${record.title}：` : ''}
                {record.elided ? '（略）' : record.text}
              </Typography>
            )}
          />
          <DataTable.Col source="leadUnitCodes" disableSort render={() => <LeadUnitChips />} />
          <DataTable.Col source="progress">
            <ProgressField source="progress" />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}
