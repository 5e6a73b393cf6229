import { Edit, Labeled, ListButton, SimpleForm, TextField, TopToolbar } from 'react-admin';
import { ResetPasswordButton, ToggleActiveButton } from './UserActions';
import { ActiveChip } from './UserFields';
import { UserCommonInputs } from './UserInputs';
import { ServerErrorReset } from '../common/ServerErrorReset';

function Actions() {
  return (
    <TopToolbar>
      <ToggleActiveButton />
      <ResetPasswordButton />
      <ListButton />
    </TopToolbar>
  );
}

/** Edits a user's name, roles and unit; activation and password reset are actions beside the form. */
export function UserEdit() {
  return (
    <Edit actions={<Actions />} mutationMode="pessimistic">
      <SimpleForm sx={{ maxWidth: 560 }}>
        <ServerErrorReset />
        <Labeled source="username">
          <TextField source="username" />
        </Labeled>
        <Labeled source="active">
          <ActiveChip />
        </Labeled>
        <UserCommonInputs />
      </SimpleForm>
    </Edit>
  );
}
