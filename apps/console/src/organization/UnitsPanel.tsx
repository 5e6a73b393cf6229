import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { ArrayInput, BooleanInput, Form, FormDataConsumer, required, SelectInput, SimpleFormIterator, TextInput, useTranslate } from 'react-admin';
import { EditablePanel, EditorToolbar, ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { SET_UNITS, UNITS } from './organization.queries';
import { flattenTree, type UnitRow } from './unit-tree';

interface UnitsForm {
  units: { code: string; name: string; parentCode: string | null; appraised: boolean }[];
}

function UnitTreeTable({ units }: { units: readonly UnitRow[] }) {
  const translate = useTranslate();
  const rows = flattenTree(units);
  if (!rows.length) return <Typography color="text.secondary">{translate('pingyi.organization.no_units')}</Typography>;
  return (
    <Table size="small" sx={{ maxWidth: 860 }} data-testid="unit-tree">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.units.fields.name')}</TableCell>
          <TableCell>{translate('resources.units.fields.code')}</TableCell>
          <TableCell>{translate('resources.units.fields.appraised')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.code}>
            <TableCell sx={{ pl: 2 + row.depth * 3, fontWeight: row.hasChildren ? 600 : 400 }}>
              {row.depth > 0 ? '└ ' : ''}
              {row.name}
            </TableCell>
            <TableCell sx={{ color: 'text.secondary' }}>{row.code}</TableCell>
            <TableCell>{row.appraised ? <Chip size="small" color="primary" variant="outlined" label={translate('pingyi.organization.appraised')} /> : null}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UnitsEditor({ campaignId, units, done }: { campaignId: string; units: readonly UnitRow[]; done: () => void }) {
  const save = useGraphqlMutation(SET_UNITS, { invalidate: [['units', campaignId]], invalidateResources: ['units'], successMessage: 'pingyi.common.saved', notifyErrors: false });
  const { onSubmit, error } = useServerSubmit(async (values: Partial<UnitsForm>) => {
    const list = (values.units ?? []).map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode || null, appraised: !!u.appraised }));
    await save.mutateAsync({ campaignId, units: list });
    done();
  });
  const record: UnitsForm = { units: flattenTree(units).map(({ code, name, parentCode, appraised }) => ({ code, name, parentCode, appraised })) };
  return (
    <Form record={record} onSubmit={onSubmit}>
      <ServerErrorAlert error={error} />
      <ArrayInput source="units" label="pingyi.organization.tabs.units">
        <SimpleFormIterator inline disableReordering={false}>
          <TextInput source="code" label="resources.units.fields.code" validate={required()} fullWidth={false} sx={{ width: 180 }} />
          <TextInput source="name" label="resources.units.fields.name" validate={required()} fullWidth={false} sx={{ width: 220 }} />
          <FormDataConsumer<UnitsForm>>
            {({ formData, scopedFormData }) => (
              <SelectInput
                source="parentCode" label="resources.units.fields.parentCode"
                fullWidth={false}
                sx={{ width: 220 }}
                emptyText="pingyi.organization.top_level"
                choices={(formData.units ?? []).filter((u) => u.code && u.code !== (scopedFormData as { code?: string } | undefined)?.code).map((u) => ({ id: u.code, name: u.name || u.code }))}
              />
            )}
          </FormDataConsumer>
          <BooleanInput source="appraised" label="resources.units.fields.appraised" fullWidth={false} />
        </SimpleFormIterator>
      </ArrayInput>
      <EditorToolbar onCancel={done} />
    </Form>
  );
}

/** The unit tree (单位) of the campaign; the office edits it as a whole. */
export function UnitsPanel({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery<{ units: UnitRow[] }>(['units', campaignId], UNITS, { campaignId });
  const units = data?.units ?? [];
  const appraised = units.filter((u) => u.appraised).length;
  return (
    <EditablePanel
      title={translate('pingyi.organization.units_title', { count: units.length, appraised })}
      hint={translate('pingyi.organization.units_hint')}
      canEdit={canEdit}
      view={
        <Box>
          <UnitTreeTable units={units} />
        </Box>
      }
      editor={(done) => <UnitsEditor campaignId={campaignId} units={units} done={done} />}
    />
  );
}
