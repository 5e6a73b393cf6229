import {
  AutocompleteArrayInput,
  BooleanInput,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { ServerErrorReset } from '../common/ServerErrorReset';

/** The work item form: theme, number, text, lead units (shared by create and edit). */
export function WorkItemForm() {
  return (
    <SimpleForm sx={{ maxWidth: 900 }}>
      <ServerErrorReset />
      <ReferenceInput source="themeCode" reference="themes" sort={{ field: 'number', order: 'ASC' }}>
        <SelectInput optionText="label" validate={required()} />
      </ReferenceInput>
      <NumberInput source="number" validate={[required(), minValue(1)]} />
      <TextInput source="title" />
      <TextInput source="text" validate={required()} multiline minRows={4} />
      <ReferenceArrayInput source="leadUnitCodes" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
        <AutocompleteArrayInput optionText="name" validate={required()} />
      </ReferenceArrayInput>
      <BooleanInput source="elided" helperText="resources.workItems.help.elided" />
    </SimpleForm>
  );
}
