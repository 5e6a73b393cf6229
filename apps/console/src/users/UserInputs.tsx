import { CheckboxGroupInput, FormDataConsumer, required, SelectInput, TextInput } from 'react-admin';
import { useBureauUnits } from './bureau-units';
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
        {({ formData }) => (formData.roles?.includes('liaison') ? <UnitPicker /> : null)}
      </FormDataConsumer>
    </>
  );
}

/** A liaison's unit, chosen among the bureau's units by name (never typed as a code). */
function UnitPicker() {
  const { units, isLoading } = useBureauUnits();
  return (
    <SelectInput
      source="unitCode"
      choices={units.map((unit) => ({ id: unit.code, name: unit.name }))}
      validate={requiredForLiaison}
      isLoading={isLoading}
      helperText={!isLoading && units.length === 0 ? 'resources.users.help.noUnits' : 'resources.users.help.unitCode'}
      fullWidth
    />
  );
}
