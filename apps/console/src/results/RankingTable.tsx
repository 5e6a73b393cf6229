import { Chip, Link, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatPercent } from '../common/percent';
import { decimalsOf, formatScore } from '../common/score';
import { type ShownStanding, type UnitComparison } from './results.queries';
import { tierIndex, TierChip } from './TierChip';

/** A rank change as ▲2 / ▼1 / –. */
export function RankChange({ change }: { change: number | null | undefined }) {
  if (change === null || change === undefined)
    return (
      <Typography variant="caption" color="text.secondary">
        —
      </Typography>
    );
  if (change === 0)
    return (
      <Typography variant="caption" color="text.secondary">
        ＝
      </Typography>
    );
  return (
    <Typography variant="caption" sx={{ color: change > 0 ? 'success.main' : 'error.main', fontWeight: 600 }}>
      {change > 0 ? `▲${change}` : `▼${-change}`}
    </Typography>
  );
}

/**
 * The ranking: (series,) rank, (overall rank,) unit, score, response rate, tier with the
 * consecutive-year mark, change against the previous campaign, votes and the rate of each level.
 */
export function RankingTable({
  standings,
  policyJson,
  comparison,
  rankWithin,
  previousYear,
  onSelect,
}: {
  standings: readonly ShownStanding[];
  policyJson: string;
  comparison?: readonly UnitComparison[];
  rankWithin?: string;
  previousYear?: number | null;
  onSelect: (unitCode: string) => void;
}) {
  const translate = useTranslate();
  const bySeries = rankWithin === 'series';
  const levels = standings[0]?.rates ?? [];
  const decimals = decimalsOf(policyJson);
  const change = new Map((comparison ?? []).map((row) => [row.unitCode, row.rankChange]));
  return (
    <Table size="small" stickyHeader data-testid="ranking">
      <TableHead>
        <TableRow>
          {bySeries && <TableCell>{translate('pingyi.results.series')}</TableCell>}
          <TableCell>{translate(bySeries ? 'pingyi.results.rank_in_series' : 'pingyi.results.rank')}</TableCell>
          {bySeries && <TableCell>{translate('pingyi.results.overall_rank')}</TableCell>}
          <TableCell>{translate('pingyi.results.unit')}</TableCell>
          <TableCell align="right">{translate('pingyi.results.score')}</TableCell>
          <TableCell align="right">{translate('pingyi.results.response_rate')}</TableCell>
          <TableCell>{translate('pingyi.results.tier')}</TableCell>
          {comparison && <TableCell>{translate('pingyi.results.vs_previous')}</TableCell>}
          <TableCell align="right">{translate('pingyi.results.counted_of_ballots')}</TableCell>
          {levels.map((level) => (
            <TableCell key={level.level} align="right">
              {level.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {standings.map((standing) => (
          <TableRow
            key={standing.unitCode}
            hover
            onClick={() => onSelect(standing.unitCode)}
            sx={{
              cursor: 'pointer',
              ...(standing.valid ? {} : { '& td': { color: 'text.secondary' }, bgcolor: 'action.hover' }),
            }}
          >
            {bySeries && (
              <TableCell data-testid="series" sx={{ whiteSpace: 'nowrap' }}>
                {standing.seriesLabel ?? standing.series ?? translate('pingyi.results.no_series')}
              </TableCell>
            )}
            <TableCell sx={{ fontWeight: 600 }}>{standing.rank ?? '—'}</TableCell>
            {bySeries && <TableCell data-testid="overall-rank">{standing.overallRank ?? '—'}</TableCell>}
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {/* a button, so the unit's detail opens from the keyboard too */}
              <Link
                component="button"
                type="button"
                underline="hover"
                color="inherit"
                onClick={(event) => {
                  event.stopPropagation();
                  onSelect(standing.unitCode);
                }}
                sx={{ textAlign: 'left', font: 'inherit' }}
              >
                {standing.unitName ?? standing.unitCode}
              </Link>
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>
              {formatScore(standing.score, decimals)}
            </TableCell>
            <TableCell align="right" data-testid="response-rate">
              {standing.responseRate === null || standing.responseRate === undefined ? (
                '—'
              ) : (
                <Tooltip
                  title={translate('pingyi.results.response_rate_of', {
                    responded: standing.responded ?? 0,
                    distributed: standing.distributed ?? 0,
                  })}
                >
                  <span>{formatPercent(standing.responseRate)}</span>
                </Tooltip>
              )}
            </TableCell>
            <TableCell>
              {standing.valid ? (
                <>
                  <TierChip
                    label={standing.tierLabel ?? standing.tier}
                    index={standing.bottomTier ? 3 : tierIndex(policyJson, standing.tier)}
                  />
                  {standing.consecutiveBottom && (
                    <Tooltip title={translate('pingyi.results.consecutive_hint', { year: previousYear ?? '' })}>
                      <Chip
                        size="small"
                        color="error"
                        label={translate('pingyi.results.consecutive')}
                        sx={{ ml: 0.5 }}
                        data-testid="consecutive"
                      />
                    </Tooltip>
                  )}
                </>
              ) : (
                <Typography variant="caption" color="warning.main">
                  {translate('pingyi.results.invalid_short')}
                </Typography>
              )}
            </TableCell>
            {comparison && (
              <TableCell>
                <RankChange change={change.get(standing.unitCode)} />
              </TableCell>
            )}
            <TableCell align="right">
              {standing.counted}
              <Typography component="span" variant="caption" color="text.secondary">
                {' '}
                / {standing.ballots}
              </Typography>
            </TableCell>
            {levels.map((level) => (
              <TableCell key={level.level} align="right">
                {formatPercent(standing.rates?.find((rate) => rate.level === level.level)?.value)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
