import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { ProgressBar } from '../common/ProgressField';
import { decimalsOf, formatScore } from '../common/score';
import { useGraphqlQuery } from '../data/use-graphql';
import {
  type DashboardFigures,
  type GlanceStanding,
  PARTICIPATION,
  RECTIFICATION_DASHBOARD,
  STANDINGS_GLANCE,
} from './dashboard.queries';

/** A dashboard card with a title and an optional link to the full page. */
export function DashboardCard({
  title,
  to,
  children,
  testId,
}: {
  title: string;
  to?: string;
  children: ReactNode;
  testId?: string;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardHeader
        title={translate(title)}
        titleTypographyProps={{ variant: 'subtitle1', fontWeight: 600 }}
        action={
          to ? (
            <Typography
              component={Link}
              to={to}
              variant="body2"
              sx={{ textDecoration: 'none', color: 'primary.main', mr: 1 }}
            >
              {translate('pingyi.dashboard.more')}
            </Typography>
          ) : undefined
        }
        sx={{ pb: 0 }}
      />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** Ballots per evaluator group against its quota. */
export function ParticipationCard({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['participation', campaignId], PARTICIPATION, {
    campaignId,
  });
  const participation = data?.participation;
  return (
    <DashboardCard title="pingyi.dashboard.participation" testId="participation">
      {participation && (
        <Stack spacing={1}>
          <Typography variant="body2" color="text.secondary">
            {translate('pingyi.dashboard.participation_total', {
              ballots: participation.ballots.toLocaleString(),
              quota: participation.quota.toLocaleString(),
              opinions: participation.opinions.toLocaleString(),
            })}
          </Typography>
          {participation.groups.map((group) => (
            <Box key={group.code}>
              <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
                <Typography variant="body2">{group.label}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {group.ballots.toLocaleString()} / {group.quota.toLocaleString()}
                  {group.paper > 0 ? ` · ${translate('pingyi.dashboard.paper_n', { n: group.paper })}` : ''}
                </Typography>
              </Stack>
              <ProgressBar value={group.rate} width="100%" />
            </Box>
          ))}
        </Stack>
      )}
    </DashboardCard>
  );
}

/** Top and bottom units and how many units are in each tier. */
export function ResultsGlanceCard({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['standings-glance', campaignId], STANDINGS_GLANCE, { campaignId });
  const valid = (data?.standings.standings ?? []).filter((s) => s.valid);
  const decimals = decimalsOf(data?.standings.policyJson);
  const tiers = new Map<string, number>();
  for (const standing of valid)
    tiers.set(
      standing.tierLabel ?? standing.tier ?? '—',
      (tiers.get(standing.tierLabel ?? standing.tier ?? '—') ?? 0) + 1,
    );
  const row = (s: GlanceStanding) => (
    <TableRow key={s.unitCode}>
      <TableCell sx={{ width: 40, pl: 0 }}>{s.rank}</TableCell>
      <TableCell>{s.unitName ?? s.unitCode}</TableCell>
      <TableCell align="right" sx={{ fontWeight: 600, pr: 0 }}>
        {formatScore(s.score, decimals)}
      </TableCell>
    </TableRow>
  );
  return (
    <DashboardCard title="pingyi.dashboard.results" to="/results" testId="results-glance">
      {!valid.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('pingyi.dashboard.no_results')}
        </Typography>
      ) : (
        <>
          <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 1 }}>
            {[...tiers].map(([tier, count]) => (
              <Chip key={tier} size="small" variant="outlined" label={`${tier} ${count}`} />
            ))}
          </Stack>
          <Typography variant="caption" color="text.secondary">
            {translate('pingyi.dashboard.top')}
          </Typography>
          <Table size="small">
            <TableBody>{valid.slice(0, 3).map(row)}</TableBody>
          </Table>
          {valid.length > 3 && (
            <>
              <Typography variant="caption" color="text.secondary" sx={{ mt: 1, display: 'block' }}>
                {translate('pingyi.dashboard.bottom')}
              </Typography>
              <Table size="small">
                <TableBody>{valid.slice(Math.max(3, valid.length - 3)).map(row)}</TableBody>
              </Table>
            </>
          )}
        </>
      )}
    </DashboardCard>
  );
}

function Figure({
  label,
  value,
  tone,
  to,
}: {
  label: string;
  value: number | string;
  tone?: 'error' | 'warning' | 'info';
  to?: string;
}) {
  const translate = useTranslate();
  const body = (
    <Box sx={{ textAlign: 'center', minWidth: 88 }}>
      <Typography
        variant="h5"
        sx={{ color: tone && Number(value) > 0 ? `${tone}.main` : 'text.primary', fontWeight: 600 }}
      >
        {value}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
    </Box>
  );
  return to ? (
    <Box component={Link} to={to} sx={{ textDecoration: 'none' }}>
      {body}
    </Box>
  ) : (
    body
  );
}

const listLink = (filter: Record<string, unknown>) =>
  `/rectificationItems?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** The rectification rate overall and per unit; overdue, due-soon and supervised items; look-backs due. */
export function RectificationCard({ campaignId, unitNames }: { campaignId: string; unitNames: Map<string, string> }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['rectificationDashboard', campaignId], RECTIFICATION_DASHBOARD, { campaignId });
  const dashboard = data?.rectificationDashboard;
  const overall: DashboardFigures | undefined = dashboard?.overall;
  const byUnit = [...(dashboard?.byUnit ?? [])].sort((a, b) => (a.rate ?? -1) - (b.rate ?? -1));
  return (
    <DashboardCard title="pingyi.dashboard.rectification" to="/rectificationItems" testId="rectification-glance">
      {overall && (
        <>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 2 }}>
            <Typography variant="body2">{translate('pingyi.dashboard.rate')}</Typography>
            <ProgressBar share={overall.rate} width={260} />
            <Typography variant="caption" color="text.secondary">
              {translate('pingyi.dashboard.closed_of', { closed: overall.closed, total: overall.items })}
            </Typography>
          </Stack>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 2 }}>
            <Figure
              label="pingyi.dashboard.overdue"
              value={overall.overdue}
              tone="error"
              to={listLink({ overdue: true })}
            />
            <Figure
              label="pingyi.dashboard.due_soon"
              value={overall.dueSoon}
              tone="warning"
              to={listLink({ dueWithinDays: 3 })}
            />
            <Figure
              label="pingyi.dashboard.supervised"
              value={overall.supervised}
              tone="info"
              to={listLink({ supervised: true })}
            />
            <Figure label="pingyi.dashboard.reports_due" value={overall.supervisionReportsDue} tone="warning" />
            <Figure label="pingyi.dashboard.look_backs_due" value={overall.lookBacksDue} tone="warning" />
          </Stack>
          {byUnit.length > 0 && (
            <Table size="small">
              <TableBody>
                {byUnit.slice(0, 8).map((unit) => (
                  <TableRow key={unit.unitCode}>
                    <TableCell sx={{ pl: 0 }}>{unitNames.get(unit.unitCode) ?? unit.unitCode}</TableCell>
                    <TableCell sx={{ width: 200 }}>
                      <ProgressBar share={unit.rate} width={180} />
                    </TableCell>
                    <TableCell align="right" sx={{ color: unit.overdue ? 'error.main' : 'text.secondary', pr: 0 }}>
                      {unit.overdue ? translate('pingyi.dashboard.overdue_n', { n: unit.overdue }) : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </DashboardCard>
  );
}
