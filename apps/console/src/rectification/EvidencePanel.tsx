import AttachFileIcon from '@mui/icons-material/AttachFile';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Link as MuiLink, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { downloadBlob } from '../export/download';
import { type AttachmentRow } from './rectification.queries';

const MAX_BYTES = 10 * 1024 * 1024;

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Evidence files of an item: download, and upload (images, PDF, office documents, up to 10 MiB). */
export function EvidencePanel({
  itemId,
  attachments,
  canUpload,
}: {
  itemId: string;
  attachments: readonly AttachmentRow[];
  canUpload: boolean;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      notify('pingyi.rectification.file_too_large', { type: 'error', messageArgs: { name: file.name } });
      return;
    }
    setBusy(true);
    try {
      await dataProvider.rest(
        `/attachments?itemId=${encodeURIComponent(itemId)}&name=${encodeURIComponent(file.name)}`,
        {
          method: 'POST',
          headers: { 'content-type': file.type || 'application/octet-stream' },
          body: file,
        },
      );
      notify('pingyi.rectification.uploaded', { type: 'success', messageArgs: { name: file.name } });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const download = async (attachment: AttachmentRow) => {
    try {
      const response = await dataProvider.rest(attachment.url);
      downloadBlob(await response.blob(), attachment.name, attachment.contentType);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Box data-testid="evidence">
      {attachments.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('pingyi.rectification.no_evidence')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {attachments.map((attachment) => (
            <ListItem key={attachment.id} disableGutters>
              <ListItemIcon sx={{ minWidth: 32 }}>
                <AttachFileIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText
                primary={
                  <MuiLink component="button" onClick={() => void download(attachment)} underline="hover">
                    {attachment.name}
                  </MuiLink>
                }
                secondary={`${size(attachment.size)} · ${attachment.uploadedBy ?? ''} · ${new Date(attachment.createdAt).toLocaleString()}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {canUpload && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void upload(file);
              event.target.value = '';
            }}
            data-testid="evidence-input"
          />
          <Button
            label="pingyi.rectification.upload"
            startIcon={<UploadFileIcon />}
            disabled={busy}
            onClick={() => input.current?.click()}
          />
        </>
      )}
    </Box>
  );
}
