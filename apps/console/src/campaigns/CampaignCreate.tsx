import { Create, Loading, useGetList } from 'react-admin';
import { type CampaignRecord, newCampaignDefaults } from './campaign-values';
import { CampaignForm } from './CampaignForm';

/** A new campaign, prefilled from the latest one a year later (or the seed plan's phases and scale). */
export function CampaignCreate() {
  const { data, isPending } = useGetList<CampaignRecord>('campaigns', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'year', order: 'DESC' },
  });
  if (isPending) return <Loading />;
  const latest = data?.[0];
  const year = latest ? latest.year + 1 : new Date().getFullYear();
  return (
    <Create redirect="show" record={newCampaignDefaults(year, latest)}>
      <CampaignForm />
    </Create>
  );
}
