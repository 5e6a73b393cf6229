import { Alert, Box, Button, Card, CardContent, Container, CssBaseline, FormControlLabel, Radio, RadioGroup, Stack, TextField, ThemeProvider, Typography, createTheme } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { makeTranslate, messagesFor } from './ballot-translate';
import { BALLOT_FORM, type BallotForm, type BallotReceipt, CAST_BALLOT } from './ballot-page.queries';
import { zh } from '../i18n/zh';

const theme = createTheme({
  palette: { primary: { main: '#2f5286' }, secondary: { main: '#9f1c1c' }, background: { default: '#f6f6f4' } },
  typography: { fontFamily: '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' },
});

interface Failure {
  code: string;
  message: string;
}

/** POSTs one operation to /graphql and returns its `data` union member, or the failure. */
async function call<T>(query: string, variables: Record<string, unknown>): Promise<T | Failure> {
  try {
    const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: { data?: Record<string, unknown> }; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) return { code: error.extensions?.code ?? 'ERROR', message: error.message };
    const value = body.data?.data;
    if (!value) return { code: 'ERROR', message: `HTTP ${response.status}` };
    if (typeof value.errorCode === 'string') return { code: value.errorCode, message: String(value.message ?? '') };
    return value as T;
  } catch (error) {
    return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
  }
}

const isFailure = (value: unknown): value is Failure => typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('receiptNumber' in value) && !('units' in value);

function codeFromUrl(): string {
  const query = window.location.hash.split('?')[1] ?? window.location.search.slice(1);
  return new URLSearchParams(query).get('code') ?? '';
}

/**
 * The public ballot page: an evaluator enters the code from their slip, rates
 * each appraised unit (or leaves it blank to abstain), may add opinions, and
 * casts the ballot once. Nothing about the evaluator is asked or kept.
 */
export default function BallotApp() {
  const [locale, setLocale] = useState(() => (navigator.language.startsWith('zh') ? 'zh' : (localStorage.getItem('pingyi.ballotLocale') ?? 'zh')));
  const [messages, setMessages] = useState<unknown>(zh);
  useEffect(() => {
    void messagesFor(locale).then(setMessages);
    localStorage.setItem('pingyi.ballotLocale', locale);
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  const t = useMemo(() => makeTranslate(messages), [messages]);
  const [code, setCode] = useState(codeFromUrl);
  const [form, setForm] = useState<BallotForm | null>(null);
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const [opinions, setOpinions] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [receipt, setReceipt] = useState<BallotReceipt | null>(null);
  const [busy, setBusy] = useState(false);

  const message = (f: Failure) => t(`pingyi.ballot_page.errors.${f.code}`, { detail: f.message }).replace(`pingyi.ballot_page.errors.${f.code}`, f.message);

  const open = async () => {
    setBusy(true);
    setFailure(null);
    const result = await call<BallotForm>(BALLOT_FORM, { code: code.trim() });
    setBusy(false);
    if (isFailure(result)) setFailure(result);
    else setForm(result);
  };

  const cast = async () => {
    if (!form) return;
    setBusy(true);
    setFailure(null);
    const input = {
      code: code.trim(),
      ratings: Object.entries(ratings).map(([unit, level]) => ({ unit, level })),
      opinions: Object.entries(opinions)
        .filter(([, text]) => text.trim())
        .map(([unit, text]) => ({ unit, text: text.trim() })),
    };
    const result = await call<BallotReceipt>(CAST_BALLOT, { input });
    setBusy(false);
    if (isFailure(result)) setFailure(result);
    else setReceipt(result);
  };

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ bgcolor: 'secondary.main', color: '#fff', py: 2 }}>
        <Container maxWidth="md" sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {form?.campaignName ?? t('pingyi.ballot_page.title')}
          </Typography>
          <Button color="inherit" onClick={() => setLocale(locale === 'en' ? 'zh' : 'en')}>
            {locale === 'en' ? '简体中文' : 'English'}
          </Button>
        </Container>
      </Box>
      <Container maxWidth="md" sx={{ py: 3 }}>
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="ballot-error">
            {message(failure)}
          </Alert>
        )}
        {receipt ? (
          <Card data-testid="ballot-receipt">
            <CardContent>
              <Typography variant="h5" gutterBottom>
                {t('pingyi.ballot_page.thanks')}
              </Typography>
              <Typography>{t('pingyi.ballot_page.receipt', { number: receipt.receiptNumber, date: receipt.castOn })}</Typography>
              <Typography color="text.secondary">{t('pingyi.ballot_page.receipt_counts', { rated: receipt.rated, abstained: receipt.abstained, opinions: receipt.opinions })}</Typography>
            </CardContent>
          </Card>
        ) : !form ? (
          <Card>
            <CardContent>
              <Typography variant="h5" gutterBottom>
                {t('pingyi.ballot_page.welcome')}
              </Typography>
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                {t('pingyi.ballot_page.intro')}
              </Typography>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField label={t('pingyi.ballot_page.code')} value={code} onChange={(event) => setCode(event.target.value)} inputProps={{ 'data-testid': 'code-input', autoCapitalize: 'characters' }} sx={{ flex: 1 }} />
                <Button variant="contained" size="large" disabled={!code.trim() || busy} onClick={() => void open()}>
                  {t('pingyi.ballot_page.start')}
                </Button>
              </Stack>
            </CardContent>
          </Card>
        ) : (
          <>
            <Alert severity="info" sx={{ mb: 2 }}>
              {t('pingyi.ballot_page.form_intro', { group: form.groupLabel, date: form.closesOn })}
            </Alert>
            <Stack spacing={2}>
              {form.units.map((unit) => (
                <Card key={unit.code} data-testid={`unit-${unit.code}`}>
                  <CardContent>
                    <Typography variant="h6">{unit.name}</Typography>
                    <RadioGroup row value={ratings[unit.code] ?? ''} onChange={(event) => setRatings({ ...ratings, [unit.code]: event.target.value })}>
                      {form.levels.map((level) => (
                        <FormControlLabel key={level.code} value={level.code} control={<Radio />} label={level.label} />
                      ))}
                    </RadioGroup>
                    <TextField
                      fullWidth
                      multiline
                      size="small"
                      placeholder={t('pingyi.ballot_page.opinion')}
                      value={opinions[unit.code] ?? ''}
                      onChange={(event) => setOpinions({ ...opinions, [unit.code]: event.target.value.slice(0, form.opinionMaxLength) })}
                      sx={{ mt: 1 }}
                    />
                  </CardContent>
                </Card>
              ))}
            </Stack>
            <Typography color="text.secondary" sx={{ my: 2 }}>
              {t('pingyi.ballot_page.abstain_note', { rated: Object.keys(ratings).length, total: form.units.length })}
            </Typography>
            <Button variant="contained" size="large" disabled={busy} onClick={() => void cast()}>
              {t('pingyi.ballot_page.cast')}
            </Button>
          </>
        )}
      </Container>
    </ThemeProvider>
  );
}
