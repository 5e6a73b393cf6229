import { Box, Chip, Typography } from '@mui/material';
import { DataTable, DateField, DateTimeInput, List, SelectInput, TextField, TextInput, useRecordContext, useTranslate } from 'react-admin';

interface AuditRecord {
  id: string;
  operation: string;
  args: string;
  success: boolean;
  errorCode: string | null;
  requestId: string | null;
}

const filters = [
  <TextInput key="operation" source="operation" alwaysOn />,
  <TextInput key="username" source="username" alwaysOn />,
  <SelectInput
    key="success"
    source="success"
    choices={[
      { id: true, name: 'pingyi.common.success' },
      { id: false, name: 'pingyi.common.failure' },
    ]}
    alwaysOn
  />,
  <DateTimeInput key="from" source="from" />,
  <DateTimeInput key="to" source="to" />,
];

/** The mutation's name in the user's language, with the technical name beside it. */
function OperationField() {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const label = translate(`pingyi.operations.${record.operation}`, { _: record.operation });
  return (
    <span>
      {label}
      {label !== record.operation && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {record.operation}
        </Typography>
      )}
    </span>
  );
}

function OutcomeField() {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.success ? (
    <Chip size="small" color="success" variant="outlined" label={translate('pingyi.common.success')} />
  ) : (
    <Chip size="small" color="error" variant="outlined" label={`${translate('pingyi.common.failure')} · ${record.errorCode ?? ''}`} />
  );
}

function pretty(args: string): string {
  try {
    return JSON.stringify(JSON.parse(args), null, 2);
  } catch {
    return args;
  }
}

function ArgumentsPanel() {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, py: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.auditLog.fields.args')} · {translate('resources.auditLog.fields.requestId')} {record.requestId ?? '—'}
      </Typography>
      <Box component="pre" sx={{ m: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {pretty(record.args)}
      </Box>
    </Box>
  );
}

/** Who did what and when, newest first; filtered and paged on the server. Click a row for its arguments. */
export function AuditLogList() {
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false}>
      <DataTable expand={<ArgumentsPanel />} bulkActionButtons={false} rowClick="expand">
        <DataTable.Col source="at">
          <DateField source="at" showTime />
        </DataTable.Col>
        <DataTable.Col source="username" field={TextField} />
        <DataTable.Col source="operation" render={() => <OperationField />} />
        <DataTable.Col source="success" disableSort render={() => <OutcomeField />} />
        <DataTable.Col source="ip" disableSort />
      </DataTable>
    </List>
  );
}
