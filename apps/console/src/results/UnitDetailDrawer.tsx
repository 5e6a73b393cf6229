import {
  Alert,
  Box,
  Drawer,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { errorCodeOf } from '../data/server-errors';
import { useGraphqlQuery } from '../data/use-graphql';
import { formatScore } from '../common/score';
import { BREAKDOWN, type ShownStanding } from './results.queries';
import { UnitTrendChart } from './UnitTrendChart';

/** Ratings of one unit by level and evaluator group; small cells are withheld by the server and shown as such. */
function BreakdownTable({ campaignId, unitCode }: { campaignId: string; unitCode: string }) {
  const translate = useTranslate();
  const { data, isPending, error } = useGraphqlQuery(['breakdown', campaignId, unitCode], BREAKDOWN, {
    campaignId,
    unitCode,
  });
  if (error) {
    return (
      <Alert severity={errorCodeOf(error) === 'FORBIDDEN' ? 'info' : 'error'} data-testid="breakdown-refused">
        {errorCodeOf(error) === 'FORBIDDEN' ? translate('pingyi.results.breakdown_own_unit') : error.message}
      </Alert>
    );
  }
  if (isPending) return <Typography color="text.secondary">{translate('pingyi.common.loading')}</Typography>;
  const breakdown = data?.breakdown;
  const unit = breakdown?.units.find((u) => u.unitCode === unitCode);
  if (!breakdown || !unit)
    return <Typography color="text.secondary">{translate('pingyi.results.no_breakdown')}</Typography>;
  return (
    <>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" data-testid="breakdown">
          <TableHead>
            <TableRow>
              <TableCell>{translate('pingyi.results.group')}</TableCell>
              <TableCell align="right">{translate('pingyi.results.ballots')}</TableCell>
              {breakdown.levels.map((level) => (
                <TableCell key={level.code} align="right">
                  {level.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {unit.groups.map((group) => (
              <TableRow key={group.groupCode}>
                <TableCell>{group.groupLabel}</TableCell>
                {group.suppressed ? (
                  <TableCell
                    colSpan={breakdown.levels.length + 1}
                    align="center"
                    sx={{ color: 'text.secondary', fontStyle: 'italic' }}
                  >
                    <Tooltip
                      title={translate(`pingyi.results.suppression.${group.suppression ?? 'smallCell'}`, {
                        k: breakdown.smallCellK,
                      })}
                    >
                      <span>
                        {translate(
                          group.suppression === 'complementary'
                            ? 'pingyi.results.suppressed_complementary'
                            : 'pingyi.results.suppressed',
                          { k: breakdown.smallCellK },
                        )}
                      </span>
                    </Tooltip>
                  </TableCell>
                ) : (
                  <>
                    <TableCell align="right">{group.ballots}</TableCell>
                    {(group.counts ?? []).map((count, i) => (
                      <TableCell key={i} align="right">
                        {count}
                      </TableCell>
                    ))}
                  </>
                )}
              </TableRow>
            ))}
            <TableRow sx={{ '& td': { fontWeight: 600 } }}>
              <TableCell>{translate('pingyi.results.all_groups')}</TableCell>
              <TableCell align="right">{unit.ballots}</TableCell>
              {unit.counts.map((count, i) => (
                <TableCell key={i} align="right">
                  {count}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('pingyi.results.small_cells_note', { k: breakdown.smallCellK })}
      </Typography>
    </>
  );
}

/** How the score was reached: the strategy's explanation and its steps (withheld when they would reveal a small cell). */
function Explanation({ standing }: { standing: ShownStanding }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const zh = locale !== 'en';
  const { canAccess: canSeeLive } = useCanAccess({ resource: 'results', action: 'live' });
  const explanation = standing.explanation;
  if (!explanation) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate(canSeeLive ? 'pingyi.results.explanation_live_only' : 'pingyi.results.explanation_published_only')}
      </Typography>
    );
  }
  return (
    <Box data-testid="explanation">
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {zh ? explanation.textZh : explanation.textEn}
      </Typography>
      {!standing.valid && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {(zh ? explanation.reasonZh : explanation.reasonEn) ?? translate('pingyi.results.invalid')}
        </Alert>
      )}
      {explanation.stepsWithheld ? (
        <Typography variant="caption" color="text.secondary">
          {translate('pingyi.results.steps_withheld')}
        </Typography>
      ) : (
        <Table size="small" sx={{ mt: 1 }}>
          <TableBody>
            {explanation.steps.map((step, i) => (
              <TableRow key={i}>
                <TableCell>{zh ? step.labelZh : step.labelEn}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{step.expression}</TableCell>
                <TableCell align="right">
                  {step.exact === false ? '≈ ' : ''}
                  {step.value ?? ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

/** A unit's result in a side panel: score, rank and tier, the ratings by level and group, and the explanation. */
export function UnitDetailDrawer({
  campaignId,
  standing,
  decimals,
  max,
  onClose,
}: {
  campaignId: string;
  standing: ShownStanding | null;
  decimals: number;
  max?: number | null;
  onClose: () => void;
}) {
  const translate = useTranslate();
  return (
    <Drawer
      anchor="right"
      aria-label={standing ? (standing.unitName ?? standing.unitCode) : undefined}
      open={!!standing}
      onClose={onClose}
      PaperProps={{ sx: { width: { xs: '100%', md: 720 }, p: 3 } }}
    >
      {standing && (
        <Stack spacing={3}>
          <Stack direction="row" sx={{ alignItems: 'center' }}>
            <Typography variant="h5" sx={{ flex: 1 }}>
              {standing.unitName ?? standing.unitCode}
            </Typography>
            <IconButton onClick={onClose} aria-label={translate('ra.action.close')}>
              <CloseIcon />
            </IconButton>
          </Stack>
          <Typography variant="h6" color="primary">
            {standing.valid
              ? standing.series && standing.overallRank != null && standing.overallRank !== standing.rank
                ? translate('pingyi.results.unit_headline_series', {
                    score: formatScore(standing.score, decimals),
                    series: standing.seriesLabel ?? standing.series,
                    rank: standing.rank ?? '—',
                    overall: standing.overallRank,
                    tier: standing.tierLabel ?? standing.tier ?? '—',
                  })
                : translate('pingyi.results.unit_headline', {
                    score: formatScore(standing.score, decimals),
                    rank: standing.rank ?? '—',
                    tier: standing.tierLabel ?? standing.tier ?? '—',
                  })
              : translate('pingyi.results.invalid')}
          </Typography>
          <Box>
            <Typography variant="subtitle1">{translate('pingyi.results.explanation')}</Typography>
            <Explanation standing={standing} />
          </Box>
          <Box>
            <Typography variant="subtitle1">{translate('pingyi.results.breakdown')}</Typography>
            <BreakdownTable campaignId={campaignId} unitCode={standing.unitCode} />
          </Box>
          <Box>
            <Typography variant="subtitle1">{translate('pingyi.results.trend')}</Typography>
            <UnitTrendChart unitCode={standing.unitCode} max={max} />
          </Box>
        </Stack>
      )}
    </Drawer>
  );
}
