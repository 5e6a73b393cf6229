import { Create, minLength, PasswordInput, required, SimpleForm, TextInput } from 'react-admin';
import { UserCommonInputs } from './UserInputs';
import { ServerErrorReset } from '../common/ServerErrorReset';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const validUsername = (value: unknown) =>
  typeof value === 'string' && !USERNAME.test(value.trim()) ? 'resources.users.help.username' : undefined;

/** Creates a user; the server's answer (username taken, bad unit) shows next to the field. */
export function UserCreate() {
  return (
    <Create redirect="list" mutationMode="pessimistic">
      <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ roles: [] }}>
        <ServerErrorReset />
        <TextInput
          source="username"
          validate={[required(), validUsername]}
          helperText="resources.users.help.username"
          fullWidth
          autoComplete="off"
        />
        <PasswordInput
          source="password"
          validate={[required(), minLength(12)]}
          helperText="resources.users.help.password"
          fullWidth
          autoComplete="new-password"
        />
        <UserCommonInputs />
      </SimpleForm>
    </Create>
  );
}
