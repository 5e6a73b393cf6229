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
import { DocumentButtons } from '../documents/DocumentButtons';
import { FeedbackLetterButtons } from '../documents/FeedbackLetterButtons';
import { RECTIFICATION_STATES } from './rectification-events';
import { DeadlineField, type RectificationItemRecord, StateField } from './RectificationFields';
import { OpenToday, PhaseGate } from '../phase-gate';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="unitCode"
    source="unitCode"
    reference="units"
    sort={{ field: 'sortOrder', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="name" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectInput
    key="state"
    source="state"
    alwaysOn
    choices={RECTIFICATION_STATES.map((id) => ({ id, name: `pingyi.rectification.states.${id}` }))}
  />,
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
  const { canAccess: canReport } = useCanAccess({ resource: 'documents', action: 'rectification' });
  return (
    <TopToolbar>
      {canOpen && (
        <PhaseGate action="openRectificationItem">
          <CreateButton label="pingyi.rectification.open" />
        </PhaseGate>
      )}
      <LedgerButtons campaignId={campaignId} campaignName={campaignName} />
      {canReport && (
        <DocumentButtons
          path={`/documents/${encodeURIComponent(campaignId)}/rectification-report`}
          label="pingyi.documents.rectification_report"
          testId="rectification-report"
        />
      )}
      <FeedbackLetterButtons campaignId={campaignId} />
    </TopToolbar>
  );
}

// overdue rows stand out in the list
const rowSx = (record: RectificationItemRecord) =>
  record.overdue
    ? { bgcolor: 'rgba(211, 47, 47, 0.06)', '& td:first-of-type': { borderLeft: '3px solid #d32f2f' } }
    : {};

/** Rectification items (整改项目) of the current campaign: filtered by unit, state, supervision and due date on the server. */
export function RectificationList() {
  const { campaign, isPending } = useCurrentCampaign();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <>
      <OpenToday actions={['openRectificationItem', 'advanceRectificationItem']} />
      <List
        filter={{ campaignId: campaign.id }}
        filters={filters}
        actions={<Actions campaignId={campaign.id} campaignName={campaign.name} />}
        sort={{ field: 'deadline', order: 'ASC' }}
        perPage={25}
        storeKey={`rectificationItems.${campaign.id}`}
        exporter={false}
        // the toolbar's ledger, report and letters stay reachable before the first item
        empty={false}
      >
        <DataTable rowClick="show" rowSx={rowSx} bulkActionButtons={false}>
          <DataTable.Col source="id" />
          <DataTable.Col
            source="title"
            disableSort
            render={(record: RectificationItemRecord) => (
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {record.title}
              </Typography>
            )}
          />
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
    </>
  );
}
