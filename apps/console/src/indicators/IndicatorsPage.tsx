import { type VariablesOf } from '../data/graphql';
import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { problemPlace, sentenceText } from '../common/sentence-text';
import {
  Alert,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { Button, Loading, Title, useDataProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import { type Permissions } from '../auth/auth-provider';
import { canAccess } from '../auth/permissions';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { NoCampaign } from '../common/NoCampaign';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { downloadBlob } from '../export/download';
import {
  declarationsWith,
  type IndicatorDeclaration,
  indicatorCsvTemplate,
  type IndicatorRow,
  indicatorRows,
  parseIndicatorValue,
} from './indicator-table';
import {
  IMPORT_UNIT_INDICATORS,
  INDICATOR_CATALOG,
  INDICATOR_TABLE,
  SET_CAMPAIGN_INDICATORS,
  SET_UNIT_INDICATOR_VALUES,
} from './indicators.queries';

interface Problem {
  readonly path: string;
  readonly message: string;
}

interface WriteResult {
  readonly __typename: string;
  readonly saved?: number;
  readonly removed?: number;
  readonly errorCode?: string;
  readonly message?: string;
  readonly problems?: readonly Problem[];
}

type Refusal = { readonly message: string; readonly problems: readonly Problem[] };

/** Sends a write of values; resolves with the refusal (every problem) or null when saved. */
function useIndicatorWrite(campaignId: string) {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  return async <D extends typeof SET_UNIT_INDICATOR_VALUES | typeof IMPORT_UNIT_INDICATORS>(
    document: D,
    variables: Omit<VariablesOf<D>, 'campaignId'>,
  ): Promise<Refusal | null> => {
    try {
      const { data } = (await dataProvider.graphql(document, { campaignId, ...variables } as VariablesOf<D>)) as {
        data: WriteResult;
      };
      if (data.__typename !== 'IndicatorValuesSaved')
        return { message: data.message ?? data.errorCode ?? '', problems: data.problems ?? [] };
      await queryClient.invalidateQueries({ queryKey: ['pingyi', 'indicators'] });
      notify('pingyi.indicators.saved', {
        type: 'success',
        messageArgs: { saved: data.saved ?? 0, removed: data.removed ?? 0 },
      });
      return null;
    } catch (caught) {
      return { message: (caught as Error).message, problems: [] };
    }
  };
}

function ProblemTable({ refusal }: { refusal: Refusal }) {
  const translate = useTranslate();
  return (
    <Alert severity="error" data-testid="indicator-refusal" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <Typography variant="body2" sx={{ mb: refusal.problems.length ? 1 : 0 }}>
        {refusal.problems.length
          ? translate('pingyi.indicators.refused', { smart_count: refusal.problems.length })
          : refusal.message}
      </Typography>
      {refusal.problems.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('pingyi.indicators.problem_where')}</TableCell>
              <TableCell>{translate('pingyi.indicators.problem_message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {refusal.problems.map((problem, index) => (
              <TableRow key={index}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{problemPlace(translate, problem.path)}</TableCell>
                <TableCell>{sentenceText(translate, problem)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Alert>
  );
}

/** One cell: the value, or an input while it is edited (Enter or leaving saves, Escape cancels). */
function ValueCell({
  row,
  indicator,
  canEdit,
  onSave,
}: {
  row: IndicatorRow;
  indicator: IndicatorDeclaration;
  canEdit: boolean;
  onSave: (value: number | null) => Promise<string | null>;
}) {
  const translate = useTranslate();
  const current = row.values[indicator.code];
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = () => {
    if (!canEdit) return;
    setText(current === undefined ? '' : String(current));
    setError(null);
    setEditing(true);
  };
  const commit = async () => {
    const parsed = parseIndicatorValue(text, indicator);
    if (!parsed.ok) {
      setError(
        translate(`pingyi.indicators.invalid.${parsed.reason}`, { min: indicator.min ?? '', max: indicator.max ?? '' }),
      );
      return;
    }
    if (parsed.value === (current ?? null)) {
      setEditing(false);
      return;
    }
    setBusy(true);
    const refused = await onSave(parsed.value);
    setBusy(false);
    if (refused) setError(refused);
    else setEditing(false);
  };
  if (editing) {
    return (
      <TableCell align="right" sx={{ py: 0.5 }}>
        <TextField
          size="small"
          autoFocus
          value={text}
          disabled={busy}
          error={!!error}
          helperText={error ?? undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void commit();
            if (event.key === 'Escape') setEditing(false);
          }}
          inputProps={{ style: { textAlign: 'right' }, 'aria-label': `${row.unitName} ${indicator.label}` }}
          sx={{ width: 120 }}
        />
      </TableCell>
    );
  }
  return (
    <TableCell
      align="right"
      onClick={start}
      data-testid={`indicator-${row.unitCode}-${indicator.code}`}
      sx={{
        cursor: canEdit ? 'pointer' : 'default',
        fontVariantNumeric: 'tabular-nums',
        '&:hover': canEdit ? { bgcolor: 'action.hover' } : undefined,
      }}
    >
      {current === undefined ? (
        <Typography component="span" color="text.disabled">
          —
        </Typography>
      ) : (
        current.toLocaleString()
      )}
    </TableCell>
  );
}

function ImportCsvButton({ campaignId, template }: { campaignId: string; template: () => string }) {
  const translate = useTranslate();
  const write = useIndicatorWrite(campaignId);
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    event.target.value = '';
  };
  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    const refused = await write(IMPORT_UNIT_INDICATORS, { csv });
    setBusy(false);
    if (refused) setRefusal(refused);
    else setOpen(false);
  };
  return (
    <>
      <Button label="pingyi.indicators.import" onClick={() => setOpen(true)} startIcon={<UploadFileIcon />} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('pingyi.indicators.import')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('pingyi.indicators.import_help')}
            </Typography>
            {refusal && <ProblemTable refusal={refusal} />}
            <Stack direction="row" spacing={2} alignItems="center">
              <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                {translate('pingyi.indicators.choose_file')}
                <input hidden type="file" accept=".csv,text/csv" onChange={(event) => void readFile(event)} />
              </MuiButton>
              <Typography variant="body2">{fileName}</Typography>
              <Box sx={{ flex: 1 }} />
              <MuiButton
                startIcon={<DownloadIcon />}
                onClick={() => downloadBlob(template(), 'indicators.csv', 'text/csv;charset=utf-8')}
              >
                {translate('pingyi.indicators.template')}
              </MuiButton>
            </Stack>
            <TextField
              label="CSV"
              value={csv}
              onChange={(event) => setCsv(event.target.value)}
              multiline
              minRows={8}
              maxRows={18}
              fullWidth
              inputProps={{ style: { fontFamily: 'monospace', fontSize: 13 }, 'data-testid': 'indicator-csv' }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || !csv.trim()} onClick={() => void submit()}>
            {translate('pingyi.indicators.import_submit')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

const EMPTY_DECLARATION = { code: '', label: '', unit: '', description: '', min: '', max: '', integer: false };

/** Declares one more indicator (typed in, or picked from the plugins' catalog). */
function AddIndicatorButton({
  campaignId,
  declarations,
}: {
  campaignId: string;
  declarations: readonly IndicatorDeclaration[];
}) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY_DECLARATION);
  const [failure, setFailure] = useState<string | null>(null);
  const catalog = useGraphqlQuery(['indicatorCatalog'], INDICATOR_CATALOG, {}, open);
  const save = useGraphqlMutation(SET_CAMPAIGN_INDICATORS, {
    invalidate: [['indicators']],
    successMessage: 'pingyi.indicators.declared',
    notifyErrors: false,
  });
  const set = (field: keyof typeof EMPTY_DECLARATION) => (event: ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [field]: field === 'integer' ? event.target.checked : event.target.value });
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  const pick = (code: string) => {
    const entry = catalog.data?.indicatorCatalog.find((candidate) => candidate.code === code);
    if (entry)
      setForm({
        code: entry.code,
        label: entry.label,
        unit: entry.unit ?? '',
        description: entry.description ?? '',
        min: entry.min?.toString() ?? '',
        max: entry.max?.toString() ?? '',
        integer: entry.integer,
      });
  };
  const submit = async () => {
    setFailure(null);
    const added = {
      code: form.code.trim(),
      label: form.label.trim(),
      unit: form.unit.trim() || null,
      description: form.description.trim() || null,
      min: number(form.min),
      max: number(form.max),
      integer: form.integer,
    };
    try {
      await save.mutateAsync({ campaignId, indicators: declarationsWith(declarations, added) });
      setOpen(false);
      setForm(EMPTY_DECLARATION);
    } catch (caught) {
      setFailure((caught as Error).message);
    }
  };
  const entries = catalog.data?.indicatorCatalog ?? [];
  return (
    <>
      <Button label="pingyi.indicators.add" onClick={() => setOpen(true)} startIcon={<AddIcon />} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('pingyi.indicators.add')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {failure && <Alert severity="error">{failure}</Alert>}
            {entries.length > 0 && (
              <TextField
                select
                size="small"
                label={translate('pingyi.indicators.from_catalog')}
                value=""
                onChange={(event) => pick(event.target.value)}
              >
                {entries.map((entry) => (
                  <MenuItem key={entry.code} value={entry.code}>
                    {entry.label} · {entry.code} ·{' '}
                    {translate('pingyi.campaign_config.plugin', { plugin: entry.plugin })}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <Stack direction="row" spacing={2}>
              <TextField
                size="small"
                required
                label={translate('pingyi.indicators.fields.code')}
                value={form.code}
                onChange={set('code')}
                inputProps={{ 'data-testid': 'indicator-code' }}
                fullWidth
              />
              <TextField
                size="small"
                required
                label={translate('pingyi.indicators.fields.label')}
                value={form.label}
                onChange={set('label')}
                inputProps={{ 'data-testid': 'indicator-label' }}
                fullWidth
              />
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField
                size="small"
                label={translate('pingyi.indicators.fields.unit')}
                value={form.unit}
                onChange={set('unit')}
                sx={{ width: 120 }}
              />
              <TextField
                size="small"
                type="number"
                label={translate('pingyi.indicators.fields.min')}
                value={form.min}
                onChange={set('min')}
                sx={{ width: 120 }}
              />
              <TextField
                size="small"
                type="number"
                label={translate('pingyi.indicators.fields.max')}
                value={form.max}
                onChange={set('max')}
                sx={{ width: 120 }}
              />
              <FormControlLabel
                control={<Checkbox checked={form.integer} onChange={set('integer')} />}
                label={translate('pingyi.indicators.fields.integer')}
              />
            </Stack>
            <TextField
              size="small"
              label={translate('pingyi.indicators.fields.description')}
              value={form.description}
              onChange={set('description')}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={save.isPending || !form.code.trim() || !form.label.trim()}
            onClick={() => void submit()}
          >
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

function IndicatorTable({ campaignId, canEdit }: { campaignId: string; canEdit: boolean }) {
  const translate = useTranslate();
  const write = useIndicatorWrite(campaignId);
  const { data, isPending, error } = useGraphqlQuery(['indicators', campaignId], INDICATOR_TABLE, {
    campaignId,
  });
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{(error as Error).message}</Alert>;
  const indicators = [...data.campaignIndicators].sort((a, b) => a.sortOrder - b.sortOrder);
  const rows = indicatorRows(data.units, data.unitIndicatorValues);
  const save = async (
    row: IndicatorRow,
    indicator: IndicatorDeclaration,
    value: number | null,
  ): Promise<string | null> => {
    const refused = await write(SET_UNIT_INDICATOR_VALUES, {
      values: [{ unitCode: row.unitCode, indicatorCode: indicator.code, value }],
    });
    return refused
      ? refused.problems.map((problem) => sentenceText(translate, problem)).join('; ') || refused.message
      : null;
  };
  return (
    <>
      <Stack direction="row" alignItems="center" sx={{ px: 2, pt: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate(
            !indicators.length
              ? 'pingyi.indicators.none'
              : canEdit
                ? 'pingyi.indicators.edit_help'
                : 'pingyi.indicators.read_help',
          )}
        </Typography>
        {canEdit && <AddIndicatorButton campaignId={campaignId} declarations={indicators} />}
        {canEdit && indicators.length > 0 && (
          <ImportCsvButton
            campaignId={campaignId}
            template={() => indicatorCsvTemplate(indicators, rows, { bom: true })}
          />
        )}
      </Stack>
      {indicators.length > 0 && (
        <TableContainer>
          <Table size="small" data-testid="indicator-table" sx={{ width: 'auto', minWidth: 480 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('pingyi.indicators.unit')}</TableCell>
                {indicators.map((indicator) => (
                  <TableCell key={indicator.code} align="right">
                    <Tooltip title={[indicator.description, indicator.code].filter(Boolean).join(' · ')}>
                      <span>
                        {indicator.label}
                        {indicator.unit ? `（${indicator.unit}）` : ''}
                      </span>
                    </Tooltip>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.unitCode}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.unitName}</TableCell>
                  {indicators.map((indicator) => (
                    <ValueCell
                      key={indicator.code}
                      row={row}
                      indicator={indicator}
                      canEdit={canEdit}
                      onSave={(value) => save(row, indicator, value)}
                    />
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}

/** Per-unit indicators (单位指标) of the current campaign: the declarations and a unit × indicator table. */
export function IndicatorsPage() {
  const { campaign, isPending } = useCurrentCampaign();
  const { permissions } = usePermissions<Permissions>();
  if (isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  const canEdit = canAccess(permissions ? { roles: permissions.roles } : null, 'indicators', 'edit');
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="pingyi.menu.indicators" />
      <CardContent sx={{ px: 0 }}>
        <IndicatorTable campaignId={campaign.id} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
