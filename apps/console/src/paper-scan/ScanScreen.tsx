import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Card, Stack, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import { Button, Title, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useGraphqlQuery } from '../data/use-graphql';
import { PAPER_BATCH, type PaperBatch } from '../ballots/ballots.queries';

/** The ballots page with the batch open in its paper tab: the way back from the review and transcription screens. */
export const batchRoute = (batchId: string) => `/ballots?tab=paper&batch=${encodeURIComponent(batchId)}`;

/** The batch the screen works on (the same query, and cache, as its detail in the paper tab). */
export function useScanBatch(batchId: string): PaperBatch | undefined {
  return useGraphqlQuery(['paperBatch', batchId], PAPER_BATCH, { id: batchId }).data?.paperBatch;
}

/** A visible focus ring for the screens worked with the keyboard. */
export const FOCUS_RING = {
  '&.Mui-focusVisible, &:focus-visible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
} as const;

/** A key as printed on the keyboard, beside the button it works. */
export function Key({ children }: { children: ReactNode }) {
  return (
    <Box
      component="kbd"
      sx={{
        display: 'inline-block',
        minWidth: 24,
        px: 0.75,
        mr: 1,
        border: 1,
        borderColor: 'grey.500',
        borderBottomWidth: 2,
        borderRadius: 0.75,
        fontFamily: 'monospace',
        fontSize: 13,
        lineHeight: '20px',
        textAlign: 'center',
        bgcolor: 'grey.100',
        color: 'text.primary',
      }}
    >
      {children}
    </Box>
  );
}

/** The frame of a review or transcription screen: title, the way back to the batch, the counter. */
export function ScanScreen({
  title,
  batchId,
  batch,
  counter,
  children,
}: {
  title: string;
  batchId: string;
  batch: PaperBatch | undefined;
  counter: ReactNode;
  children: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2, p: 2 }}>
      <Title title={title} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button
          component={RouterLink}
          to={batchRoute(batchId)}
          label={batch ? translate('pingyi.scan.back_to', { code: batch.code }) : 'pingyi.scan.back'}
          startIcon={<ArrowBackIcon />}
        />
        <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
          {translate(title)}
          {batch && (
            <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
              {translate('pingyi.paper.batch_title', { code: batch.code })}
            </Typography>
          )}
        </Typography>
        <Box role="status" aria-live="polite" data-testid="scan-counter">
          {counter}
        </Box>
      </Stack>
      {children}
    </Card>
  );
}

/** Where the reviewer is in the queue: item n of total, and how many are still undecided. */
export function QueueCounter({ n, total, pending }: { n: number; total: number; pending: number }) {
  const translate = useTranslate();
  return (
    <Typography>
      {translate('pingyi.scan.counter', { n, total })}
      <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
        {translate('pingyi.scan.pending_left', { n: pending })}
      </Typography>
    </Typography>
  );
}

/**
 * The screen once every item of the queue is decided: what was done, the way
 * back to the batch, the other queue when it still has work, and a second pass.
 */
export function QueueDone({
  title,
  batchId,
  batch,
  counter,
  message,
  testId,
  other,
  onAgain,
}: {
  title: string;
  batchId: string;
  batch: PaperBatch | undefined;
  counter: ReactNode;
  message: string;
  testId: string;
  other: { to: string; label: string } | null;
  onAgain: (() => void) | null;
}) {
  return (
    <ScanScreen title={title} batchId={batchId} batch={batch} counter={counter}>
      <Alert severity="success" sx={{ mb: 2 }} data-testid={testId}>
        {message}
      </Alert>
      <Stack direction="row" spacing={1}>
        <Button component={RouterLink} to={batchRoute(batchId)} variant="contained" label="pingyi.scan.back" />
        {other && <Button component={RouterLink} to={other.to} label={other.label} />}
        {onAgain && <Button label="pingyi.scan.review_again" onClick={onAgain} />}
      </Stack>
    </ScanScreen>
  );
}
