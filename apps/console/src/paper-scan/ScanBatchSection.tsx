import FactCheckIcon from '@mui/icons-material/FactCheck';
import EditNoteIcon from '@mui/icons-material/EditNote';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlMutation } from '../data/use-graphql';
import { type PaperBatch } from '../ballots/ballots.queries';
import { PhaseGate } from '../phase-gate';
import { IMPORT_SCANNED_BATCH } from './scan.queries';
import { scanProblemText, sortedProblems } from './scan-problems';

/** What the file picker offers: the formats the server reads. */
const ACCEPT = '.pdf,.tif,.tiff,.png,.jpg,.jpeg,.zip,application/pdf,image/tiff,image/png,image/jpeg,application/zip';

interface Sending {
  index: number;
  total: number;
  name: string;
  percent: number;
}

/** The routes of a scanned batch's review and transcription screens. */
export const reviewRoute = (batchId: string) => `/ballots/scan/${encodeURIComponent(batchId)}/review`;
export const transcribeRoute = (batchId: string) => `/ballots/scan/${encodeURIComponent(batchId)}/opinions`;

/**
 * A scanned batch (扫描导入): scans uploaded one file per request, the
 * server reading them, the problems of each file and page, the doubtful
 * marks and opinion boxes still to settle, and the import once none is left.
 */
export function ScanBatchSection({
  batch,
  onUploaded,
  onImported,
}: {
  batch: PaperBatch;
  onUploaded: () => void;
  onImported: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const input = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [failed, setFailed] = useState<{ name: string; message: string }[]>([]);
  const importBatch = useGraphqlMutation(IMPORT_SCANNED_BATCH, {
    invalidate: [['paperBatch', batch.id]],
    successMessage: 'pingyi.scan.imported',
    notifyErrors: false,
  });
  const scan = batch.scan;
  const open = batch.state !== 'imported' && batch.state !== 'withdrawn' && batch.state !== 'importing';
  const reading = !!scan?.reading;

  const upload = async (files: File[]) => {
    setFailed([]);
    for (const [index, file] of files.entries()) {
      setSending({ index: index + 1, total: files.length, name: file.name, percent: 0 });
      try {
        await dataProvider.upload(
          `/paper-batches/${encodeURIComponent(batch.id)}/scans?name=${encodeURIComponent(file.name)}`,
          file,
          (loaded, total) =>
            setSending({
              index: index + 1,
              total: files.length,
              name: file.name,
              percent: total ? (100 * loaded) / total : 0,
            }),
        );
      } catch (error) {
        setFailed((previous) => [...previous, { name: file.name, message: (error as Error).message }]);
      }
      onUploaded();
    }
    setSending(null);
  };

  const pendingReview = scan?.reviewPending ?? 0;
  const pendingOpinions = scan?.opinionsPending ?? 0;
  const canImport =
    open && !!scan && !reading && sending === null && scan.sheets > 0 && pendingReview === 0 && pendingOpinions === 0;
  const problems = sortedProblems(scan?.problems ?? []);

  return (
    <Box data-testid="scan-batch">
      {open && (
        <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, mb: 2 }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle2" sx={{ flex: 1 }}>
              {translate('pingyi.scan.files_title')}
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                {translate('pingyi.scan.files_hint')}
              </Typography>
            </Typography>
            <input
              ref={input}
              type="file"
              hidden
              multiple
              accept={ACCEPT}
              data-testid="scan-input"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                if (files.length) void upload(files);
              }}
            />
            <PhaseGate action="importPaperBallots">
              <Button
                label="pingyi.scan.upload"
                startIcon={<UploadFileIcon />}
                variant={scan?.files ? 'text' : 'contained'}
                disabled={sending !== null}
                onClick={() => input.current?.click()}
              />
            </PhaseGate>
          </Stack>
          {sending && (
            <Box sx={{ mt: 1 }} data-testid="scan-uploading">
              <Typography variant="caption">
                {translate('pingyi.scan.uploading', {
                  index: sending.index,
                  total: sending.total,
                  file: sending.name,
                  percent: Math.round(sending.percent),
                })}
              </Typography>
              <LinearProgress variant="determinate" value={sending.percent} />
            </Box>
          )}
          {failed.map((failure) => (
            <Alert key={failure.name} severity="error" sx={{ mt: 1 }} data-testid="scan-upload-error">
              {translate('pingyi.scan.upload_failed', { file: failure.name, message: failure.message })}
            </Alert>
          ))}
        </Box>
      )}
      {scan && (
        <Box sx={{ mb: 2 }} data-testid="scan-progress">
          {reading && (
            <Box sx={{ mb: 1 }} data-testid="scan-reading">
              <Typography variant="caption">{translate('pingyi.scan.reading')}</Typography>
              <LinearProgress />
            </Box>
          )}
          <Table size="small" sx={{ mb: 1 }}>
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.files')}
                </TableCell>
                <TableCell align="right">{scan.files}</TableCell>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.pages')}
                </TableCell>
                <TableCell align="right">{scan.pages}</TableCell>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.sheets')}
                </TableCell>
                <TableCell align="right" data-testid="scan-sheets">
                  {scan.sheets}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
            <Typography variant="body2" sx={{ flex: 1, minWidth: 240 }} data-testid="scan-review-count">
              {translate('pingyi.scan.review_count', { pending: pendingReview, decided: scan.reviewDecided })}
            </Typography>
            <Button
              component={RouterLink}
              to={reviewRoute(batch.id)}
              label="pingyi.scan.open_review"
              startIcon={<FactCheckIcon />}
              variant={pendingReview ? 'contained' : 'outlined'}
              disabled={pendingReview + scan.reviewDecided === 0}
            />
          </Stack>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mt: 1 }}>
            <Typography variant="body2" sx={{ flex: 1, minWidth: 240 }} data-testid="scan-opinion-count">
              {translate('pingyi.scan.opinion_count', {
                pending: pendingOpinions,
                done: scan.opinionsTranscribed,
              })}
            </Typography>
            <Button
              component={RouterLink}
              to={transcribeRoute(batch.id)}
              label="pingyi.scan.open_transcribe"
              startIcon={<EditNoteIcon />}
              variant={pendingOpinions ? 'contained' : 'outlined'}
              disabled={pendingOpinions + scan.opinionsTranscribed === 0}
            />
          </Stack>
        </Box>
      )}
      {problems.length > 0 && (
        <Box data-testid="scan-problems" sx={{ mb: 2 }}>
          <Alert severity="warning" sx={{ my: 1 }}>
            {translate('pingyi.scan.problems', { n: problems.length })}
          </Alert>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('pingyi.scan.file')}</TableCell>
                <TableCell>{translate('pingyi.scan.page')}</TableCell>
                <TableCell>{translate('pingyi.scan.serial')}</TableCell>
                <TableCell>{translate('pingyi.paper.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {problems.map((problem, i) => (
                <TableRow key={`${problem.file}-${problem.page ?? 0}-${i}`}>
                  <TableCell sx={{ minWidth: 140, overflowWrap: 'anywhere' }}>{problem.file}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {problem.page === null
                      ? translate('pingyi.paper.whole_file')
                      : translate('pingyi.scan.page_n', { n: problem.page })}
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{problem.serial ?? ''}</TableCell>
                  <TableCell>{scanProblemText(translate, problem)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {open && scan && (
        <Box>
          {!canImport && scan.sheets > 0 && (pendingReview > 0 || pendingOpinions > 0) && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="scan-import-blocked">
              {translate('pingyi.scan.import_blocked', { review: pendingReview, opinions: pendingOpinions })}
            </Typography>
          )}
          {importBatch.error && (
            <Alert severity="error" sx={{ mb: 1 }} data-testid="scan-import-error">
              {importBatch.error.message}
            </Alert>
          )}
          <PhaseGate action="importPaperBallots">
            <Button
              variant="contained"
              label="pingyi.scan.import"
              disabled={!canImport || importBatch.isPending}
              onClick={() => {
                importBatch.reset();
                importBatch.mutate({ batchId: batch.id }, { onSuccess: onImported });
              }}
              data-testid="scan-import"
            />
          </PhaseGate>
        </Box>
      )}
    </Box>
  );
}
