import { Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  Loading,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { ProgressField } from '../common/ProgressField';
import { LedgerButtons } from './LedgerButtons';
import { RECTIFICATION_STATES } from './rectification-events';
import { DeadlineField, type RectificationItemRecord, StateField } from './RectificationFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="unitCode" source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }} alwaysOn>
    <SelectInput optionText="name" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectInput key="state" source="state" alwaysOn choices={RECTIFICATION_STATES.map((id) => ({ id, name: `pingyi.rectification.states.${id}` }))} />,
  <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
  <NullableBooleanInput key="supervised" source="supervised" />,
  <SelectInput
    key="dueWithinDays"
    source="dueWithinDays"
    choices={[3, 7, 30].map((days) => ({ id: days, name: `pingyi.rectification.within.d${days}` }))}
  />,
];

function Actions({ campaignId, campaignName }: { campaignId: string; campaignName: string }) {
  const { canAccess: canOpen } = useCanAccess({ resource: 'rectificationItems', action: 'create' });
  return (
    <TopToolbar>
      {canOpen && <CreateButton label="pingyi.rectification.open" />}
      <LedgerButtons campaignId={campaignId} campaignName={campaignName} />
    </TopToolbar>
  );
}

// overdue rows stand out in the list
const rowSx = (record: RectificationItemRecord) => (record.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)', '& td:first-of-type': { borderLeft: '3px solid #d32f2f' } } : {});

/** Rectification items (整改项目) of the current campaign: filtered by unit, state, supervision and due date on the server. */
export function RectificationList() {
  const { campaign, isPending } = useCurrentCampaign();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List
      filter={{ campaignId: campaign.id }}
      filters={filters}
      actions={<Actions campaignId={campaign.id} campaignName={campaign.name} />}
      sort={{ field: 'deadline', order: 'ASC' }}
      perPage={25}
      storeKey={`rectificationItems.${campaign.id}`}
      exporter={false}
    >
      <DataTable rowClick="show" rowSx={rowSx} bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="title" disableSort render={(record: RectificationItemRecord) => <Typography variant="body2" sx={{ fontWeight: 500 }}>{record.title}</Typography>} />
        <DataTable.Col source="unitCode">
          <ReferenceField source="unitCode" reference="units" link={false} />
        </DataTable.Col>
        <DataTable.Col source="state" render={() => <StateField />} />
        <DataTable.Col source="deadline" render={() => <DeadlineField />} />
        <DataTable.Col source="owner" disableSort />
        <DataTable.Col source="progress" disableSort>
          <ProgressField source="progress" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
