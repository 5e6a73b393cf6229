import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { downloadBlob } from '../export/download';

/** The rectification ledger (整改台账) as the server builds it: XLSX with a rates sheet, or CSV; in the console's language. */
export function LedgerButtons({ campaignId, campaignName }: { campaignId: string; campaignName: string }) {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState(false);
  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      const language = locale.startsWith('zh') ? 'zh' : 'en';
      const response = await dataProvider.rest(
        `/rectification-ledger/${encodeURIComponent(campaignId)}?format=${format}&language=${language}`,
      );
      downloadBlob(
        await response.blob(),
        `${campaignName}-${translate('pingyi.rectification.ledger_file')}.${format}`,
        response.headers.get('content-type') ?? 'application/octet-stream',
      );
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        label="pingyi.rectification.ledger_xlsx"
        startIcon={<DownloadIcon />}
        disabled={busy}
        onClick={() => void download('xlsx')}
      />
      <Button
        label="pingyi.rectification.ledger_csv"
        startIcon={<DownloadIcon />}
        disabled={busy}
        onClick={() => void download('csv')}
      />
    </>
  );
}
