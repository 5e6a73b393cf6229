import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Form,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SelectInput,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { downloadWithToken } from './download-pdf';
import { CREATE_PRINT_RUN, PRINT_RUNS, type PrintRun, type PrintSheetKind } from './scan.queries';

/** The most sheets one print run may hold (the server refuses more). */
export const MAX_SHEETS = 5000;

const KINDS: readonly PrintSheetKind[] = ['APPRAISAL', 'OPINION'];

/** One print run's PDF, fetched with the session's token. */
function DownloadButton({ run }: { run: PrintRun }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const kind = translate(`pingyi.print.kinds.${run.kind}`);
  const download = async () => {
    setBusy(true);
    try {
      await downloadWithToken(dataProvider, run.pdfUrl, `${kind}-${run.groupLabel}-${run.id}.pdf`);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label="pingyi.print.download"
      startIcon={<DownloadIcon />}
      disabled={busy}
      onClick={() => void download()}
      aria-label={translate('pingyi.print.download_for', { kind, group: run.groupLabel, n: run.sheets })}
      data-testid={`print-run-download-${run.id}`}
    />
  );
}

/**
 * 打印评议表: printed sheets for an evaluator group, each with its own serial
 * and QR label, so that the scans can be read back; the runs with their PDFs.
 */
export function PrintRunsPanel({ campaign }: { campaign: CampaignRecord }) {
  const translate = useTranslate();
  const notify = useNotify();
  const campaignId = campaign.id;
  const runs = useGraphqlQuery(['printRuns', campaignId], PRINT_RUNS, { campaignId });
  const create = useGraphqlMutation(CREATE_PRINT_RUN, {
    invalidate: [
      ['printRuns', campaignId],
      ['paperReconciliation', campaignId],
    ],
    notifyErrors: false,
  });
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    const run = await create.mutateAsync({
      input: {
        campaignId,
        groupCode: values.groupCode as string,
        kind: values.kind as PrintSheetKind,
        sheets: Number(values.sheets),
      },
    });
    notify('pingyi.print.created', {
      type: 'success',
      messageArgs: { n: run.sheets, group: run.groupLabel, kind: translate(`pingyi.print.kinds.${run.kind}`) },
    });
  });
  const list = runs.data?.printRuns ?? [];
  return (
    <Box sx={{ p: 2 }} data-testid="print-runs">
      <Typography variant="h6">{translate('pingyi.print.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 980 }}>
        {translate('pingyi.print.hint')}
      </Typography>
      <Form onSubmit={onSubmit} record={{ kind: 'APPRAISAL', sheets: 100 }}>
        <ServerErrorAlert error={error} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <SelectInput
            source="groupCode"
            label="pingyi.results.group"
            validate={required()}
            choices={campaign.evaluatorGroups.map((group) => ({ id: group.code, name: group.label }))}
            translateChoice={false}
            sx={{ minWidth: 240 }}
            fullWidth={false}
          />
          <RadioButtonGroupInput
            source="kind"
            label="pingyi.print.kind"
            validate={required()}
            choices={KINDS.map((kind) => ({ id: kind, name: `pingyi.print.kinds.${kind}` }))}
          />
          <NumberInput
            source="sheets"
            label="pingyi.print.sheets"
            validate={[required(), minValue(1), maxValue(MAX_SHEETS)]}
            min={1}
            max={MAX_SHEETS}
            step={1}
            fullWidth={false}
            sx={{ width: 160 }}
            helperText="pingyi.print.sheets_help"
          />
          <SaveButton label="pingyi.print.create" icon={<PrintIcon />} alwaysEnable sx={{ mt: 1 }} />
        </Stack>
      </Form>
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 1 }}>
        {translate('pingyi.print.runs')}
      </Typography>
      {list.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="print-runs-empty">
          {translate('pingyi.print.no_runs')}
        </Typography>
      ) : (
        <Table size="small" sx={{ maxWidth: 980 }} data-testid="print-run-list">
          <TableHead>
            <TableRow>
              <TableCell>{translate('pingyi.print.created_at')}</TableCell>
              <TableCell>{translate('pingyi.results.group')}</TableCell>
              <TableCell>{translate('pingyi.print.kind')}</TableCell>
              <TableCell align="right">{translate('pingyi.print.sheets')}</TableCell>
              <TableCell align="right">{translate('pingyi.print.pages')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((run) => (
              <TableRow key={run.id}>
                <TableCell>
                  {new Date(run.createdAt).toLocaleString()}
                  {run.createdBy ? ` · ${run.createdBy}` : ''}
                </TableCell>
                <TableCell>{run.groupLabel}</TableCell>
                <TableCell>{translate(`pingyi.print.kinds.${run.kind}`)}</TableCell>
                <TableCell align="right">{run.sheets.toLocaleString()}</TableCell>
                <TableCell align="right">{(run.sheets * run.pagesPerSheet).toLocaleString()}</TableCell>
                <TableCell align="right">
                  <DownloadButton run={run} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
