import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { downloadBlob } from '../export/download';

/** The file name the server gave (`filename*=UTF-8''…`), else `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/**
 * Downloads one of the office's documents (`GET /documents/...`) as Word or
 * PDF, with the session's token; a refusal is shown in the user's language.
 */
export function DocumentButtons({
  path,
  label,
  disabled,
  testId,
}: {
  path: string;
  label: string;
  disabled?: boolean;
  testId?: string;
}) {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const download = async (format: 'docx' | 'pdf') => {
    setBusy(true);
    try {
      const separator = path.includes('?') ? '&' : '?';
      const response = await dataProvider.rest(`${path}${separator}format=${format}`);
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      downloadBlob(
        await response.blob(),
        fileNameOf(response.headers.get('content-disposition'), `${translate(label)}.${format}`),
        type,
      );
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} data-testid={testId}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Button
        label="pingyi.documents.word"
        startIcon={<DescriptionIcon />}
        disabled={busy || disabled}
        onClick={() => void download('docx')}
        data-testid={testId ? `${testId}-docx` : undefined}
      />
      <Button
        label="pingyi.documents.pdf"
        startIcon={<PictureAsPdfIcon />}
        disabled={busy || disabled}
        onClick={() => void download('pdf')}
        data-testid={testId ? `${testId}-pdf` : undefined}
      />
    </Stack>
  );
}
