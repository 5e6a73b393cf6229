import { Chip } from '@mui/material';
import { CreateButton, DataTable, List, NumberInput, SearchInput, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { CreateFromTemplateButton, ImportConfigButton } from './CampaignConfigButtons';
import { type CampaignRecord } from './campaign-values';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NumberInput key="year" source="year" alwaysOn />];

function CurrentPhaseChip() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.currentPhase ? (
    <Chip size="small" color="primary" label={record.currentPhase.label} />
  ) : (
    <Chip size="small" variant="outlined" label={translate('pingyi.campaign.no_current_phase')} />
  );
}

function Actions() {
  const { canAccess: canCreate } = useCanAccess({ resource: 'campaigns', action: 'create' });
  return (
    <TopToolbar>
      {canCreate && <CreateFromTemplateButton />}
      {canCreate && <ImportConfigButton />}
      <CreateButton />
    </TopToolbar>
  );
}

/** Campaigns, latest year first. */
export function CampaignList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'year', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="year" />
        <DataTable.Col source="name" />
        <DataTable.Col source="currentPhase" disableSort render={() => <CurrentPhaseChip />} />
        <DataTable.Col source="startDate" />
        <DataTable.Col source="endDate" disableSort />
        <DataTable.Col source="groupCount" disableSort render={(record: CampaignRecord) => record.evaluatorGroups.length} />
        <DataTable.Col source="strategyCode" disableSort />
      </DataTable>
    </List>
  );
}
