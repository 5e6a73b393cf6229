import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatPercent } from '../common/percent';
import { type GroupResponse } from './results.queries';

/** Response rate (回收率) per evaluator group: received ÷ distributed, and whether the group is scored. */
export function GroupResponsesTable({ responses }: { responses: readonly GroupResponse[] }) {
  const translate = useTranslate();
  if (!responses.length) return null;
  return (
    <>
      <Typography variant="subtitle2" sx={{ mt: 1, mb: 0.5 }}>
        {translate('pingyi.results.responses_title')}
      </Typography>
      <Table size="small" sx={{ maxWidth: 900, mb: 2 }} data-testid="group-responses">
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.results.group')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.group_received')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.group_distributed')}</TableCell>
            <TableCell align="right">{translate('pingyi.results.group_rate')}</TableCell>
            <TableCell>{translate('pingyi.results.group_basis')}</TableCell>
            <TableCell>{translate('pingyi.results.group_scored')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {responses.map((response) => (
            <TableRow key={response.groupCode}>
              <TableCell>{response.groupLabel}</TableCell>
              <TableCell align="right">{response.received.toLocaleString()}</TableCell>
              <TableCell align="right">{response.distributed.toLocaleString()}</TableCell>
              <TableCell align="right">{formatPercent(response.rate)}</TableCell>
              <TableCell>
                <Typography variant="caption" color="text.secondary">
                  {translate(
                    response.basis === 'issued' ? 'pingyi.results.basis_issued' : 'pingyi.results.basis_quota',
                  )}
                </Typography>
              </TableCell>
              <TableCell>
                {response.scored ? (
                  <Typography variant="caption">✓</Typography>
                ) : (
                  <Chip
                    size="small"
                    color="warning"
                    variant="outlined"
                    label={translate('pingyi.results.group_not_scored', { min: response.minResponseRate ?? 0 })}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
