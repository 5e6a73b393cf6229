import { type VariablesOf } from '../data/graphql';
import { Alert, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Button,
  Create,
  CreateButton,
  DataTable,
  Edit,
  EditButton,
  List,
  Loading,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  Show,
  SimpleForm,
  TextInput,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { useItemOptionText } from '../rectification/item-label';
import { NoCampaign } from '../common/NoCampaign';
import { type MutationDocument, type PingyiDataProvider } from '../data/data-provider';
import { StateChip } from '../rectification/RectificationFields';
import { ADOPT_POLICY_ACTION, WITHDRAW_POLICY_ACTION } from './supervision.queries';
import { ServerErrorReset } from '../common/ServerErrorReset';
import { PhaseGate } from '../phase-gate';

const KINDS = ['add', 'revise', 'abolish', 'promote'].map((id) => ({
  id,
  name: `pingyi.supervision.action_kind.${id}`,
}));
const STATES = ['drafted', 'adopted', 'withdrawn'].map((id) => ({ id, name: `pingyi.supervision.action_state.${id}` }));

interface PolicyActionRecord {
  id: string;
  kind: string;
  state: string;
  title: string;
  text: string;
  unitCode: string | null;
  adoptedOn: string | null;
  withdrawnReason: string | null;
  items: { id: string; title: string; state: string }[];
}

function ActionState() {
  const record = useRecordContext<PolicyActionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.state === 'adopted' ? 'success' : record.state === 'withdrawn' ? 'default' : 'info'}
      variant="outlined"
      label={translate(`pingyi.supervision.action_state.${record.state}`)}
    />
  );
}

/** Policy actions (建章立制) of the current campaign. */
export function PolicyActionList() {
  const { campaign, isPending } = useCurrentCampaign();
  const translate = useTranslate();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <List
      filter={{ campaignId: campaign.id }}
      filters={[
        <SelectInput key="kind" source="kind" choices={KINDS} alwaysOn />,
        <SelectInput key="state" source="state" choices={STATES} alwaysOn />,
      ]}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      storeKey={`policyActions.${campaign.id}`}
      exporter={false}
      actions={
        <TopToolbar>
          <PhaseGate action="recordPolicyAction">
            <CreateButton />
          </PhaseGate>
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col
          source="kind"
          disableSort
          render={(record: PolicyActionRecord) => translate(`pingyi.supervision.action_kind.${record.kind}`)}
        />
        <DataTable.Col source="title" />
        <DataTable.Col source="unitCode" disableSort>
          <ReferenceField source="unitCode" reference="units" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="state" disableSort render={() => <ActionState />} />
        <DataTable.Col source="adoptedOn" disableSort />
      </DataTable>
    </List>
  );
}

function PolicyActionForm({ campaignId, withUnit }: { campaignId: string; withUnit: boolean }) {
  const itemText = useItemOptionText();
  return (
    <SimpleForm sx={{ maxWidth: 860 }}>
      <ServerErrorReset />
      <SelectInput source="kind" choices={KINDS} validate={required()} />
      <TextInput source="title" validate={required()} />
      <TextInput source="text" multiline minRows={5} validate={required()} />
      {withUnit && (
        <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
          <SelectInput optionText="name" helperText="resources.policyActions.help.unitCode" />
        </ReferenceInput>
      )}
      <ReferenceArrayInput source="itemIds" reference="rectificationItems" filter={{ campaignId }}>
        <AutocompleteArrayInput optionText={itemText} />
      </ReferenceArrayInput>
    </SimpleForm>
  );
}

export function PolicyActionCreate() {
  const { campaign } = useCurrentCampaign();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <PolicyActionForm campaignId={campaign.id} withUnit />
    </Create>
  );
}

export function PolicyActionEdit() {
  const { campaign } = useCurrentCampaign();
  if (!campaign) return <NoCampaign />;
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <PolicyActionForm campaignId={campaign.id} withUnit={false} />
    </Edit>
  );
}

function StateButtons() {
  const record = useRecordContext<PolicyActionRecord>();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || record.state !== 'drafted') return null;
  const run = async <D extends MutationDocument>(document: D, variables: VariablesOf<D>, done: string) => {
    setBusy(true);
    try {
      await dataProvider.mutate(document, variables);
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PhaseGate action="recordPolicyAction">
        <Button
          label="pingyi.supervision.adopt"
          variant="contained"
          disabled={busy}
          onClick={() => void run(ADOPT_POLICY_ACTION, { id: record.id }, 'pingyi.supervision.adopted')}
        />
      </PhaseGate>
      <PhaseGate action="recordPolicyAction">
        <Button
          label="pingyi.supervision.withdraw"
          color="warning"
          disabled={busy}
          onClick={() =>
            void run(WITHDRAW_POLICY_ACTION, { id: record.id, reason: null }, 'pingyi.supervision.withdrawn')
          }
        />
      </PhaseGate>
      <PhaseGate action="recordPolicyAction">
        <EditButton />
      </PhaseGate>
    </>
  );
}

function PolicyActionDetail() {
  const record = useRecordContext<PolicyActionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <CardContent>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Chip size="small" label={translate(`pingyi.supervision.action_kind.${record.kind}`)} />
        <Typography variant="h6" sx={{ flex: 1 }}>
          {record.title}
        </Typography>
        <ActionState />
      </Stack>
      {record.withdrawnReason && (
        <Alert severity="info" sx={{ my: 1 }}>
          {record.withdrawnReason}
        </Alert>
      )}
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', my: 2 }}>
        {record.text}
      </Typography>
      <Typography variant="subtitle2">{translate('resources.policyActions.fields.itemIds')}</Typography>
      {record.items.map((item) => (
        <Stack key={item.id} direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
          <Link to={`/rectificationItems/${item.id}/show`}>{item.title}</Link>
          <StateChip state={item.state} />
        </Stack>
      ))}
    </CardContent>
  );
}

export function PolicyActionShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <StateButtons />
        </TopToolbar>
      }
    >
      <PolicyActionDetail />
    </Show>
  );
}
