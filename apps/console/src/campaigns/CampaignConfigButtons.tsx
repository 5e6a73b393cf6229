import { type VariablesOf } from '../data/graphql';
import DownloadIcon from '@mui/icons-material/Download';
import LibraryAddIcon from '@mui/icons-material/LibraryAdd';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List as MuiList,
  ListItemButton,
  ListItemText,
  Menu,
  MenuItem,
  Stack,
  TextField,
  Typography,
  Button as MuiButton,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { type PingyiDataProvider } from '../data/data-provider';
import { useGraphqlQuery } from '../data/use-graphql';
import { downloadBlob } from '../export/download';
import { type ConfigFormat, type ConfigOutcome, formatOfConfig, outcomeOf, problemLine } from './campaign-config';
import {
  CAMPAIGN_TEMPLATES,
  CREATE_FROM_TEMPLATE,
  EXPORT_CAMPAIGN_CONFIG,
  IMPORT_CAMPAIGN_CONFIG,
} from './campaign-config.queries';
import { type CampaignRecord } from './campaign-values';

type Refusal = Extract<ConfigOutcome, { ok: false }>;

/** The server's refusal with every problem it reports. */
function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const translate = useTranslate();
  const sentence = translate(`pingyi.errors.${refusal.errorCode}`, { _: refusal.message, detail: refusal.message });
  return (
    <Alert severity="error" data-testid="config-refusal">
      {refusal.problems.length === 0 && <Typography variant="body2">{sentence}</Typography>}
      {refusal.problems.length > 0 && (
        <>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('pingyi.campaign_config.problems', { smart_count: refusal.problems.length })}
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {refusal.problems.map((problem, index) => (
              <li key={index}>
                <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }}>
                  {problemLine(translate, problem)}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}

/** Sends a create/import mutation; navigates to the new campaign or returns the refusal. */
function useConfigMutation() {
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const queryClient = useQueryClient();
  const redirect = useRedirect();
  const notify = useNotify();
  return async <D extends typeof CREATE_FROM_TEMPLATE | typeof IMPORT_CAMPAIGN_CONFIG>(
    document: D,
    variables: VariablesOf<D>,
  ): Promise<Refusal | null> => {
    const { data } = await dataProvider.graphql<D>(document, variables);
    const outcome = outcomeOf(data);
    if (!outcome.ok) return outcome;
    await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    notify('pingyi.campaign_config.created', { type: 'success' });
    redirect('show', 'campaigns', outcome.id);
    return null;
  };
}

/** On the campaigns list: creates a campaign from the seed or a plugin's template for a year. */
export function CreateFromTemplateButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const send = useConfigMutation();
  const { data, isPending, error } = useGraphqlQuery(['campaignTemplates'], CAMPAIGN_TEMPLATES, {}, open);
  const templates = data?.campaignTemplates ?? [];
  const selected = chosen ?? templates[0]?.code ?? null;
  const yearNumber = Number(year);
  const submit = async () => {
    if (!selected) return;
    setBusy(true);
    setRefusal(null);
    try {
      const result = await send(CREATE_FROM_TEMPLATE, {
        template: selected,
        year: yearNumber,
        name: name.trim() || null,
      });
      if (result) setRefusal(result);
      else setOpen(false);
    } catch (caught) {
      setRefusal({ ok: false, errorCode: 'INTERNAL_SERVER_ERROR', message: (caught as Error).message, problems: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        label="pingyi.campaign_config.from_template"
        onClick={() => setOpen(true)}
        startIcon={<LibraryAddIcon />}
      />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('pingyi.campaign_config.from_template')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            {refusal && <RefusalAlert refusal={refusal} />}
            {error && <Alert severity="error">{(error as Error).message}</Alert>}
            {isPending && open && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
            <MuiList component="div" dense disablePadding data-testid="template-list">
              {templates.map((template) => (
                <ListItemButton
                  key={template.code}
                  selected={template.code === selected}
                  onClick={() => setChosen(template.code)}
                >
                  <ListItemText
                    primary={`${template.label}${template.plugin ? ` · ${translate('pingyi.campaign_config.plugin', { plugin: template.plugin })}` : ` · ${translate('pingyi.campaign_config.built_in')}`}`}
                    secondary={translate('pingyi.campaign_config.template_summary', {
                      units: template.unitCount,
                      appraised: template.appraisedUnitCount,
                      items: template.workItemCount,
                      groups: template.evaluatorGroupCount,
                      quota: template.totalQuota.toLocaleString(),
                      strategy: template.strategyCode,
                    })}
                  />
                </ListItemButton>
              ))}
            </MuiList>
            <Stack direction="row" spacing={2}>
              <TextField
                label={translate('resources.campaigns.fields.year')}
                type="number"
                value={year}
                onChange={(event) => setYear(event.target.value)}
                size="small"
                inputProps={{ 'data-testid': 'template-year' }}
                sx={{ width: 140 }}
              />
              <TextField
                label={translate('pingyi.campaign_config.name_optional')}
                value={name}
                onChange={(event) => setName(event.target.value)}
                size="small"
                fullWidth
              />
            </Stack>
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={busy || !selected || !Number.isInteger(yearNumber) || yearNumber < 2000}
            onClick={() => void submit()}
          >
            {translate('pingyi.campaign_config.create')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** On the campaigns list: a JSON or YAML configuration pasted or uploaded becomes a campaign (all or nothing). */
export function ImportConfigButton() {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [year, setYear] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const send = useConfigMutation();
  const format: ConfigFormat = formatOfConfig(text, fileName);
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    event.target.value = '';
  };
  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await send(IMPORT_CAMPAIGN_CONFIG, { text, format, year: year.trim() ? Number(year) : null });
      if (result) setRefusal(result);
      else setOpen(false);
    } catch (caught) {
      setRefusal({ ok: false, errorCode: 'INTERNAL_SERVER_ERROR', message: (caught as Error).message, problems: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="pingyi.campaign_config.import" onClick={() => setOpen(true)} startIcon={<UploadFileIcon />} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate('pingyi.campaign_config.import')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('pingyi.campaign_config.import_help')}
            </Typography>
            {refusal && <RefusalAlert refusal={refusal} />}
            <Stack direction="row" spacing={2} alignItems="center">
              <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />}>
                {translate('pingyi.campaign_config.choose_file')}
                <input
                  hidden
                  type="file"
                  accept=".json,.yaml,.yml,application/json,text/yaml"
                  onChange={(event) => void readFile(event)}
                  data-testid="config-file"
                />
              </MuiButton>
              <Typography variant="body2">{fileName ?? ''}</Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('pingyi.campaign_config.format', { format })}
              </Typography>
              <TextField
                label={translate('pingyi.campaign_config.year_optional')}
                type="number"
                value={year}
                onChange={(event) => setYear(event.target.value)}
                size="small"
                sx={{ width: 180 }}
              />
            </Stack>
            <TextField
              label={translate('pingyi.campaign_config.text')}
              value={text}
              onChange={(event) => setText(event.target.value)}
              multiline
              minRows={10}
              maxRows={20}
              fullWidth
              inputProps={{ style: { fontFamily: 'monospace', fontSize: 13 }, 'data-testid': 'config-text' }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={busy || !text.trim()} onClick={() => void submit()}>
            {translate('pingyi.campaign_config.import_submit')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** On a campaign's page: its configuration as a JSON or YAML file. */
export function ExportConfigButton() {
  const record = useRecordContext<CampaignRecord>();
  const dataProvider = useDataProvider<PingyiDataProvider>();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!record) return null;
  const download = async (format: ConfigFormat) => {
    setAnchor(null);
    try {
      const { exportCampaignConfig: file } = await dataProvider.graphql(EXPORT_CAMPAIGN_CONFIG, {
        campaignId: record.id,
        format,
      });
      downloadBlob(
        file.text,
        file.fileName,
        format === 'JSON' ? 'application/json;charset=utf-8' : 'text/yaml;charset=utf-8',
      );
    } catch (caught) {
      notify((caught as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button
        label="pingyi.campaign_config.export"
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={<DownloadIcon />}
      />
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void download('JSON')}>JSON</MenuItem>
        <MenuItem onClick={() => void download('YAML')}>YAML</MenuItem>
      </Menu>
    </>
  );
}
