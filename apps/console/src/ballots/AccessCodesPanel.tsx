import BlockIcon from '@mui/icons-material/Block';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import QrCodeIcon from '@mui/icons-material/QrCode2';
import {
  Alert,
  Box,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Button,
  Confirm,
  Form,
  minValue,
  NumberInput,
  required,
  SaveButton,
  SelectInput,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { ProgressBar } from '../common/ProgressField';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { downloadCsv } from '../export/download';
import { BUREAU_SETTINGS } from '../settings/settings.queries';
import {
  ACCESS_CODE_BATCHES,
  ACCESS_CODE_SUMMARY,
  type AccessCodeBatch,
  ISSUE_ACCESS_CODES,
  REVOKE_BATCH,
} from './ballots.queries';
import { PhaseGate } from '../phase-gate';

interface Issued {
  codes: string[];
  slipsHtml: string;
  batch: AccessCodeBatch;
}

/** The ballot page's address printed on the slips when the bureau has set no public address (the server prefers that one). */
export function ballotUrl(): string {
  return `${window.location.origin}/#/ballot`;
}

/** Opens the printable slips (HTML from the server) in a new window and prints them. */
function printSlips(html: string): void {
  const win = window.open('', '_blank');
  if (!win) return;
  win.document.open();
  win.document.write(html);
  win.document.close();
  win.focus();
  setTimeout(() => win.print(), 300);
}

/** The codes just issued: shown this once (only their hashes are kept), to print or download. */
function IssuedDialog({
  issued,
  groupLabel,
  campaignName,
  onClose,
}: {
  issued: Issued;
  groupLabel: string;
  campaignName: string;
  onClose: () => void;
}) {
  const translate = useTranslate();
  // the code list for a printing house: the console's CSV (one BOM), headings in the user's language
  const download = () =>
    downloadCsv(
      [
        ['code', 'group', 'campaign'].map((column) => translate(`pingyi.ballots.csv_${column}`)),
        ...issued.codes.map((code) => [code, groupLabel, campaignName]),
      ],
      `${translate('pingyi.ballots.csv_file')}-${groupLabel}-${issued.batch.id}.csv`,
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {translate('pingyi.ballots.issued_title', { count: issued.codes.length, group: groupLabel })}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('pingyi.ballots.issued_once')}
        </Alert>
        <Box
          component="pre"
          data-testid="issued-codes"
          sx={{
            fontFamily: 'monospace',
            fontSize: 14,
            maxHeight: 240,
            overflow: 'auto',
            bgcolor: 'action.hover',
            p: 1.5,
            borderRadius: 1,
          }}
        >
          {issued.codes.slice(0, 200).join('\n')}
          {issued.codes.length > 200 ? `\n… (${issued.codes.length - 200})` : ''}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button label="pingyi.ballots.download_csv" startIcon={<DownloadIcon />} onClick={download} />
        <Button
          label="pingyi.ballots.print_slips"
          startIcon={<PrintIcon />}
          variant="contained"
          onClick={() => printSlips(issued.slipsHtml)}
        />
        <Button label="ra.action.close" onClick={onClose} />
      </DialogActions>
    </Dialog>
  );
}

/** 评议码: per group quota, issued, used and left; issuing a batch; the batches with revocation. */
export function AccessCodesPanel({ campaign }: { campaign: CampaignRecord }) {
  const translate = useTranslate();
  const campaignId = campaign.id;
  const summary = useGraphqlQuery(['accessCodeSummary', campaignId], ACCESS_CODE_SUMMARY, { campaignId });
  const batches = useGraphqlQuery(['accessCodeBatches', campaignId], ACCESS_CODE_BATCHES, {
    campaignId,
    options: { take: 100 },
  });
  const settings = useGraphqlQuery(['bureauSettings'], BUREAU_SETTINGS, {});
  const printedUrl = settings.data?.bureauSettings.ballotUrl;
  const invalidate = [
    ['accessCodeSummary', campaignId],
    ['accessCodeBatches', campaignId],
  ] as const;
  const issue = useGraphqlMutation(ISSUE_ACCESS_CODES, { invalidate, notifyErrors: false });
  const revoke = useGraphqlMutation(REVOKE_BATCH, { invalidate, successMessage: 'pingyi.ballots.revoked' });
  const [issued, setIssued] = useState<Issued | null>(null);
  const [revoking, setRevoking] = useState<AccessCodeBatch | null>(null);
  const groups = summary.data?.accessCodeSummary.groups ?? [];
  const labelOf = (code: string) => groups.find((g) => g.code === code)?.label ?? code;
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    const result = await issue.mutateAsync({
      campaignId,
      group: values.group as string,
      count: Number(values.count),
      ballotUrl: ballotUrl(),
    });
    setIssued(result);
  });
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6">{translate('pingyi.ballots.codes_title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('pingyi.ballots.codes_hint')}
      </Typography>
      {settings.data &&
        (printedUrl ? (
          <Typography variant="body2" sx={{ mb: 2 }} data-testid="slip-address">
            {translate('pingyi.settings.codes_print', { url: printedUrl })}
          </Typography>
        ) : (
          <Alert
            severity="warning"
            sx={{ mb: 2, maxWidth: 980 }}
            data-testid="slip-address"
            action={<Button component={RouterLink} to="/settings" label="pingyi.settings.set_address" />}
          >
            {translate('pingyi.settings.codes_print_unset', { url: ballotUrl() })}
          </Alert>
        ))}
      <Table size="small" sx={{ maxWidth: 980, mb: 3 }} data-testid="code-summary">
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.results.group')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.quota')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.issued')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.used')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.unused')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.revoked_n')}</TableCell>
            <TableCell sx={{ width: 200 }}>{translate('pingyi.ballots.use_rate')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map((group) => (
            <TableRow key={group.code}>
              <TableCell>{group.label}</TableCell>
              <TableCell align="right">{group.quota.toLocaleString()}</TableCell>
              <TableCell align="right">{group.issued.toLocaleString()}</TableCell>
              <TableCell align="right">{group.used.toLocaleString()}</TableCell>
              <TableCell align="right">{group.unused.toLocaleString()}</TableCell>
              <TableCell align="right">{group.revoked.toLocaleString()}</TableCell>
              <TableCell>
                <ProgressBar
                  share={group.issued ? group.used / group.issued : null}
                  label={`${group.label} ${translate('pingyi.ballots.use_rate')}`}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Form onSubmit={onSubmit} record={{ count: 50 }}>
        <ServerErrorAlert error={error} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <SelectInput
            source="group"
            label="pingyi.results.group"
            validate={required()}
            choices={groups.map((g) => ({
              id: g.code,
              name: `${g.label}（${translate('pingyi.ballots.remaining', { n: g.remaining })}）`,
            }))}
            translateChoice={false}
            sx={{ minWidth: 280 }}
            fullWidth={false}
          />
          <NumberInput
            source="count"
            label="pingyi.ballots.count"
            validate={[required(), minValue(1)]}
            fullWidth={false}
            sx={{ width: 160 }}
          />
          <PhaseGate action="issueAccessCodes">
            <SaveButton label="pingyi.ballots.issue" icon={<QrCodeIcon />} alwaysEnable sx={{ mt: 1 }} />
          </PhaseGate>
        </Stack>
      </Form>
      <Typography variant="subtitle1" sx={{ mt: 3, mb: 1 }}>
        {translate('pingyi.ballots.batches')}
      </Typography>
      <Table size="small" sx={{ maxWidth: 980 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('pingyi.ballots.issued_at')}</TableCell>
            <TableCell>{translate('pingyi.results.group')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.count')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.used')}</TableCell>
            <TableCell align="right">{translate('pingyi.ballots.revoked_n')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(batches.data?.accessCodeBatches.items ?? []).map((batch) => (
            <TableRow key={batch.id}>
              <TableCell>
                {new Date(batch.issuedAt).toLocaleString()} · {batch.issuedBy ?? ''}
              </TableCell>
              <TableCell>{labelOf(batch.evaluatorGroupCode)}</TableCell>
              <TableCell align="right">{batch.count}</TableCell>
              <TableCell align="right">{batch.used}</TableCell>
              <TableCell align="right">{batch.revoked}</TableCell>
              <TableCell align="right">
                {batch.unused > 0 && (
                  <Button
                    label="pingyi.ballots.revoke"
                    color="warning"
                    startIcon={<BlockIcon />}
                    onClick={() => setRevoking(batch)}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {issued && (
        <IssuedDialog
          issued={issued}
          groupLabel={labelOf(issued.batch.evaluatorGroupCode)}
          campaignName={campaign.name}
          onClose={() => setIssued(null)}
        />
      )}
      <Confirm
        isOpen={!!revoking}
        title="pingyi.ballots.revoke_title"
        content="pingyi.ballots.revoke_content"
        translateOptions={{ n: revoking?.unused ?? 0 }}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
          setRevoking(null);
        }}
        onClose={() => setRevoking(null)}
      />
    </Box>
  );
}
