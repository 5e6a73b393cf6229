import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Form,
  FormDataConsumer,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { EditablePanel, EditorToolbar, ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { SET_UNITS, UNITS } from './organization.queries';
import { flattenTree, type UnitRow } from './unit-tree';

interface UnitsForm {
  units: { code: string; name: string; parentCode: string | null; appraised: boolean; seriesCode: string | null }[];
}

type Series = readonly { code: string; label: string }[];

function UnitTreeTable({ units, series }: { units: readonly UnitRow[]; series: Series }) {
  const translate = useTranslate();
  const rows = flattenTree(units);
  if (!rows.length) return <Typography color="text.secondary">{translate('pingyi.organization.no_units')}</Typography>;
  return (
    <Table size="small" sx={{ maxWidth: 860 }} data-testid="unit-tree">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.units.fields.name')}</TableCell>
          <TableCell>{translate('resources.units.fields.appraised')}</TableCell>
          {series.length > 0 && <TableCell>{translate('resources.units.fields.seriesCode')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.code}>
            <TableCell sx={{ pl: 2 + row.depth * 3, fontWeight: row.hasChildren ? 600 : 400 }}>
              {row.depth > 0 ? '└ ' : ''}
              {row.name}
            </TableCell>
            <TableCell>
              {row.appraised ? (
                <Chip
                  size="small"
                  color="primary"
                  variant="outlined"
                  label={translate('pingyi.organization.appraised')}
                />
              ) : null}
            </TableCell>
            {series.length > 0 && <TableCell>{series.find((s) => s.code === row.seriesCode)?.label ?? '—'}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UnitsEditor({
  campaignId,
  units,
  series,
  done,
}: {
  campaignId: string;
  units: readonly UnitRow[];
  series: Series;
  done: () => void;
}) {
  const save = useGraphqlMutation(SET_UNITS, {
    invalidate: [['units', campaignId]],
    invalidateResources: ['units'],
    successMessage: 'pingyi.common.saved',
    notifyErrors: false,
  });
  const { onSubmit, error } = useServerSubmit(async (values: Partial<UnitsForm>) => {
    const list = (values.units ?? []).map((u) => ({
      code: u.code,
      name: u.name,
      parentCode: u.parentCode || null,
      appraised: !!u.appraised,
      seriesCode: u.seriesCode || null,
    }));
    await save.mutateAsync({ campaignId, units: list });
    done();
  });
  const record: UnitsForm = {
    units: flattenTree(units).map(({ code, name, parentCode, appraised, seriesCode }) => ({
      code,
      name,
      parentCode,
      appraised,
      seriesCode: seriesCode ?? null,
    })),
  };
  return (
    <Form record={record} onSubmit={onSubmit}>
      <ServerErrorAlert error={error} />
      <ArrayInput source="units" label="pingyi.organization.tabs.units">
        <SimpleFormIterator inline disableReordering={false}>
          <TextInput
            source="code"
            label="resources.units.fields.code"
            validate={required()}
            fullWidth={false}
            sx={{ width: 180 }}
          />
          <TextInput
            source="name"
            label="resources.units.fields.name"
            validate={required()}
            fullWidth={false}
            sx={{ width: 220 }}
          />
          <FormDataConsumer<UnitsForm>>
            {({ formData, scopedFormData }) => (
              <SelectInput
                source="parentCode"
                label="resources.units.fields.parentCode"
                fullWidth={false}
                sx={{ width: 220 }}
                emptyText="pingyi.organization.top_level"
                choices={(formData.units ?? [])
                  .filter((u) => u.code && u.code !== (scopedFormData as { code?: string } | undefined)?.code)
                  .map((u) => ({ id: u.code, name: u.name || u.code }))}
              />
            )}
          </FormDataConsumer>
          <BooleanInput source="appraised" label="resources.units.fields.appraised" fullWidth={false} />
          {series.length > 0 && (
            <SelectInput
              source="seriesCode"
              label="resources.units.fields.seriesCode"
              fullWidth={false}
              sx={{ width: 200 }}
              emptyText="pingyi.organization.no_series"
              choices={series.map((s) => ({ id: s.code, name: s.label }))}
            />
          )}
        </SimpleFormIterator>
      </ArrayInput>
      <EditorToolbar onCancel={done} />
    </Form>
  );
}

/** The unit tree (单位) of the campaign; the office edits it as a whole. */
export function UnitsPanel({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['units', campaignId], UNITS, { campaignId });
  const { data: campaign } = useGetOne<CampaignRecord>('campaigns', { id: campaignId });
  const series = campaign?.series ?? [];
  const units = data?.units ?? [];
  const appraised = units.filter((u) => u.appraised).length;
  return (
    <EditablePanel
      title={translate('pingyi.organization.units_title', { count: units.length, appraised })}
      hint={translate('pingyi.organization.units_hint')}
      canEdit={canEdit}
      view={
        <Box>
          <UnitTreeTable units={units} series={series} />
        </Box>
      }
      editor={(done) => <UnitsEditor campaignId={campaignId} units={units} series={series} done={done} />}
    />
  );
}
