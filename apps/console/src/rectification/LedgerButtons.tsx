import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useDataProvider, useNotify } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { downloadBlob } from '../export/download';

/** The rectification ledger (整改台账) as the server builds it: XLSX with a rates sheet, or CSV. */
export function LedgerButtons({ campaignId, campaignName }: { campaignId: string; campaignName: string }) {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      const response = await dataProvider.rest(`/rectification-ledger/${encodeURIComponent(campaignId)}?format=${format}`);
      downloadBlob(await response.blob(), `${campaignName}-整改台账.${format}`, response.headers.get('content-type') ?? 'application/octet-stream');
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="pingyi.rectification.ledger_xlsx" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void download('xlsx')} />
      <Button label="pingyi.rectification.ledger_csv" startIcon={<DownloadIcon />} disabled={busy} onClick={() => void download('csv')} />
    </>
  );
}
