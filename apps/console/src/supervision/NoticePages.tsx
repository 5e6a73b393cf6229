import { Typography } from '@mui/material';
import {
  Create,
  CreateButton,
  DataTable,
  DateInput,
  List,
  Loading,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { ServerErrorReset } from '../common/ServerErrorReset';
import { PhaseGate } from '../phase-gate';

const unitFilter = [
  <ReferenceInput
    key="unitCode"
    source="unitCode"
    reference="units"
    sort={{ field: 'sortOrder', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

function useCampaignOrNull() {
  const { campaign, isPending } = useCurrentCampaign();
  return { campaign, isPending };
}

/** Criticism notices (通报批评). */
export function NoticeList() {
  const { campaign, isPending } = useCampaignOrNull();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List
      filter={{ campaignId: campaign.id }}
      filters={unitFilter}
      sort={{ field: 'issuedOn', order: 'DESC' }}
      storeKey={`notices.${campaign.id}`}
      exporter={false}
      actions={
        <TopToolbar>
          <PhaseGate action="issueNotice">
            <CreateButton />
          </PhaseGate>
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} expand={<NoticeText />} rowClick="expand">
        <DataTable.Col source="issuedOn" />
        <DataTable.Col source="unitCode">
          <ReferenceField source="unitCode" reference="units" link={false} />
        </DataTable.Col>
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="issuedBy" disableSort />
      </DataTable>
    </List>
  );
}

/** The notice's text, shown when a row is expanded. */
function NoticeText() {
  const record = useRecordContext<{ text: string }>();
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', p: 2 }}>
      {record?.text}
    </Typography>
  );
}

/** Issues a criticism notice to a unit. */
export function NoticeCreate() {
  const { campaign } = useCampaignOrNull();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="list" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <SimpleForm sx={{ maxWidth: 860 }}>
        <ServerErrorReset />
        <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="title" validate={required()} />
        <TextInput source="text" multiline minRows={5} validate={required()} />
        <ReferenceInput
          source="inspectionId"
          reference="inspections"
          filter={{ campaignId: campaign.id }}
          sort={{ field: 'date', order: 'DESC' }}
        >
          <SelectInput
            optionText={(record: { date: string; summary: string }) => `${record.date} ${record.summary.slice(0, 30)}`}
          />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}

/** Accountability records (责任追究). */
export function AccountabilityList() {
  const { campaign, isPending } = useCampaignOrNull();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List
      filter={{ campaignId: campaign.id }}
      filters={unitFilter}
      sort={{ field: 'decidedOn', order: 'DESC' }}
      storeKey={`accountability.${campaign.id}`}
      exporter={false}
      actions={
        <TopToolbar>
          <PhaseGate action="issueNotice">
            <CreateButton />
          </PhaseGate>
        </TopToolbar>
      }
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="decidedOn" />
        <DataTable.Col source="unitCode">
          <ReferenceField source="unitCode" reference="units" link={false} />
        </DataTable.Col>
        <DataTable.Col source="person" disableSort />
        <DataTable.Col source="measure" disableSort />
        <DataTable.Col source="noticeId" disableSort>
          <ReferenceField source="noticeId" reference="criticismNotices" link={false} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

/** Records who was held accountable, how, and on which notice. */
export function AccountabilityCreate() {
  const { campaign } = useCampaignOrNull();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="list" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <SimpleForm sx={{ maxWidth: 860 }}>
        <ServerErrorReset />
        <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="person" validate={required()} />
        <TextInput source="measure" multiline validate={required()} />
        <DateInput source="decidedOn" />
        <ReferenceInput source="noticeId" reference="criticismNotices" filter={{ campaignId: campaign.id }}>
          <SelectInput optionText="title" />
        </ReferenceInput>
      </SimpleForm>
    </Create>
  );
}
