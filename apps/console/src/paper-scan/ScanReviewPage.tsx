import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Loading, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { type ScaleLevel } from '../campaigns/campaign-values';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlQuery } from '../data/use-graphql';
import { CropImage, useCropLoader } from './CropImage';
import { transcribeRoute } from './ScanBatchSection';
import { FOCUS_RING, Key, QueueCounter, QueueDone, ScanScreen, useScanBatch } from './ScanScreen';
import { DECIDE_SCAN_ROW, SCAN_REVIEW_ROWS, type ScanReviewRow } from './scan.queries';

const REASONS = new Set(['double', 'faint', 'erasure']);

/** The next row still to decide after `from` (going round), or -1 when none is left. */
export function nextPending(rows: readonly ScanReviewRow[], from: number): number {
  for (let step = 1; step <= rows.length; step++) {
    const i = (from + step) % rows.length;
    if (!rows[i]?.decided) return i;
  }
  return -1;
}

/** Whether a key press belongs to a field being typed in (the screen's keys then do nothing). */
export function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (/^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) || element.isContentEditable);
}

/** The level (or blank, `null`) a key picks, `undefined` when the key picks none: 1..N the scale's levels, 0 and Backspace blank. */
export function levelOfKey(key: string, scale: readonly ScaleLevel[]): string | null | undefined {
  if (key === '0' || key === 'Backspace') return null;
  if (/^[1-9]$/.test(key)) return scale[Number(key) - 1]?.code;
  return undefined;
}

/**
 * 复核存疑标记: the doubtful marks of a scanned batch one at a time, the
 * crop of the sheet large, the reading the server proposes and why it
 * doubts it; a level (keys 1..N) or blank (0, Backspace) is saved at once
 * and the screen moves to the next one still to decide; ←/k and →/j step
 * through them.
 */
export function ScanReviewPage() {
  const { batchId = '' } = useParams();
  const { campaign, isPending } = useCurrentCampaign();
  const batch = useScanBatch(batchId);
  const query = useGraphqlQuery(['scanReviewRows', batchId], SCAN_REVIEW_ROWS, {
    batchId,
    pendingOnly: false,
  });
  // the rows as first read: the screen then keeps them, so that a refetch does not reorder them under the user
  const [rows, setRows] = useState<ScanReviewRow[] | null>(null);
  const fetched = query.data?.scanReviewRows;
  useEffect(() => {
    if (rows === null && fetched) setRows(fetched);
  }, [rows, fetched]);
  const title = 'pingyi.scan.review_title';
  if (isPending || !rows)
    return (
      <ScanScreen title={title} batchId={batchId} batch={batch} counter={null}>
        {query.error ? <Alert severity="error">{query.error.message}</Alert> : <Loading />}
      </ScanScreen>
    );
  return <ReviewScreen batchId={batchId} initialRows={rows} scale={campaign?.scale ?? []} title={title} />;
}

function ReviewScreen({
  batchId,
  initialRows,
  scale,
  title,
}: {
  batchId: string;
  initialRows: ScanReviewRow[];
  scale: readonly ScaleLevel[];
  title: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const queryClient = useQueryClient();
  const batch = useScanBatch(batchId);
  const load = useCropLoader();
  const [rows, setRows] = useState(initialRows);
  const [index, setIndex] = useState(() =>
    Math.max(
      0,
      initialRows.findIndex((r) => !r.decided),
    ),
  );
  // decisions sent and not yet answered: the screen moves on at once, a refused one comes back
  const [saving, setSaving] = useState(0);
  const pending = rows.filter((row) => !row.decided).length;
  // done when nothing is left to decide, until the user steps back through the rows
  const [browsing, setBrowsing] = useState(false);
  const done = rows.length === 0 || (pending === 0 && !browsing);
  const row = rows[index];

  const labelOf = (level: string | null): string =>
    level === null
      ? translate('pingyi.scan.blank')
      : (scale.find((l) => l.code === level)?.label ?? translate('pingyi.scan.unknown_level'));

  // the next crop is fetched ahead, so that the screen changes at once
  useEffect(() => {
    const next = rows[nextPending(rows, index)] ?? rows[index + 1];
    if (next) void load(next.cropUrl).catch(() => undefined);
  }, [rows, index, load]);

  const decide = (level: string | null) => {
    if (!row) return;
    const before = row;
    const updated = rows.map((r) => (r.id === row.id ? { ...r, decided: true, decidedLevel: level } : r));
    setRows(updated);
    const next = nextPending(updated, index);
    if (next === -1) setBrowsing(false);
    else setIndex(next);
    setSaving((n) => n + 1);
    dataProvider
      .mutate(DECIDE_SCAN_ROW, { id: row.id, level })
      .then(
        (saved) => {
          setRows((current) => current.map((r) => (r.id === saved.id ? { ...r, ...saved } : r)));
          void queryClient.invalidateQueries({ queryKey: ['pingyi', 'paperBatch', batchId] });
        },
        (error: Error) => {
          // refused: the row is to decide again, and shown
          setRows((current) => {
            const back = current.map((r) => (r.id === before.id ? before : r));
            setIndex(back.findIndex((r) => r.id === before.id));
            return back;
          });
          setBrowsing(true);
          notify(error.message, { type: 'error' });
        },
      )
      .finally(() => setSaving((n) => n - 1));
  };
  const step = (by: number) => {
    if (!rows.length) return;
    setBrowsing(true);
    setIndex(Math.min(rows.length - 1, Math.max(0, index + by)));
  };

  // the keys: kept in a ref so the one listener always sees the current row
  const keys = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keys.current = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
    if (event.key === 'ArrowRight' || event.key === 'j') {
      event.preventDefault();
      if (done) return;
      step(1);
    } else if (event.key === 'ArrowLeft' || event.key === 'k') {
      event.preventDefault();
      step(done ? 0 : -1);
    } else if (!done) {
      const level = levelOfKey(event.key, scale);
      if (level === undefined) return;
      event.preventDefault();
      decide(level);
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const counter = done ? (
    <Typography data-testid="review-done-count">
      {translate('pingyi.scan.review_done_count', { n: rows.length })}
      {saving > 0 && (
        <Typography component="span" color="text.secondary" sx={{ ml: 1 }} data-testid="review-saving">
          {translate('pingyi.scan.saving')}
        </Typography>
      )}
    </Typography>
  ) : (
    <QueueCounter n={index + 1} total={rows.length} pending={pending} />
  );

  if (done)
    return (
      <QueueDone
        title={title}
        batchId={batchId}
        batch={batch}
        counter={counter}
        message={rows.length === 0 ? translate('pingyi.scan.review_none') : translate('pingyi.scan.review_done')}
        testId="review-done"
        other={
          batch?.scan?.opinionsPending ? { to: transcribeRoute(batchId), label: 'pingyi.scan.open_transcribe' } : null
        }
        onAgain={rows.length > 0 ? () => step(0) : null}
      />
    );

  if (!row) return null;
  const reason = REASONS.has(row.reason)
    ? translate(`pingyi.scan.reasons.${row.reason}`)
    : translate('pingyi.scan.reasons.other');
  const where = translate('pingyi.scan.where', { serial: row.serial, unit: row.unitName });
  return (
    <ScanScreen title={title} batchId={batchId} batch={batch} counter={counter}>
      <Grid container spacing={3} data-testid="review-row" data-row-id={row.id}>
        <Grid size={{ xs: 12, md: 7 }}>
          <CropImage url={row.cropUrl} load={load} alt={translate('pingyi.scan.crop_alt', { where })} />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Table size="small" sx={{ mb: 2 }}>
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.serial')}
                </TableCell>
                <TableCell data-testid="review-serial">
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {row.serial}
                  </Box>
                  {row.page !== null && ` · ${translate('pingyi.scan.page_n', { n: row.page })}`}
                </TableCell>
              </TableRow>
              {row.groupLabel && (
                <TableRow>
                  <TableCell component="th" scope="row">
                    {translate('pingyi.results.group')}
                  </TableCell>
                  <TableCell>{row.groupLabel}</TableCell>
                </TableRow>
              )}
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.unit')}
                </TableCell>
                <TableCell data-testid="review-unit">{row.unitName}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.reason')}
                </TableCell>
                <TableCell>
                  <Chip size="small" color="warning" label={reason} data-testid="review-reason" />
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('pingyi.scan.candidate')}
                </TableCell>
                <TableCell data-testid="review-candidate">
                  {row.candidateLevel === null ? translate('pingyi.scan.no_candidate') : labelOf(row.candidateLevel)}
                </TableCell>
              </TableRow>
              {row.decided && (
                <TableRow>
                  <TableCell component="th" scope="row">
                    {translate('pingyi.scan.decided')}
                  </TableCell>
                  <TableCell data-testid="review-decided">
                    <strong>{labelOf(row.decidedLevel)}</strong>
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
          <Typography variant="subtitle2" component="h2" id="review-levels" sx={{ mb: 1 }}>
            {translate('pingyi.scan.choose_level')}
          </Typography>
          <Stack spacing={1} role="group" aria-labelledby="review-levels" data-testid="review-levels">
            {scale.slice(0, 9).map((level, i) => {
              const chosen = row.decided && row.decidedLevel === level.code;
              const candidate = row.candidateLevel === level.code;
              return (
                <MuiButton
                  key={level.code}
                  variant={chosen ? 'contained' : 'outlined'}
                  color={chosen || candidate ? 'primary' : 'inherit'}
                  onClick={() => decide(level.code)}
                  aria-keyshortcuts={String(i + 1)}
                  aria-pressed={chosen}
                  aria-label={translate('pingyi.scan.level_button', { key: i + 1, level: level.label })}
                  sx={{
                    justifyContent: 'flex-start',
                    textTransform: 'none',
                    ...(candidate && !chosen ? { borderWidth: 2, borderStyle: 'dashed', py: '5px' } : {}),
                    ...FOCUS_RING,
                  }}
                >
                  <Key>{i + 1}</Key>
                  {level.label}
                  {candidate && (
                    <Typography component="span" variant="caption" sx={{ ml: 'auto', pl: 1 }}>
                      {translate('pingyi.scan.as_read')}
                    </Typography>
                  )}
                </MuiButton>
              );
            })}
            <MuiButton
              variant={row.decided && row.decidedLevel === null ? 'contained' : 'outlined'}
              color={row.decided && row.decidedLevel === null ? 'primary' : 'inherit'}
              onClick={() => decide(null)}
              aria-keyshortcuts="0 Backspace"
              aria-pressed={row.decided && row.decidedLevel === null}
              aria-label={translate('pingyi.scan.blank_button')}
              sx={{ justifyContent: 'flex-start', textTransform: 'none', ...FOCUS_RING }}
              data-testid="review-blank"
            >
              <Key>0</Key>
              {translate('pingyi.scan.blank')}
            </MuiButton>
          </Stack>
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <MuiButton
              startIcon={<ChevronLeftIcon />}
              disabled={index === 0}
              onClick={() => step(-1)}
              aria-keyshortcuts="ArrowLeft k"
              sx={FOCUS_RING}
            >
              {translate('pingyi.scan.previous')}
            </MuiButton>
            <MuiButton
              endIcon={<ChevronRightIcon />}
              disabled={index >= rows.length - 1}
              onClick={() => step(1)}
              aria-keyshortcuts="ArrowRight j"
              sx={FOCUS_RING}
            >
              {translate('pingyi.scan.next')}
            </MuiButton>
          </Stack>
          <Box sx={{ mt: 2 }}>
            <Typography variant="caption" color="text.secondary" data-testid="review-keys">
              {translate('pingyi.scan.review_keys', { n: Math.min(scale.length, 9) })}
            </Typography>
          </Box>
        </Grid>
      </Grid>
    </ScanScreen>
  );
}
