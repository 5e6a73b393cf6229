import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import { Loading, Title, useCanAccess, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { PhaseTimeline } from '../campaigns/PhaseTimeline';
import { HomePage } from '../home/HomePage';
import { ProgressBar } from '../common/ProgressField';
import { useGraphqlQuery } from '../data/use-graphql';
import { WORK_PLAN_SUMMARY } from '../work-plan/work-plan.queries';
import { DashboardCard, ParticipationCard, RectificationCard, ResultsGlanceCard } from './DashboardCards';

function WorkPlanCard({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['workPlanSummary', campaignId], WORK_PLAN_SUMMARY, { campaignId });
  const overall = data?.workPlanSummary.overall;
  return (
    <DashboardCard title="pingyi.dashboard.work_plan" to="/workItems">
      {overall && (
        <>
          <ProgressBar value={overall.meanProgress} width="100%" />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('resources.workItems.summary', {
              total: overall.total,
              completed: overall.completed,
              inProgress: overall.inProgress,
              notStarted: overall.notStarted,
            })}
          </Typography>
        </>
      )}
    </DashboardCard>
  );
}

/**
 * The dashboard: the campaign's phases with today and days left, then what
 * each role follows: participation against quotas, results at a glance, the
 * rectification rate with overdue, due-soon and supervised items, the work plan.
 */
export function DashboardPage() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { campaign, isPending } = useCurrentCampaign();
  const { canAccess: seesLive } = useCanAccess({ resource: 'results', action: 'live' });
  const { data: units } = useGetList(
    'units',
    {
      pagination: { page: 1, perPage: 500 },
      sort: { field: 'sortOrder', order: 'ASC' },
      filter: { campaignId: campaign?.id },
    },
    { enabled: !!campaign },
  );
  if (isPending) return <Loading />;
  if (!campaign) return <HomePage />;
  const unitNames = new Map((units ?? []).map((unit) => [String(unit.id), String(unit.name)]));
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="pingyi.menu.dashboard" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6">{campaign.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('pingyi.home.welcome', { name: identity?.fullName ?? '' })}
          </Typography>
          <PhaseTimeline phases={campaign.phases} timeZone={campaign.timeZone} />
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        {seesLive && (
          <Grid size={{ xs: 12, md: 6, xl: 4 }}>
            <ParticipationCard campaignId={campaign.id} />
          </Grid>
        )}
        {seesLive && (
          <Grid size={{ xs: 12, md: 6, xl: 4 }}>
            <ResultsGlanceCard campaignId={campaign.id} />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: seesLive ? 12 : 7, xl: seesLive ? 4 : 7 }}>
          <RectificationCard campaignId={campaign.id} unitNames={unitNames} />
        </Grid>
        <Grid size={{ xs: 12, md: seesLive ? 6 : 5, xl: seesLive ? 4 : 5 }}>
          <WorkPlanCard campaignId={campaign.id} />
        </Grid>
      </Grid>
    </Box>
  );
}
