import { Edit, ShowButton, TopToolbar } from 'react-admin';
import { CampaignForm } from './CampaignForm';

function Actions() {
  return (
    <TopToolbar>
      <ShowButton />
    </TopToolbar>
  );
}

/** Edits a campaign; the server checks the calendar, texts, groups and policy and names the field at fault. */
export function CampaignEdit() {
  return (
    <Edit mutationMode="pessimistic" actions={<Actions />} redirect="show">
      <CampaignForm />
    </Edit>
  );
}
