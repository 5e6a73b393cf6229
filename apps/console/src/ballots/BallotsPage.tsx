import { Box, Card, Grid, Tab, Tabs } from '@mui/material';
import { useEffect, useState } from 'react';
import { Loading, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { ParticipationCard } from '../dashboard/DashboardCards';
import { AccessCodesPanel } from './AccessCodesPanel';
import { PaperBatchesPanel } from './PaperBatchesPanel';
import { OpenToday } from '../phase-gate';
import { GroupContactsPanel } from '../documents/GroupContactsPanel';
import { PrintRunsPanel } from '../paper-scan/PrintRunsPanel';

const TABS = ['codes', 'print', 'paper', 'participation', 'contacts'];

/** Ballots (评议表): access codes, paper batches and participation against quotas. */
export default function BallotsPage() {
  const translate = useTranslate();
  const { campaign, isPending } = useCurrentCampaign();
  // `?tab=paper&batch=<id>`: the way back from a scanned batch's review and transcription screens
  const [params] = useSearchParams();
  const wanted = params.get('tab');
  const [tab, setTab] = useState(() => (wanted && TABS.includes(wanted) ? wanted : 'codes'));
  useEffect(() => {
    if (wanted && TABS.includes(wanted)) setTab(wanted);
  }, [wanted]);
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  return (
    <ResourceContextProvider value="ballots">
      <Card sx={{ mt: 2 }}>
        <Title title="pingyi.menu.ballots" />
        <Tabs
          value={tab}
          onChange={(_e, value: string) => setTab(value)}
          sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          <Tab value="codes" label={translate('pingyi.ballots.tabs.codes')} />
          <Tab value="print" label={translate('pingyi.print.tab')} data-testid="tab-print" />
          <Tab value="paper" label={translate('pingyi.ballots.tabs.paper')} />
          <Tab value="participation" label={translate('pingyi.ballots.tabs.participation')} />
          <Tab value="contacts" label={translate('pingyi.contacts.tab')} data-testid="tab-contacts" />
        </Tabs>
        {(tab === 'codes' || tab === 'paper') && (
          <Box sx={{ px: 2, pt: 2 }}>
            <OpenToday actions={tab === 'codes' ? ['issueAccessCodes'] : ['importPaperBallots']} />
          </Box>
        )}
        {tab === 'codes' && <AccessCodesPanel campaign={campaign} />}
        {tab === 'print' && <PrintRunsPanel campaign={campaign} />}
        {tab === 'paper' && <PaperBatchesPanel campaign={campaign} initialBatch={params.get('batch')} />}
        {tab === 'contacts' && <GroupContactsPanel campaignId={campaign.id} />}
        {tab === 'participation' && (
          <Box sx={{ p: 2 }}>
            <Grid container>
              <Grid size={{ xs: 12, md: 8 }}>
                <ParticipationCard campaignId={campaign.id} />
              </Grid>
            </Grid>
          </Box>
        )}
      </Card>
    </ResourceContextProvider>
  );
}
