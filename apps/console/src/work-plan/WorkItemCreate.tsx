import { Create, Edit } from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { WorkItemForm } from './WorkItemInputs';

/** A new work item in the current campaign. */
export function WorkItemCreate() {
  const { campaign } = useCurrentCampaign();
  if (!campaign) return <NoCampaign />;
  return (
    <Create redirect="show" transform={(data: Record<string, unknown>) => ({ ...data, campaignId: campaign.id })}>
      <WorkItemForm />
    </Create>
  );
}

/** Edits a work item's theme, text and lead units (progress is reported on its page). */
export function WorkItemEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <WorkItemForm />
    </Edit>
  );
}
