import {
  Alert,
  Box,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useGetList, useTranslate } from 'react-admin';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { ACCEPT_PAPER_BATCH, KEYING_COMPARISON, type KeyingMismatch, type PaperBatch } from './ballots.queries';

const MISSING = '(missing)';

/** The values a mismatch can be settled with: the two keyings' first, then the rest of the scale (or the groups), blank, unreadable. */
function choicesOf(mismatch: KeyingMismatch, campaign: CampaignRecord): string[] {
  const all =
    mismatch.unit === null
      ? campaign.evaluatorGroups.map((group) => group.code)
      : [...campaign.scale.map((level) => level.code), '', '?'];
  const keyed = [mismatch.first, mismatch.second].filter((value) => value !== MISSING && all.includes(value));
  return [...new Set([...keyed, ...all])];
}

/** Double keying: where the two files differ, and the value to keep for each difference, chosen from a list. */
export function KeyingComparison({
  batch,
  campaign,
  onAccepted,
}: {
  batch: PaperBatch;
  campaign: CampaignRecord;
  onAccepted: () => void;
}) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['keyingComparison', batch.id], KEYING_COMPARISON, { batchId: batch.id });
  const { data: units } = useGetList('units', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'sortOrder', order: 'ASC' },
    filter: { campaignId: campaign.id },
  });
  const accept = useGraphqlMutation(ACCEPT_PAPER_BATCH, {
    successMessage: 'pingyi.paper.imported',
    notifyErrors: false,
  });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [unresolved, setUnresolved] = useState(0);
  const comparison = data?.paperKeyingComparison;
  if (!comparison) return null;
  const key = (m: KeyingMismatch) => `${m.row}:${m.unit ?? ''}`;
  const unitName = (code: string) => String((units ?? []).find((unit) => unit.code === code)?.name ?? code);
  const labelOf = (m: KeyingMismatch, value: string): string => {
    if (value === MISSING) return translate('pingyi.paper.missing_row');
    if (m.unit === null) return campaign.evaluatorGroups.find((group) => group.code === value)?.label ?? value;
    if (value === '') return translate('pingyi.paper.blank');
    if (value === '?') return translate('pingyi.paper.unreadable');
    return campaign.scale.find((level) => level.code === value)?.label ?? value;
  };
  const submit = () => {
    const open = comparison.mismatches.filter((m) => chosen[key(m)] === undefined).length;
    setUnresolved(open);
    if (open > 0) return;
    accept.reset();
    accept.mutate(
      {
        id: batch.id,
        resolutions: comparison.mismatches.map((m) => ({ row: m.row, unit: m.unit, value: chosen[key(m)] as string })),
      },
      { onSuccess: onAccepted },
    );
  };
  return (
    <Box sx={{ mt: 2 }} data-testid="keying-comparison">
      <Typography variant="subtitle1">{translate('pingyi.paper.comparison', { n: comparison.total })}</Typography>
      {comparison.rowsUnpaired && <Alert severity="warning">{translate('pingyi.paper.rows_unpaired')}</Alert>}
      {comparison.mismatches.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('pingyi.paper.sheet')}</TableCell>
              <TableCell>{translate('pingyi.paper.column')}</TableCell>
              <TableCell>{translate('pingyi.paper.keying_n', { n: 1 })}</TableCell>
              <TableCell>{translate('pingyi.paper.keying_n', { n: 2 })}</TableCell>
              <TableCell>{translate('pingyi.paper.keep')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {comparison.mismatches.map((m) => {
              const where = `${m.sheetNumber ?? m.row} · ${m.unit ? unitName(m.unit) : translate('pingyi.paper.group_column')}`;
              return (
                <TableRow key={key(m)}>
                  <TableCell>{m.sheetNumber ?? m.row}</TableCell>
                  <TableCell>{m.unit ? unitName(m.unit) : translate('pingyi.paper.group_column')}</TableCell>
                  <TableCell>{labelOf(m, m.first)}</TableCell>
                  <TableCell>{labelOf(m, m.second)}</TableCell>
                  <TableCell>
                    <TextField
                      select
                      size="small"
                      sx={{ minWidth: 200 }}
                      value={chosen[key(m)] ?? '\u0000'}
                      error={unresolved > 0 && chosen[key(m)] === undefined}
                      onChange={(event) => setChosen({ ...chosen, [key(m)]: event.target.value })}
                      slotProps={{ htmlInput: { 'aria-label': translate('pingyi.paper.keep_for', { where }) } }}
                    >
                      <MenuItem value={'\u0000'} disabled>
                        {translate('pingyi.paper.choose_value')}
                      </MenuItem>
                      {choicesOf(m, campaign).map((value) => (
                        <MenuItem key={value} value={value}>
                          {labelOf(m, value)}
                          {value === m.first && translate('pingyi.paper.as_keyed', { n: 1 })}
                          {value === m.second && translate('pingyi.paper.as_keyed', { n: 2 })}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {unresolved > 0 && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="comparison-error">
          {translate('pingyi.paper.unresolved', { n: unresolved })}
        </Alert>
      )}
      {accept.error && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="comparison-error">
          {accept.error.message}
        </Alert>
      )}
      <Button
        sx={{ mt: 1 }}
        variant="contained"
        label="pingyi.paper.accept"
        disabled={accept.isPending}
        onClick={submit}
      />
    </Box>
  );
}
