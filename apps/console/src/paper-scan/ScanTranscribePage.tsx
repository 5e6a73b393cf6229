import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Alert, Box, Button as MuiButton, Grid, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Loading, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlQuery } from '../data/use-graphql';
import { CropImage, useCropLoader } from './CropImage';
import { reviewRoute } from './ScanBatchSection';
import { FOCUS_RING, Key, QueueCounter, QueueDone, ScanScreen, useScanBatch } from './ScanScreen';
import { SCAN_OPINION_BOXES, type ScanOpinionBox, TRANSCRIBE_SCAN_OPINION } from './scan.queries';

/** The next box still to transcribe after `from` (going round), or -1 when none is left. */
function nextPending(boxes: readonly ScanOpinionBox[], from: number): number {
  for (let step = 1; step <= boxes.length; step++) {
    const i = (from + step) % boxes.length;
    if (!boxes[i]?.transcribed) return i;
  }
  return -1;
}

/**
 * 转录意见: the handwritten opinion boxes of a scanned batch one at a time,
 * the crop large and a text box beside it; Ctrl+Enter saves and moves to the
 * next box still to transcribe, 无内容 saves a box with nothing legible.
 */
export function ScanTranscribePage() {
  const { batchId = '' } = useParams();
  const batch = useScanBatch(batchId);
  const query = useGraphqlQuery(['scanOpinionBoxes', batchId], SCAN_OPINION_BOXES, { batchId, pendingOnly: false });
  const [boxes, setBoxes] = useState<ScanOpinionBox[] | null>(null);
  const [index, setIndex] = useState(0);
  const fetched = query.data?.scanOpinionBoxes;
  useEffect(() => {
    if (boxes !== null || !fetched) return;
    setBoxes(fetched);
    setIndex(
      Math.max(
        0,
        fetched.findIndex((box) => !box.transcribed),
      ),
    );
  }, [boxes, fetched]);
  const title = 'pingyi.scan.transcribe_title';
  if (!boxes)
    return (
      <ScanScreen title={title} batchId={batchId} batch={batch} counter={null}>
        {query.error ? <Alert severity="error">{query.error.message}</Alert> : <Loading />}
      </ScanScreen>
    );
  return (
    <TranscribeScreen
      batchId={batchId}
      boxes={boxes}
      setBoxes={setBoxes}
      index={index}
      setIndex={setIndex}
      title={title}
    />
  );
}

function TranscribeScreen({
  batchId,
  boxes,
  setBoxes,
  index,
  setIndex,
  title,
}: {
  batchId: string;
  boxes: ScanOpinionBox[];
  setBoxes: (boxes: ScanOpinionBox[]) => void;
  index: number;
  setIndex: (index: number) => void;
  title: string;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const queryClient = useQueryClient();
  const batch = useScanBatch(batchId);
  const load = useCropLoader();
  const [saving, setSaving] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const pending = boxes.filter((box) => !box.transcribed).length;
  const done = boxes.length === 0 || (pending === 0 && !browsing);
  const box = boxes[index];
  const [text, setText] = useState(box?.text ?? '');
  const field = useRef<HTMLTextAreaElement>(null);
  // a new box: its text so far, and the focus in the text box
  useEffect(() => {
    setText(boxes[index]?.text ?? '');
    field.current?.focus();
    // the text is reset when the box changes, not when a save updates it
  }, [index, done]);
  useEffect(() => {
    const next = boxes[nextPending(boxes, index)] ?? boxes[index + 1];
    if (next) void load(next.cropUrl).catch(() => undefined);
  }, [boxes, index, load]);

  const save = async (value: string) => {
    if (!box || saving) return;
    setSaving(true);
    try {
      const saved = await dataProvider.mutate(TRANSCRIBE_SCAN_OPINION, { id: box.id, text: value });
      const updated = boxes.map((b) => (b.id === box.id ? { ...b, ...saved, transcribed: true, text: value } : b));
      setBoxes(updated);
      void queryClient.invalidateQueries({ queryKey: ['pingyi', 'paperBatch', batchId] });
      const next = nextPending(updated, index);
      if (next === -1) setBrowsing(false);
      else setIndex(next);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const step = (by: number) => {
    setBrowsing(true);
    setIndex(Math.min(boxes.length - 1, Math.max(0, index + by)));
  };

  const counter = done ? (
    <Typography>{translate('pingyi.scan.transcribe_done_count', { n: boxes.length })}</Typography>
  ) : (
    <QueueCounter n={index + 1} total={boxes.length} pending={pending} />
  );

  if (done)
    return (
      <QueueDone
        title={title}
        batchId={batchId}
        batch={batch}
        counter={counter}
        message={
          boxes.length === 0 ? translate('pingyi.scan.transcribe_none') : translate('pingyi.scan.transcribe_done')
        }
        testId="transcribe-done"
        other={batch?.scan?.reviewPending ? { to: reviewRoute(batchId), label: 'pingyi.scan.open_review' } : null}
        onAgain={boxes.length > 0 ? () => step(0) : null}
      />
    );

  if (!box) return null;
  const where = translate('pingyi.scan.where', { serial: box.serial, unit: box.unitName });
  return (
    <ScanScreen title={title} batchId={batchId} batch={batch} counter={counter}>
      <Grid container spacing={3} data-testid="transcribe-box" data-box-id={box.id}>
        <Grid size={{ xs: 12, md: 7 }}>
          <CropImage url={box.cropUrl} load={load} alt={translate('pingyi.scan.opinion_crop_alt', { where })} />
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Typography sx={{ mb: 1 }}>
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {box.serial}
            </Box>
            {' · '}
            {box.unitName}
          </Typography>
          {box.transcribed && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {box.text ? translate('pingyi.scan.transcribed') : translate('pingyi.scan.transcribed_empty')}
            </Typography>
          )}
          <TextField
            inputRef={field}
            multiline
            minRows={6}
            fullWidth
            label={translate('pingyi.scan.opinion_text')}
            helperText={translate('pingyi.scan.transcribe_keys')}
            value={text}
            disabled={saving}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save(text.trim());
              }
            }}
            slotProps={{ htmlInput: { 'aria-keyshortcuts': 'Control+Enter', 'data-testid': 'transcribe-text' } }}
          />
          <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap', gap: 1 }}>
            <MuiButton
              variant="contained"
              disabled={saving || text.trim() === ''}
              onClick={() => void save(text.trim())}
              aria-keyshortcuts="Control+Enter"
              sx={{ textTransform: 'none', ...FOCUS_RING }}
            >
              <Key>Ctrl+Enter</Key>
              {translate('pingyi.scan.save_next')}
            </MuiButton>
            <MuiButton
              variant="outlined"
              disabled={saving}
              onClick={() => void save('')}
              sx={{ textTransform: 'none', ...FOCUS_RING }}
              data-testid="transcribe-empty"
            >
              {translate('pingyi.scan.nothing_written')}
            </MuiButton>
          </Stack>
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <MuiButton startIcon={<ChevronLeftIcon />} disabled={index === 0} onClick={() => step(-1)} sx={FOCUS_RING}>
              {translate('pingyi.scan.previous')}
            </MuiButton>
            <MuiButton
              endIcon={<ChevronRightIcon />}
              disabled={index >= boxes.length - 1}
              onClick={() => step(1)}
              sx={FOCUS_RING}
            >
              {translate('pingyi.scan.next')}
            </MuiButton>
          </Stack>
        </Grid>
      </Grid>
    </ScanScreen>
  );
}
