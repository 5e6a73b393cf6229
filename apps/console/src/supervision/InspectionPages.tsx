import AddTaskIcon from '@mui/icons-material/AddTask';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  ArrayInput,
  Button,
  CheckboxGroupInput,
  Create,
  CreateButton,
  DataTable,
  DateInput,
  List,
  Loading,
  RadioButtonGroupInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { type PingyiDataProvider } from '../data/data-provider';
import { useItemOptionText } from '../rectification/item-label';
import { StateChip } from '../rectification/RectificationFields';
import { FOCUS_AREAS } from './supervision.descriptors';
import { OPEN_FROM_FINDING } from './supervision.queries';
import { ServerErrorReset } from '../common/ServerErrorReset';
import { PhaseGate } from '../phase-gate';

const FOCUS_CHOICES = FOCUS_AREAS.map((id) => ({ id, name: `pingyi.supervision.focus.${id}` }));
const KIND_CHOICES = ['open', 'covert'].map((id) => ({ id, name: `pingyi.supervision.kind.${id}` }));

interface InspectionRecord {
  id: string;
  kind: string;
  date: string;
  unitCode: string;
  focusAreas: string[];
  inspectors: string | null;
  summary: string;
  findings: {
    id: string;
    focusArea: string;
    text: string;
    items: { id: string; title: string; state: string; unitCode: string }[];
  }[];
}

function FocusChips() {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {record.focusAreas.map((focus) => (
        <Chip
          key={focus}
          size="small"
          variant="outlined"
          label={translate(`pingyi.supervision.focus.${focus}`, { _: focus })}
        />
      ))}
    </Stack>
  );
}

const filters = [
  <SelectInput key="kind" source="kind" choices={KIND_CHOICES} alwaysOn />,
  <ReferenceInput
    key="unitCode"
    source="unitCode"
    reference="units"
    sort={{ field: 'sortOrder', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="focusArea" source="focusArea" choices={FOCUS_CHOICES} alwaysOn />,
];

/** Inspections (明查暗访) of the current campaign. */
export function InspectionList() {
  const { campaign, isPending } = useCurrentCampaign();
  const translate = useTranslate();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List
      filter={{ campaignId: campaign.id }}
      filters={filters}
      sort={{ field: 'date', order: 'DESC' }}
      storeKey={`inspections.${campaign.id}`}
      exporter={false}
      actions={
        <TopToolbar>
          <PhaseGate action="recordInspection">
            <CreateButton />
          </PhaseGate>
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="date" />
        <DataTable.Col
          source="kind"
          render={(record: InspectionRecord) => translate(`pingyi.supervision.kind.${record.kind}`)}
        />
        <DataTable.Col source="unitCode">
          <ReferenceField source="unitCode" reference="units" link={false} />
        </DataTable.Col>
        <DataTable.Col source="focusAreas" disableSort render={() => <FocusChips />} />
        <DataTable.Col source="summary" disableSort />
        <DataTable.Col source="findings" disableSort render={(record: InspectionRecord) => record.findings.length} />
      </DataTable>
    </List>
  );
}

/** Records an inspection with its findings. */
export function InspectionCreate() {
  const { campaign } = useCurrentCampaign();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <SimpleForm sx={{ maxWidth: 900 }} defaultValues={{ kind: 'open', focusAreas: [] }}>
        <ServerErrorReset />
        <RadioButtonGroupInput source="kind" choices={KIND_CHOICES} validate={required()} />
        <DateInput source="date" validate={required()} />
        <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <CheckboxGroupInput source="focusAreas" choices={FOCUS_CHOICES} validate={required()} />
        <TextInput source="inspectors" />
        <TextInput source="summary" multiline minRows={3} validate={required()} />
        <ArrayInput source="findings" label="resources.inspections.fields.findings">
          <SimpleFormIterator inline>
            <SelectInput
              source="focusArea"
              label="resources.inspections.fields.focusArea"
              choices={FOCUS_CHOICES}
              validate={required()}
              fullWidth={false}
              sx={{ width: 180 }}
            />
            <TextInput
              source="text"
              label="resources.inspections.fields.text"
              validate={required()}
              multiline
              fullWidth={false}
              sx={{ width: 560 }}
            />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}

/** One finding opens one item: once it has a live one, its button opens that item instead. */
function Findings() {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const itemText = useItemOptionText();
  const { canAccess: canOpen } = useCanAccess({ resource: 'rectificationItems', action: 'create' });
  if (!record) return null;
  const open = async (findingId: string) => {
    try {
      await dataProvider.mutate(OPEN_FROM_FINDING, { findingId, input: null });
      notify('pingyi.supervision.item_opened', { type: 'success' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    // a refusal (already opened from another page) shows the existing item too
    refresh();
  };
  return (
    <Stack spacing={2}>
      {record.findings.map((finding) => {
        const live = finding.items.find((item) => item.state !== 'dismissed');
        return (
          <Card key={finding.id} variant="outlined">
            <CardContent>
              <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
                <Chip
                  size="small"
                  label={translate(`pingyi.supervision.focus.${finding.focusArea}`, { _: finding.focusArea })}
                  sx={{ mr: 1 }}
                />
                <Box sx={{ flex: 1 }} />
                {live ? (
                  <Button
                    label="pingyi.supervision.open_existing_item"
                    startIcon={<OpenInNewIcon />}
                    onClick={() => navigate(`/rectificationItems/${live.id}/show`)}
                  />
                ) : (
                  canOpen && (
                    <PhaseGate action="openRectificationItem">
                      <Button
                        label="pingyi.supervision.open_item"
                        startIcon={<AddTaskIcon />}
                        onClick={() => void open(finding.id)}
                      />
                    </PhaseGate>
                  )
                )}
              </Stack>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {finding.text}
              </Typography>
              {finding.items.map((item) => (
                <Stack
                  key={item.id}
                  direction="row"
                  spacing={1}
                  sx={{ alignItems: 'center', mt: 1 }}
                  data-testid="finding-item"
                >
                  <Link to={`/rectificationItems/${item.id}/show`}>{itemText(item)}</Link>
                  <StateChip state={item.state} />
                </Stack>
              ))}
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
}

/** An inspection, its findings and the rectification items they opened. */
export function InspectionShow() {
  const translate = useTranslate();
  return (
    <Show>
      <CardContent>
        <InspectionHeader />
        <Typography variant="subtitle1" sx={{ mt: 2, mb: 1 }}>
          {translate('resources.inspections.fields.findings')}
        </Typography>
        <Findings />
      </CardContent>
    </Show>
  );
}

function InspectionHeader() {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      <Typography variant="h6">
        {record.date} · {translate(`pingyi.supervision.kind.${record.kind}`)} ·{' '}
        <ReferenceField source="unitCode" reference="units" link={false} />
      </Typography>
      <FocusChips />
      <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
        {record.summary}
      </Typography>
      {record.inspectors && (
        <Typography variant="caption" color="text.secondary">
          {translate('resources.inspections.fields.inspectors')}：{record.inspectors}
        </Typography>
      )}
    </>
  );
}
