import { Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import {
  DateInput,
  EditButton,
  Form,
  NumberInput,
  SaveButton,
  SelectInput,
  Show,
  TextInput,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { formatPercent } from '../common/percent';
import { type Permissions } from '../auth/auth-provider';
import { hasRole } from '../auth/permissions';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { ProgressBar } from '../common/ProgressField';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { LeadUnitChips } from './LeadUnitChips';
import { unitNameOf, useUnitNames } from '../common/unit-names';
import { REPORT_PROGRESS, WORK_ITEM_UPDATES, type WorkItemRecord, type WorkItemUpdate } from './work-plan.queries';
import { OpenToday, PhaseGate } from '../phase-gate';

function Actions() {
  const { canAccess } = useCanAccess({ resource: 'workItems', action: 'edit' });
  return <TopToolbar>{canAccess && <EditButton />}</TopToolbar>;
}

/** The update timeline: newest first, with who reported, for which unit, and the note. */
function UpdateTimeline({ updates }: { updates: readonly WorkItemUpdate[] }) {
  const translate = useTranslate();
  const unitNames = useUnitNames();
  if (!updates.length)
    return <Typography color="text.secondary">{translate('resources.workItems.no_updates')}</Typography>;
  return (
    <Box
      component="ol"
      sx={{ listStyle: 'none', p: 0, m: 0, borderLeft: '2px solid', borderColor: 'divider', ml: 1 }}
      data-testid="update-timeline"
    >
      {[...updates].reverse().map((update) => (
        <Box component="li" key={update.id} sx={{ position: 'relative', pl: 3, pb: 2 }}>
          <Box
            sx={{
              position: 'absolute',
              left: -7,
              top: 4,
              width: 12,
              height: 12,
              borderRadius: '50%',
              bgcolor: update.progress >= 100 ? 'success.main' : 'primary.main',
            }}
          />
          <Typography variant="subtitle2">
            {update.date} · {formatPercent(update.progress)}
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
              {update.reportedBy}
              {update.unitCode ? ` · ${unitNameOf(unitNames, update.unitCode)}` : ''}
            </Typography>
          </Typography>
          {update.note && (
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
              {update.note}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

function ReportProgressForm({ item }: { item: WorkItemRecord }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const report = useGraphqlMutation(REPORT_PROGRESS, {
    invalidate: [['workItemUpdates', item.id], ['workPlanSummary']],
    invalidateResources: ['workItems'],
    successMessage: 'resources.workItems.reported',
    notifyErrors: false,
  });
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    await report.mutateAsync({
      workItemId: item.id,
      input: {
        progress: Number(values.progress),
        date: (values.date as string) || null,
        note: (values.note as string) || null,
        unitCode: (values.unitCode as string) || null,
      },
    });
  });
  const isLiaison =
    hasRole(permissions ? { roles: permissions.roles } : null, 'liaison') &&
    !hasRole(permissions ? { roles: permissions.roles } : null, 'office', 'admin');
  const units = isLiaison ? item.leadUnits.filter((unit) => unit.code === permissions?.unitCode) : item.leadUnits;
  return (
    <Form
      record={{ progress: item.progress, unitCode: units.length === 1 ? units[0]?.code : undefined }}
      onSubmit={onSubmit}
    >
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('resources.workItems.report')}
      </Typography>
      <ServerErrorAlert error={error} />
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <NumberInput
          source="progress"
          label="resources.workItems.fields.progress"
          validate={[required(), minValue(0), maxValue(100)]}
          fullWidth={false}
          sx={{ width: 140 }}
        />
        <DateInput
          source="date"
          label="resources.workItems.fields.date"
          fullWidth={false}
          helperText="resources.workItems.help.date"
        />
        {item.leadUnits.length > 1 && (
          <SelectInput
            source="unitCode"
            label="resources.workItems.fields.unitCode"
            choices={units.map((unit) => ({ id: unit.code, name: unit.name }))}
            fullWidth={false}
            sx={{ minWidth: 180 }}
          />
        )}
      </Stack>
      <TextInput
        source="note"
        label="resources.workItems.fields.note"
        multiline
        minRows={2}
        helperText="resources.workItems.help.note"
      />
      <PhaseGate action="reportWorkItemProgress">
        <SaveButton label="resources.workItems.report" alwaysEnable />
      </PhaseGate>
    </Form>
  );
}

function WorkItemDetail() {
  const record = useRecordContext<WorkItemRecord>();
  const translate = useTranslate();
  const { canAccess: canReport } = useCanAccess({ resource: 'workItems', action: 'report' });
  const { permissions } = usePermissions<Permissions>();
  const { data } = useGraphqlQuery(
    ['workItemUpdates', record?.id],
    WORK_ITEM_UPDATES,
    { workItemId: record?.id ?? '' },
    !!record,
  );
  if (!record) return null;
  const user = permissions ? { roles: permissions.roles } : null;
  const mayReport =
    canReport &&
    (hasRole(user, 'office', 'admin') || record.leadUnits.some((unit) => unit.code === permissions?.unitCode));
  return (
    <CardContent>
      <Typography variant="overline" color="text.secondary">
        {record.theme.number}. {record.theme.title}
      </Typography>
      <Typography variant="h6">
        （{record.number}）{record.title ?? ''}
      </Typography>
      <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', my: 1 }}>
        {record.elided ? translate('resources.workItems.elided') : record.text}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('resources.workItems.fields.leadUnitCodes')}
        </Typography>
        <LeadUnitChips />
        <ProgressBar value={record.progress} width={260} />
      </Stack>
      <Divider sx={{ my: 2 }} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {translate('resources.workItems.timeline')}
          </Typography>
          <UpdateTimeline updates={data?.workItemUpdates ?? []} />
        </Box>
        {mayReport && (
          <Box sx={{ flex: 1 }}>
            <OpenToday actions={['reportWorkItemProgress']} />
            <ReportProgressForm item={record} />
          </Box>
        )}
      </Stack>
    </CardContent>
  );
}

/** A work item: text, lead units, progress, the update timeline and the progress report form. */
export function WorkItemShow() {
  return (
    <Show actions={<Actions />}>
      <Card elevation={0}>
        <WorkItemDetail />
      </Card>
    </Show>
  );
}
