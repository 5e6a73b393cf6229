import {
  BooleanInput,
  CreateButton,
  DataTable,
  DateField,
  ExportButton,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { type ExportColumn, listExporter } from '../export/list-exporter';
import { useBureauUnits } from './bureau-units';
import { ROLE_CHOICES } from './role-choices';
import { ActiveChip, RoleChips } from './UserFields';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} alwaysOn />,
  <BooleanInput key="active" source="active" />,
];

function Actions() {
  return (
    <TopToolbar>
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

interface UserRow {
  username: string;
  displayName: string | null;
  roles: string[];
  unitCode: string | null;
  active: boolean;
  createdAt: string;
}

const exportColumns = (unitName: (code: string | null) => string): readonly ExportColumn<UserRow>[] => [
  { label: 'resources.users.fields.username', value: (r) => r.username },
  { label: 'resources.users.fields.displayName', value: (r) => r.displayName },
  {
    label: 'resources.users.fields.roles',
    value: (r, translate) => r.roles.map((role) => translate(`pingyi.roles.${role}`)).join('、'),
  },
  { label: 'resources.users.fields.unitCode', value: (r) => unitName(r.unitCode) },
  {
    label: 'resources.users.fields.active',
    value: (r, translate) => translate(r.active ? 'pingyi.common.active' : 'pingyi.common.inactive'),
  },
  { label: 'resources.users.fields.createdAt', value: (r) => new Date(r.createdAt).toLocaleString('sv-SE') },
];

/** Users of the bureau: search, role and status filters, sorted on the server. */
export function UserList() {
  const translate = useTranslate();
  const { nameOf } = useBureauUnits();
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'username', order: 'ASC' }}
      perPage={25}
      exporter={listExporter(exportColumns(nameOf), translate('resources.users.name', { smart_count: 2 }), translate)}
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="roles" disableSort render={() => <RoleChips />} />
        <DataTable.Col source="unitCode" disableSort render={(record: UserRow) => nameOf(record.unitCode)} />
        <DataTable.Col source="active" disableSort render={() => <ActiveChip />} />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
