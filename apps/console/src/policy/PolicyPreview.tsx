import { Alert, Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { RankChange } from '../results/RankingTable';
import { type CampaignStandings, PREVIEW_STANDINGS } from '../results/results.queries';
import { decimalsOf, formatScore } from '../common/score';
import { compareStandings } from '../results/standings-table';

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The current tally scored with the policy being edited (nothing saved),
 * beside the standings of the saved policy: rank and score changes per unit.
 */
export function PolicyPreview({
  campaignId,
  policyJson,
  current,
}: {
  campaignId: string;
  policyJson: string;
  current: CampaignStandings | undefined;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const json = useDebounced(policyJson, 500);
  const preview = useQuery({
    queryKey: ['pingyi', 'preview', campaignId, json],
    queryFn: () => dataProvider.mutate(PREVIEW_STANDINGS, { campaignId, policyJson: json }),
    retry: false,
    placeholderData: (previous) => previous,
  });
  const changes = preview.data && current ? compareStandings(current.standings, preview.data.standings) : [];
  const changed = json !== current?.policyJson;
  const savedDecimals = decimalsOf(current?.policyJson);
  const editedDecimals = decimalsOf(json);
  return (
    <Box data-testid="policy-preview">
      <Typography variant="h6">{translate('pingyi.policy.preview')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('pingyi.policy.preview_hint', { ratings: (current?.ratingCount ?? 0).toLocaleString() })}
      </Typography>
      {preview.error && (
        <Alert severity="error" sx={{ mb: 1 }} data-testid="preview-error">
          {preview.error.message}
        </Alert>
      )}
      {!current?.ratingCount && <Alert severity="info">{translate('pingyi.policy.no_ratings')}</Alert>}
      <Table size="small" sx={{ opacity: preview.isFetching ? 0.6 : 1, transition: 'opacity .2s' }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.results.unit')}</TableCell>
            <TableCell align="right">{translate('pingyi.policy.saved_score')}</TableCell>
            <TableCell align="right">{translate('pingyi.policy.new_score')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.rank')}</TableCell>
            <TableCell>{translate('pingyi.policy.change')}</TableCell>
            <TableCell>{translate('pingyi.results.tier')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((row) => (
            <TableRow
              key={row.unitCode}
              sx={{ bgcolor: changed && (row.rankChange || row.scoreChange) ? 'action.hover' : undefined }}
            >
              <TableCell>{row.unitName}</TableCell>
              <TableCell align="right" sx={{ color: 'text.secondary' }}>
                {formatScore(row.before.score, savedDecimals)}
              </TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }} data-testid={`preview-score-${row.unitCode}`}>
                {formatScore(row.after.score, editedDecimals)}
              </TableCell>
              <TableCell align="right">{row.after.rank ?? '—'}</TableCell>
              <TableCell>
                <RankChange change={row.rankChange} />
              </TableCell>
              <TableCell>
                {row.after.tier ?? '—'}
                {row.before.tier !== row.after.tier && row.before.tier && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    ({row.before.tier})
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
