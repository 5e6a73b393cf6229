import {
  CheckboxGroupInput,
  Create,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { ServerErrorReset } from '../common/ServerErrorReset';
import { useItemOptionText } from './item-label';

const SOURCES = ['opinion', 'cityFeedback', 'gapCheck', 'inspectionFinding'].map((id) => ({
  id,
  name: `pingyi.rectification.sources.${id}`,
}));

/** 立项: opens a rectification item for a responsible unit. */
export function RectificationCreate() {
  const { campaign } = useCurrentCampaign();
  const itemText = useItemOptionText();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <SimpleForm sx={{ maxWidth: 860 }}>
        <ServerErrorReset />
        <TextInput source="title" validate={required()} />
        <ReferenceInput source="unitCode" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="description" multiline minRows={4} />
        <CheckboxGroupInput source="sourceTypes" choices={SOURCES} />
        <TextInput source="sourceNote" />
        <ReferenceInput
          source="parentId"
          reference="rectificationItems"
          filter={{ campaignId: campaign.id, topLevelOnly: true }}
        >
          <SelectInput optionText={itemText} />
        </ReferenceInput>
        <NumberInput source="weight" helperText="resources.rectificationItems.help.weight" />
      </SimpleForm>
    </Create>
  );
}
