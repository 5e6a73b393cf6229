import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  List,
  NumberInput,
  SearchInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { StrategyName } from '../common/StrategyName';
import { CreateFromTemplateButton, ImportConfigButton } from './CampaignConfigButtons';
import { type CampaignRecord } from './campaign-values';
import { todayIn } from './PhaseTimeline';
import { phaseName } from '../phase-gate/action-windows';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <NumberInput key="year" source="year" alwaysOn />];

function CurrentPhaseChip() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.currentPhase)
    return <Chip size="small" color="primary" label={phaseName(record.currentPhase, translate)} />;
  // outside its phases: over, not started yet, or between two phases
  const today = todayIn(record.timeZone || 'Asia/Shanghai');
  const state =
    record.endDate && today > record.endDate
      ? 'phase_ended'
      : record.startDate && today < record.startDate
        ? 'phase_not_started'
        : 'no_current_phase';
  return <Chip size="small" variant="outlined" label={translate(`pingyi.campaign.${state}`)} />;
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
        <DataTable.Col
          source="groupCount"
          disableSort
          render={(record: CampaignRecord) => record.evaluatorGroups.length}
        />
        <DataTable.Col
          source="strategyCode"
          disableSort
          render={(record: CampaignRecord) => <StrategyName code={record.strategyCode} />}
        />
      </DataTable>
    </List>
  );
}
