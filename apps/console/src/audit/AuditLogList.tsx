import { Box, Chip, Typography } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  DateTimeInput,
  List,
  SelectInput,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { zh } from '../i18n/zh';
import { type AuditChange, AuditChanges } from './AuditChanges';

interface AuditRecord {
  id: string;
  operation: string;
  args: string;
  success: boolean;
  errorCode: string | null;
  requestId: string | null;
  reason?: string | null;
  changes?: AuditChange[];
}

// Every operation the audit log records has a name in the catalogs (i18n.spec.ts keeps both languages in step).
const OPERATION_CHOICES = Object.keys(zh.pingyi.operations).map((code) => ({
  id: code,
  name: `pingyi.operations.${code}`,
}));

/** The operation filter offers operations by their names: typing 登录 finds the sign-ins. */
function OperationFilter(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const choices = OPERATION_CHOICES.map((choice) => ({ id: choice.id, name: translate(choice.name) })).sort((a, b) =>
    a.name.localeCompare(b.name, 'zh-CN'),
  );
  return <AutocompleteInput {...props} choices={choices} translateChoice={false} sx={{ minWidth: 240 }} />;
}

const filters = [
  <OperationFilter key="operation" source="operation" alwaysOn />,
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

/** The operation's name in the user's language (every operation has one: see the operations catalog). */
function OperationField() {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <span>{translate(`pingyi.operations.${record.operation}`, { _: translate('pingyi.audit.other_operation') })}</span>
  );
}

function OutcomeField() {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return record.success ? (
    <Chip size="small" color="success" variant="outlined" label={translate('pingyi.common.success')} />
  ) : (
    <Chip
      size="small"
      color="error"
      variant="outlined"
      label={
        record.errorCode
          ? `${translate('pingyi.common.failure')} · ${translate(`pingyi.error_names.${record.errorCode}`, { _: translate('pingyi.audit.other_error') })}`
          : translate('pingyi.common.failure')
      }
    />
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
      <AuditChanges changes={record.changes ?? []} reason={record.reason ?? null} />
      <Typography variant="caption" color="text.secondary">
        {translate('resources.auditLog.fields.args')} · {translate('resources.auditLog.fields.requestId')}{' '}
        {record.requestId ?? '—'}
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
