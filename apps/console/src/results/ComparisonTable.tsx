import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatScore, formatScoreChange } from '../common/score';
import { RankChange } from './RankingTable';
import { type StandingsComparison } from './results.queries';

/** This campaign against the previous one's published results: rank and score, then and now. */
export function ComparisonTable({ comparison, decimals }: { comparison: StandingsComparison; decimals: number }) {
  const translate = useTranslate();
  if (comparison.note || !comparison.previousYear) {
    return <Alert severity="info">{comparison.note ?? translate('pingyi.results.no_previous')}</Alert>;
  }
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(
          comparison.currentSource === 'published' ? 'pingyi.results.compare_published' : 'pingyi.results.compare_live',
          { year: comparison.previousYear },
        )}
      </Typography>
      <Table size="small" data-testid="comparison">
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.results.unit')}</TableCell>
            <TableCell align="right">
              {translate('pingyi.results.previous_rank', { year: comparison.previousYear })}
            </TableCell>
            <TableCell align="right">{translate('pingyi.results.rank')}</TableCell>
            <TableCell>{translate('pingyi.results.rank_change')}</TableCell>
            <TableCell align="right">
              {translate('pingyi.results.previous_score', { year: comparison.previousYear })}
            </TableCell>
            <TableCell align="right">{translate('pingyi.results.score')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.score_change')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {comparison.units.map((row) => (
            <TableRow key={row.unitCode}>
              <TableCell>{row.unitName ?? row.unitCode}</TableCell>
              <TableCell align="right">{row.previousRank ?? '—'}</TableCell>
              <TableCell align="right">{row.rank ?? '—'}</TableCell>
              <TableCell>
                <RankChange change={row.rankChange} />
              </TableCell>
              <TableCell align="right">{formatScore(row.previousScore, decimals)}</TableCell>
              <TableCell align="right">{formatScore(row.score, decimals)}</TableCell>
              <TableCell
                align="right"
                sx={{
                  color: row.scoreChange === null ? undefined : row.scoreChange >= 0 ? 'success.main' : 'error.main',
                }}
              >
                {formatScoreChange(row.scoreChange, decimals)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
