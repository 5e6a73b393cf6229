import DownloadIcon from '@mui/icons-material/Download';
import PublishIcon from '@mui/icons-material/Publish';
import TuneIcon from '@mui/icons-material/Tune';
import { Alert, Box, Card, CardContent, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { Button, Confirm, Loading, Title, useCanAccess, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { downloadCsv, downloadXlsx } from '../export/download';
import { decimalsOf, scaleMaxOf } from '../common/score';
import { ComparisonTable } from './ComparisonTable';
import { LevelDistributionChart } from './LevelDistributionChart';
import { GroupResponsesTable } from './GroupResponsesTable';
import { RankingTable } from './RankingTable';
import {
  COMPARE,
  PUBLISH_RESULTS,
  PUBLISHED_RESULTS,
  type ResultSnapshot,
  SCORING_STRATEGIES,
  type CampaignStandings,
  type ShownStanding,
  STANDINGS_QUERY,
} from './results.queries';
import { rankingRows, rankingSheet } from './standings-table';
import { UnitDetailDrawer } from './UnitDetailDrawer';
import { PhaseGate } from '../phase-gate';
import { DocumentButtons } from '../documents/DocumentButtons';

// the chart is its own chunk: a leader who only reads the table never downloads it
const ScoreBarChart = lazy(() => import('./ScoreBarChart'));

/** Results (得分与排名): ranking, bar chart, per-unit breakdown and explanation, publish, export, comparison. */
export default function ResultsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { campaign, isPending } = useCurrentCampaign();
  const campaignId = campaign?.id;
  const { canAccess: canPublish } = useCanAccess({ resource: 'results', action: 'publish' });
  const { canAccess: canEditPolicy } = useCanAccess({ resource: 'policy', action: 'access' });
  const { canAccess: canIssueNotice } = useCanAccess({ resource: 'documents', action: 'results' });
  // undefined while access is checked: only a plain true asks for the live standings
  const canSeeLive = useCanAccess({ resource: 'results', action: 'live' }).canAccess === true;
  const [source, setSource] = useState<string>('live');
  const [tab, setTab] = useState('ranking');
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const live = useGraphqlQuery(
    ['standings', campaignId],
    STANDINGS_QUERY,
    { campaignId: campaignId ?? '' },
    !!campaignId && canSeeLive,
  );
  const published = useGraphqlQuery(
    ['publishedResults', campaignId],
    PUBLISHED_RESULTS,
    { campaignId: campaignId ?? '' },
    !!campaignId,
  );
  const comparison = useGraphqlQuery(
    ['compare', campaignId],
    COMPARE,
    { campaignId: campaignId ?? '' },
    !!campaignId && canSeeLive,
  );
  const strategies = useGraphqlQuery(['strategies'], SCORING_STRATEGIES, {});
  const publish = useGraphqlMutation(PUBLISH_RESULTS, {
    invalidate: [
      ['publishedResults', campaignId],
      ['compare', campaignId],
    ],
    successMessage: 'pingyi.results.published',
  });
  if (isPending) return <Loading />;
  if (!campaign || !campaignId) return <NoCampaign />;

  const snapshots = published.data?.publishedResults ?? [];
  const effectiveSource = canSeeLive ? source : (snapshots[0]?.id ?? 'none');
  const shown: CampaignStandings | ResultSnapshot | undefined =
    effectiveSource === 'live' ? live.data?.standings : snapshots.find((s) => s.id === effectiveSource);
  const strategy = strategies.data?.scoringStrategies.find((s) => s.code === shown?.strategyCode);
  const standings: readonly ShownStanding[] = shown?.standings ?? [];
  const selectedStanding = standings.find((s) => s.unitCode === selected) ?? null;
  const decimals = decimalsOf(shown?.policyJson ?? campaign.policyJson);
  // the axis ends at the strategy's maximum, else at the scale's best level (a weighted mean of points)
  const scoreMax = strategy?.rangeMax ?? scaleMaxOf(shown?.policyJson ?? campaign.policyJson);
  const levels = standings[0]?.rates?.map(({ level, label }) => ({ level, label })) ?? [];
  const sheet = () =>
    rankingSheet(rankingRows(standings), levels, {
      rank: translate(shown?.rankWithin === 'series' ? 'pingyi.results.rank_in_series' : 'pingyi.results.rank'),
      unit: translate('pingyi.results.unit'),
      code: translate('pingyi.results.unit_code'),
      score: translate('pingyi.results.score'),
      tier: translate('pingyi.results.tier'),
      ballots: translate('pingyi.results.ballots'),
      counted: translate('pingyi.results.counted'),
      rate: (label) => translate('pingyi.results.rate_of', { level: label }),
      ...(shown?.rankWithin === 'series'
        ? { series: translate('pingyi.results.series'), overallRank: translate('pingyi.results.overall_rank') }
        : {}),
      responseRate: translate('pingyi.results.response_rate'),
      consecutive: translate('pingyi.results.consecutive_export'),
      consecutiveMark: translate('pingyi.results.consecutive'),
    });
  const filename = `${campaign.name}-${translate('pingyi.menu.results')}`;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="pingyi.menu.results" />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <TextField
              select
              size="small"
              label={translate('pingyi.results.source')}
              value={effectiveSource}
              onChange={(event) => setSource(event.target.value)}
              sx={{ minWidth: 260, maxWidth: 360, flex: '0 0 auto' }}
            >
              {canSeeLive && <MenuItem value="live">{translate('pingyi.results.live')}</MenuItem>}
              {snapshots.map((snapshot) => (
                <MenuItem key={snapshot.id} value={snapshot.id}>
                  {translate('pingyi.results.published_on', {
                    date: new Date(snapshot.publishedAt).toLocaleString(locale === 'en' ? 'en' : 'zh-CN'),
                    by: snapshot.publishedBy,
                  })}
                </MenuItem>
              ))}
              {!canSeeLive && !snapshots.length && (
                <MenuItem value="none">{translate('pingyi.results.nothing_published')}</MenuItem>
              )}
            </TextField>
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
              {shown &&
                translate('pingyi.results.summary', {
                  strategy: strategy ? (locale === 'en' ? strategy.labelEn : strategy.labelZh) : shown.strategyCode,
                  ratings: shown.ratingCount.toLocaleString(),
                  k: shown.smallCellK,
                })}
            </Typography>
            {canEditPolicy && (
              <Button component={Link} to="/policy" label="pingyi.menu.policy" startIcon={<TuneIcon />} />
            )}
            <Button
              label="pingyi.results.export_xlsx"
              startIcon={<DownloadIcon />}
              disabled={!standings.length}
              onClick={() => void downloadXlsx(sheet(), `${filename}.xlsx`, translate('pingyi.menu.results'))}
            />
            <Button
              label="pingyi.results.export_csv"
              startIcon={<DownloadIcon />}
              disabled={!standings.length}
              onClick={() => downloadCsv(sheet(), `${filename}.csv`)}
            />
            {canIssueNotice && (
              <DocumentButtons
                path={`/documents/${encodeURIComponent(campaignId)}/results-notice`}
                label={snapshots.length ? 'pingyi.documents.results_notice' : 'pingyi.documents.unpublished'}
                disabled={!snapshots.length}
                testId="results-notice"
              />
            )}
            {canPublish && (
              <PhaseGate action="publishStandings">
                <Button
                  variant="contained"
                  label="pingyi.results.publish"
                  startIcon={<PublishIcon />}
                  onClick={() => setConfirming(true)}
                  disabled={!live.data}
                />
              </PhaseGate>
            )}
          </Stack>
        </CardContent>
      </Card>
      <Confirm
        isOpen={confirming}
        title="pingyi.results.publish_title"
        content="pingyi.results.publish_content"
        onConfirm={() => {
          setConfirming(false);
          publish.mutate({ campaignId }, { onError: (error) => notify(error.message, { type: 'error' }) });
        }}
        onClose={() => setConfirming(false)}
      />
      <Card sx={{ mt: 2 }}>
        <Tabs
          value={tab}
          onChange={(_e, value: string) => setTab(value)}
          sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}
        >
          <Tab value="ranking" label={translate('pingyi.results.tabs.ranking')} />
          <Tab value="chart" label={translate('pingyi.results.tabs.chart')} />
          {canSeeLive && <Tab value="distribution" label={translate('pingyi.results.tabs.distribution')} />}
          {canSeeLive && <Tab value="compare" label={translate('pingyi.results.tabs.compare')} />}
        </Tabs>
        <CardContent>
          {[live.error, published.error, comparison.error].filter(Boolean).map((error) => (
            <Alert key={(error as Error).message} severity="error" sx={{ mb: 2 }}>
              {(error as Error).message}
            </Alert>
          ))}
          {!shown && (live.isPending || published.isPending) && <Loading />}
          {shown && !standings.length && <Alert severity="info">{translate('pingyi.results.no_units')}</Alert>}
          {!shown && !live.isPending && !published.isPending && (
            <Alert severity="info">{translate('pingyi.results.nothing_published')}</Alert>
          )}
          {shown && tab === 'ranking' && standings.length > 0 && (
            <>
              <GroupResponsesTable responses={shown.groupResponses ?? []} />
              <RankingTable
                standings={standings}
                policyJson={shown.policyJson}
                rankWithin={shown.rankWithin}
                previousYear={
                  'previousYear' in shown ? shown.previousYear : comparison.data?.compareWithPrevious.previousYear
                }
                comparison={effectiveSource === 'live' ? comparison.data?.compareWithPrevious.units : undefined}
                onSelect={setSelected}
              />
            </>
          )}
          {shown && tab === 'chart' && standings.length > 0 && (
            <Suspense fallback={<Loading />}>
              <ScoreBarChart
                bars={standings.map((s) => ({
                  key: s.unitCode,
                  label: s.unitName ?? s.unitCode,
                  value: s.score,
                  note: s.tierLabel ?? s.tier,
                }))}
                max={scoreMax}
                decimals={decimals}
                onSelect={setSelected}
              />
            </Suspense>
          )}
          {tab === 'distribution' && canSeeLive && <LevelDistributionChart campaignId={campaignId} />}
          {tab === 'compare' && comparison.data && (
            <ComparisonTable comparison={comparison.data.compareWithPrevious} decimals={decimals} />
          )}
        </CardContent>
      </Card>
      <UnitDetailDrawer
        campaignId={campaignId}
        standing={selectedStanding}
        decimals={decimals}
        max={scoreMax}
        onClose={() => setSelected(null)}
      />
    </Box>
  );
}
