import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatPercent } from '../common/percent';
import { type ShownStanding, type UnitComparison } from './results.queries';
import { tierIndex, TierChip } from './TierChip';

/** A rank change as ▲2 / ▼1 / –. */
export function RankChange({ change }: { change: number | null | undefined }) {
  if (change === null || change === undefined) return <Typography variant="caption" color="text.secondary">—</Typography>;
  if (change === 0) return <Typography variant="caption" color="text.secondary">＝</Typography>;
  return (
    <Typography variant="caption" sx={{ color: change > 0 ? 'success.main' : 'error.main', fontWeight: 600 }}>
      {change > 0 ? `▲${change}` : `▼${-change}`}
    </Typography>
  );
}

/** The ranking: rank, unit, score, tier, change against the previous campaign, votes and the rate of each level. */
export function RankingTable({ standings, policyJson, comparison, onSelect }: { standings: readonly ShownStanding[]; policyJson: string; comparison?: readonly UnitComparison[]; onSelect: (unitCode: string) => void }) {
  const translate = useTranslate();
  const levels = standings[0]?.rates ?? [];
  const change = new Map((comparison ?? []).map((row) => [row.unitCode, row.rankChange]));
  return (
    <Table size="small" stickyHeader data-testid="ranking">
      <TableHead>
        <TableRow>
          <TableCell>{translate('pingyi.results.rank')}</TableCell>
          <TableCell>{translate('pingyi.results.unit')}</TableCell>
          <TableCell align="right">{translate('pingyi.results.score')}</TableCell>
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
          <TableRow key={standing.unitCode} hover onClick={() => onSelect(standing.unitCode)} sx={{ cursor: 'pointer', opacity: standing.valid ? 1 : 0.6 }}>
            <TableCell sx={{ fontWeight: 600 }}>{standing.rank ?? '—'}</TableCell>
            <TableCell>{standing.unitName ?? standing.unitCode}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>
              {standing.score ?? '—'}
            </TableCell>
            <TableCell>
              {standing.valid ? (
                <TierChip label={standing.tierLabel ?? standing.tier} index={tierIndex(policyJson, standing.tier)} />
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
