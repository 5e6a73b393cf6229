import { CheckboxGroupInput, FormDataConsumer, required, TextInput } from 'react-admin';
import { ROLE_CHOICES } from './role-choices';

const requiredForLiaison = (value: unknown, values: { roles?: string[] }) =>
  values.roles?.includes('liaison') && !value ? 'ra.validation.required' : undefined;

/** Name, roles and, for a liaison, the unit: shared by the create and edit forms. */
export function UserCommonInputs() {
  return (
    <>
      <TextInput source="displayName" validate={required()} fullWidth />
      <CheckboxGroupInput source="roles" choices={ROLE_CHOICES} validate={required()} />
      <FormDataConsumer<{ roles?: string[] }>>
        {({ formData }) =>
          formData.roles?.includes('liaison') ? (
            <TextInput source="unitCode" validate={requiredForLiaison} helperText="resources.users.help.unitCode" fullWidth />
          ) : null
        }
      </FormDataConsumer>
    </>
  );
}
