import { Card, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { Loading, ResourceContextProvider, Title, usePermissions, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/auth-provider';
import { canAccess, hasRole } from '../auth/permissions';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { AppraisalOfficePanel, LeadingGroupPanel } from './LeadershipPanels';
import { UnitPlansPanel } from './UnitPlansPanel';
import { UnitsPanel } from './UnitsPanel';

/** Organization (组织机构): the unit tree, the leading group and office, and the units' own plans. */
export function OrganizationPage() {
  const translate = useTranslate();
  const { campaign, isPending } = useCurrentCampaign();
  const { permissions } = usePermissions<Permissions>();
  const [tab, setTab] = useState('units');
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  const user = permissions ? { roles: permissions.roles } : null;
  const canEdit = canAccess(user, 'organization', 'edit');
  const canFileFor = (unitCode: string) =>
    hasRole(user, 'office', 'admin') || (hasRole(user, 'liaison') && permissions?.unitCode === unitCode);
  // Forms of this page label their inputs from resources.units.fields.*
  return (
    <ResourceContextProvider value="units">
      <Card sx={{ mt: 2 }}>
        <Title title="pingyi.menu.organization" />
        <Tabs
          value={tab}
          onChange={(_event, value: string) => setTab(value)}
          sx={{ borderBottom: 1, borderColor: 'divider', px: 2 }}
        >
          <Tab value="units" label={translate('pingyi.organization.tabs.units')} />
          <Tab value="leaders" label={translate('pingyi.organization.tabs.leaders')} />
          <Tab value="plans" label={translate('pingyi.organization.tabs.plans')} />
        </Tabs>
        {tab === 'units' && <UnitsPanel campaignId={campaign.id} canEdit={canEdit} />}
        {tab === 'leaders' && (
          <>
            <LeadingGroupPanel campaignId={campaign.id} canEdit={canEdit} />
            <AppraisalOfficePanel campaignId={campaign.id} canEdit={canEdit} />
          </>
        )}
        {tab === 'plans' && <UnitPlansPanel campaignId={campaign.id} canFileFor={canFileFor} />}
      </Card>
    </ResourceContextProvider>
  );
}
