import { BooleanInput, CreateButton, DataTable, DateField, ExportButton, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
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

/** Users of the bureau: search, role and status filters, sorted on the server. */
export function UserList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'username', order: 'ASC' }} perPage={25}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="roles" disableSort render={() => <RoleChips />} />
        <DataTable.Col source="unitCode" disableSort />
        <DataTable.Col source="active" disableSort render={() => <ActiveChip />} />
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
