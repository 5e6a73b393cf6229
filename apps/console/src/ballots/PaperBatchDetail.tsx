import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { sentenceOf } from '../data/server-errors';
import { translateSentence } from '../i18n/i18n-provider';
import { useGraphqlQuery } from '../data/use-graphql';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { PAPER_BATCH, type PaperBatch, type PaperKeying, WITHDRAW_PAPER_BATCH } from './ballots.queries';
import { ChangeCancelled, useChangeReason } from '../common/use-change-reason';
import { KeyingComparison } from './KeyingComparison';
import { PhaseGate } from '../phase-gate';
import { ScanBatchSection } from '../paper-scan/ScanBatchSection';
import { batchStateKey } from './batch-state';

const BUSY = new Set(['validating', 'importing']);

/** The problems of a keyed file, line by line: what was keyed, where, and why it is refused. */
function ProblemReport({ keying }: { keying: PaperKeying }) {
  const translate = useTranslate();
  if (!keying.problemCount) return null;
  return (
    <Box data-testid="problem-report">
      <Alert severity="error" sx={{ my: 1 }}>
        {translate('pingyi.paper.problems', { n: keying.problemCount, file: keying.fileName })}
      </Alert>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.paper.line')}</TableCell>
            <TableCell>{translate('pingyi.paper.column')}</TableCell>
            <TableCell>{translate('pingyi.paper.value')}</TableCell>
            <TableCell>{translate('pingyi.paper.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {keying.problems.map((problem, i) => (
            <TableRow key={i}>
              <TableCell>{problem.line || translate('pingyi.paper.whole_file')}</TableCell>
              <TableCell>{problem.column ?? '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{problem.value ?? ''}</TableCell>
              <TableCell>{translateSentence(translate, sentenceOf(problem), problem.reason)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {keying.problemCount > keying.problems.length && (
        <Typography variant="caption" color="text.secondary">
          {translate('pingyi.paper.more_problems', { n: keying.problemCount - keying.problems.length })}
        </Typography>
      )}
    </Box>
  );
}

/** Upload of one keying (CSV or XLSX) with the bytes sent, then the server's check as it reads the file. */
function KeyingSlot({
  batch,
  slot,
  keying,
  onUploaded,
}: {
  batch: PaperBatch;
  slot: number;
  keying: PaperKeying | undefined;
  onUploaded: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number | null>(null);
  // a single keying is imported as soon as it passes the check: confirm first
  const [confirming, setConfirming] = useState<File | null>(null);
  const open = batch.state !== 'imported' && batch.state !== 'withdrawn' && !BUSY.has(batch.state);
  const upload = async (file: File) => {
    setSent(0);
    try {
      await dataProvider.upload(
        `/paper-batches/${encodeURIComponent(batch.id)}/keyings/${slot}?name=${encodeURIComponent(file.name)}`,
        file,
        (loaded, total) => setSent(total ? (100 * loaded) / total : 0),
      );
      onUploaded();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSent(null);
    }
  };
  const checking = keying && (keying.state === 'validating' || BUSY.has(batch.state));
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }} data-testid={`keying-${slot}`}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle2" sx={{ flex: 1 }}>
          {batch.doubleKeyed ? translate('pingyi.paper.keying_n', { n: slot }) : translate('pingyi.paper.file')}
          {keying && (
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
              {keying.fileName} · {translate('pingyi.paper.rows', { n: keying.rows })}
            </Typography>
          )}
        </Typography>
        {keying && (
          <Chip
            size="small"
            color={keying.state === 'valid' ? 'success' : keying.state === 'invalid' ? 'error' : 'default'}
            label={translate(`pingyi.paper.keying_states.${keying.state}`, { _: keying.state })}
          />
        )}
        {open && (
          <>
            <input
              ref={input}
              type="file"
              hidden
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              data-testid={`keying-input-${slot}`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file && batch.doubleKeyed) void upload(file);
                else if (file) setConfirming(file);
                event.target.value = '';
              }}
            />
            <PhaseGate action="importPaperBallots">
              <Button
                label={keying ? 'pingyi.paper.upload_again' : 'pingyi.paper.upload'}
                startIcon={<UploadFileIcon />}
                variant={keying ? 'text' : 'contained'}
                disabled={sent !== null}
                onClick={() => input.current?.click()}
              />
            </PhaseGate>
          </>
        )}
      </Stack>
      <Confirm
        isOpen={confirming !== null}
        title="pingyi.paper.confirm_single_title"
        content="pingyi.paper.confirm_single_content"
        translateOptions={{ file: confirming?.name ?? '', batch: batch.code }}
        confirm="pingyi.paper.confirm_single"
        onConfirm={() => {
          const file = confirming;
          setConfirming(null);
          if (file) void upload(file);
        }}
        onClose={() => setConfirming(null)}
      />
      {sent !== null && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="caption">
            {translate('pingyi.paper.uploading', { percent: Math.round(sent) })}
          </Typography>
          <LinearProgress variant="determinate" value={sent} />
        </Box>
      )}
      {checking && keying && (
        <Box sx={{ mt: 1 }} data-testid="checking">
          <Typography variant="caption">
            {translate('pingyi.paper.checking', {
              percent: keying.sizeBytes ? Math.round((100 * keying.processedBytes) / keying.sizeBytes) : 0,
            })}
          </Typography>
          <LinearProgress
            variant={keying.sizeBytes ? 'determinate' : 'indeterminate'}
            value={keying.sizeBytes ? (100 * keying.processedBytes) / keying.sizeBytes : 0}
          />
        </Box>
      )}
      {keying && <ProblemReport keying={keying} />}
    </Box>
  );
}

/** One paper batch: its keyings with upload progress and error reports, double-keying comparison, acceptance. */
export function PaperBatchDetail({
  batchId,
  campaign,
  onChanged,
}: {
  batchId: string;
  campaign: CampaignRecord;
  onChanged: () => void;
}) {
  const translate = useTranslate();
  // set when a file was sent or a batch accepted: poll until the server has read it
  const [pollSince, setPollSince] = useState<number | null>(null);
  const batch = useGraphqlQuery(['paperBatch', batchId], PAPER_BATCH, { id: batchId });
  const data = batch.data?.paperBatch;
  const busy =
    !!data &&
    (BUSY.has(data.state) || !!data.scan?.reading || (data.keyings ?? []).some((k) => k.state === 'validating'));
  const { refetch, dataUpdatedAt } = batch;
  useEffect(() => {
    if (!busy && pollSince === null) return undefined;
    const timer = setInterval(() => void refetch(), 500);
    return () => clearInterval(timer);
  }, [busy, pollSince, refetch]);
  useEffect(() => {
    if (pollSince !== null && !busy && dataUpdatedAt > pollSince) {
      setPollSince(null);
      onChanged();
    }
  }, [busy, pollSince, dataUpdatedAt, onChanged]);
  const setPolling = () => setPollSince(Date.now());
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const { dialog, ask } = useChangeReason('pingyi.paper.withdraw_title', 'pingyi.paper.withdraw_warning');
  const withdraw = async () => {
    try {
      const reason = await ask();
      await dataProvider.mutate(WITHDRAW_PAPER_BATCH, { id: batchId, reason });
      notify('pingyi.paper.withdrawn', { type: 'success' });
      await refetch();
      onChanged();
    } catch (error) {
      if (error instanceof ChangeCancelled) return;
      notify((error as Error).message, { type: 'error' });
    }
  };
  if (!data) return null;
  const keyings = data.keyings ?? [];
  const current = (slot: number) => [...keyings].reverse().find((k) => k.keying === slot && k.state !== 'superseded');
  const slots = data.doubleKeyed ? [1, 2] : [1];
  return (
    <Box data-testid="paper-batch-detail">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {translate('pingyi.paper.batch_title', { code: data.code })}
        </Typography>
        {data.scanned && <Chip size="small" variant="outlined" label={translate('pingyi.scan.scanned')} />}
        <Chip
          color={
            data.state === 'imported'
              ? 'success'
              : data.state === 'rejected'
                ? 'error'
                : data.state === 'withdrawn'
                  ? 'warning'
                  : 'default'
          }
          label={translate(batchStateKey(data), { _: data.state })}
          data-testid="batch-state"
        />
        {data.state === 'imported' && (
          <PhaseGate action="importPaperBallots">
            <Button label="pingyi.paper.withdraw" color="warning" onClick={() => void withdraw()} />
          </PhaseGate>
        )}
      </Stack>
      {dialog}
      {data.state === 'withdrawn' ? (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="withdrawn-reason">
          {translate('pingyi.paper.withdrawn_reason', { reason: data.message ?? '' })}
        </Alert>
      ) : (
        data.message && (
          <Alert severity={data.state === 'imported' ? 'success' : 'info'} sx={{ mb: 1 }}>
            {data.message}
          </Alert>
        )
      )}
      {data.state === 'imported' && (
        <Alert severity="success" sx={{ mb: 1 }}>
          {translate('pingyi.paper.imported_summary', { ballots: data.ballots, spoilt: data.spoilt })}
        </Alert>
      )}
      {data.scanned && data.state !== 'withdrawn' && (
        <ScanBatchSection batch={data} onUploaded={setPolling} onImported={setPolling} />
      )}
      {!data.scanned &&
        data.state !== 'withdrawn' &&
        slots.map((slot) => (
          <KeyingSlot key={slot} batch={data} slot={slot} keying={current(slot)} onUploaded={setPolling} />
        ))}
      {data.state === 'readyToAccept' && <KeyingComparison batch={data} campaign={campaign} onAccepted={setPolling} />}
    </Box>
  );
}
