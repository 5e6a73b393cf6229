import DownloadIcon from '@mui/icons-material/Download';
import {
  Box,
  Chip,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import {
  BooleanInput,
  Button,
  Form,
  FormDataConsumer,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useGetList,
  useTranslate,
} from 'react-admin';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { downloadCsv } from '../export/download';
import { CREATE_PAPER_BATCH, PAPER_BATCHES, PAPER_RECONCILIATION, SET_RECONCILIATION } from './ballots.queries';
import { PaperBatchDetail } from './PaperBatchDetail';
import { PhaseGate } from '../phase-gate';
import { batchStateKey } from './batch-state';

/** Slips handed out against slips returned per group, flagged when more came back than went out. */
function Reconciliation({ campaignId }: { campaignId: string }) {
  const translate = useTranslate();
  const { data } = useGraphqlQuery(['paperReconciliation', campaignId], PAPER_RECONCILIATION, { campaignId });
  const save = useGraphqlMutation(SET_RECONCILIATION, {
    invalidate: [['paperReconciliation', campaignId]],
    successMessage: 'pingyi.common.saved',
  });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const groups = data?.paperReconciliation.groups ?? [];
  return (
    <Box>
      <Typography variant="subtitle1" sx={{ mb: 1 }}>
        {translate('pingyi.paper.reconciliation')}
      </Typography>
      <Table size="small" sx={{ maxWidth: 1100 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.results.group')}</TableCell>
            <TableCell align="right">{translate('pingyi.scan.printed')}</TableCell>
            <TableCell align="right">{translate('pingyi.paper.slips_issued')}</TableCell>
            <TableCell align="right">{translate('pingyi.paper.returned')}</TableCell>
            <TableCell align="right">{translate('pingyi.scan.scanned_n')}</TableCell>
            <TableCell align="right">{translate('pingyi.paper.valid')}</TableCell>
            <TableCell align="right">{translate('pingyi.paper.spoilt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map((group) => (
            <TableRow key={group.code} sx={{ bgcolor: group.overIssued ? 'rgba(211,47,47,0.08)' : undefined }}>
              <TableCell>
                {group.label}
                {group.overIssued && (
                  <Chip size="small" color="error" label={translate('pingyi.paper.over_issued')} sx={{ ml: 1 }} />
                )}
              </TableCell>
              <TableCell align="right">{group.printed}</TableCell>
              <TableCell align="right">
                <TextField
                  size="small"
                  type="number"
                  value={edits[group.code] ?? group.slipsIssued ?? ''}
                  onChange={(event) => setEdits({ ...edits, [group.code]: event.target.value })}
                  onBlur={() => {
                    const value = edits[group.code];
                    if (value !== undefined && value !== '' && Number(value) !== group.slipsIssued)
                      save.mutate({
                        campaignId,
                        group: group.code,
                        slipsIssued: Number(value),
                        spoiltNotKeyed: group.spoiltNotKeyed,
                      });
                  }}
                  sx={{ width: 110 }}
                  inputProps={{ min: 0, 'aria-label': `${group.label} ${translate('pingyi.paper.slips_issued')}` }}
                />
              </TableCell>
              <TableCell align="right">{group.returned}</TableCell>
              <TableCell align="right">{group.scanned}</TableCell>
              <TableCell align="right">{group.valid}</TableCell>
              <TableCell align="right">{group.spoilt + group.spoiltNotKeyed}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * 纸质评议表: batches of keyed-in sheets. A file is uploaded with a progress
 * bar and checked line by line; its error report names line, column and value;
 * a corrected file replaces it; double-keyed batches are compared before import.
 */
export function PaperBatchesPanel({
  campaign,
  initialBatch = null,
}: {
  campaign: CampaignRecord;
  /** The batch to show first (coming back from its review or transcription screen). */
  initialBatch?: string | null;
}) {
  const translate = useTranslate();
  const campaignId = campaign.id;
  const [selected, setSelected] = useState<string | null>(initialBatch);
  useEffect(() => {
    if (initialBatch) setSelected(initialBatch);
  }, [initialBatch]);
  const list = useGraphqlQuery(['paperBatches', campaignId], PAPER_BATCHES, { campaignId, options: { take: 100 } });
  const create = useGraphqlMutation(CREATE_PAPER_BATCH, {
    invalidate: [['paperBatches', campaignId]],
    notifyErrors: false,
  });
  const { data: units } = useGetList('units', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'sortOrder', order: 'ASC' },
    filter: { campaignId },
  });
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    const scanned = values.source === 'scanned';
    const batch = await create.mutateAsync({
      campaignId,
      code: values.code as string,
      doubleKeyed: !scanned && !!values.doubleKeyed,
      scanned,
    });
    setSelected(batch.id);
  });
  const queryClient = useQueryClient();
  const { refetch } = list;
  const refreshList = useCallback(() => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['pingyi', 'paperReconciliation', campaignId] });
    void queryClient.invalidateQueries({ queryKey: ['pingyi', 'participation', campaignId] });
  }, [refetch, queryClient, campaignId]);
  const template = () => {
    const appraised = (units ?? []).filter((unit) => unit.appraised);
    downloadCsv(
      [
        [
          translate('pingyi.paper.group_header'),
          translate('pingyi.paper.sheet_header'),
          ...appraised.map((unit) => String(unit.name)),
        ],
      ],
      `纸质评议表录入模板-${campaign.name}.csv`,
    );
  };
  return (
    <Grid container spacing={3} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {translate('pingyi.paper.batches')}
          </Typography>
          <Button label="pingyi.paper.template" startIcon={<DownloadIcon />} onClick={template} />
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('pingyi.paper.hint')}
        </Typography>
        <Form onSubmit={onSubmit} record={{ doubleKeyed: false, source: 'keyed' }}>
          <ServerErrorAlert error={error} />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextInput
              source="code"
              label="pingyi.paper.code"
              validate={required()}
              fullWidth={false}
              sx={{ width: 180 }}
              helperText={false}
            />
            <SelectInput
              source="source"
              label="pingyi.scan.source"
              choices={[
                { id: 'keyed', name: 'pingyi.scan.source_keyed' },
                { id: 'scanned', name: 'pingyi.scan.source_scanned' },
              ]}
              validate={required()}
              fullWidth={false}
              sx={{ width: 160 }}
              helperText={false}
            />
            <FormDataConsumer>
              {({ formData }) =>
                formData.source !== 'scanned' && (
                  <BooleanInput source="doubleKeyed" label="pingyi.paper.double_keyed" helperText={false} />
                )
              }
            </FormDataConsumer>
            <PhaseGate action="importPaperBallots">
              <SaveButton label="pingyi.paper.create" icon={<></>} alwaysEnable />
            </PhaseGate>
          </Stack>
        </Form>
        <Table size="small" sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('pingyi.paper.code')}</TableCell>
              <TableCell>{translate('pingyi.paper.state')}</TableCell>
              <TableCell align="right">{translate('pingyi.paper.ballots')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(list.data?.paperBatches.items ?? []).map((batch) => (
              <TableRow
                key={batch.id}
                hover
                selected={batch.id === selected}
                onClick={() => setSelected(batch.id)}
                sx={{ cursor: 'pointer' }}
              >
                <TableCell>
                  {batch.code}
                  {batch.scanned && (
                    <Chip size="small" variant="outlined" label={translate('pingyi.scan.scanned')} sx={{ ml: 1 }} />
                  )}
                  {batch.doubleKeyed && (
                    <Chip size="small" variant="outlined" label={translate('pingyi.paper.double')} sx={{ ml: 1 }} />
                  )}
                </TableCell>
                <TableCell>{translate(batchStateKey(batch), { _: batch.state })}</TableCell>
                <TableCell align="right">{batch.state === 'withdrawn' ? '—' : batch.ballots}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Grid>
      <Grid size={{ xs: 12, lg: 7 }}>
        {selected ? (
          <PaperBatchDetail key={selected} batchId={selected} campaign={campaign} onChanged={refreshList} />
        ) : (
          <Typography color="text.secondary">{translate('pingyi.paper.choose')}</Typography>
        )}
      </Grid>
      <Grid size={12}>
        <Reconciliation campaignId={campaignId} />
      </Grid>
    </Grid>
  );
}
