import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { BallotSheet, type SheetValues } from './BallotSheet';
import { castBallot, type BallotFormData, type BallotReceiptData, fetchBallotForm } from './public-ballot.api';
import { type BallotFailure, type BallotLocale, failureText, initialLocale, MESSAGES } from './public-ballot.messages';
import { BALLOT_CSS } from './public-ballot.styles';

type Step =
  | { readonly kind: 'code' }
  | { readonly kind: 'sheet'; readonly form: BallotFormData }
  | { readonly kind: 'receipt'; readonly receipt: BallotReceiptData };

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The code read from the address's fragment, kept once the fragment is cleared (a second mount reads it again). */
let fragmentCode: string | null = null;

/**
 * A code passed in the address, as a printed QR code would: `/vote#code=…`
 * or `#/ballot#code=…` (the slip's QR: a fragment never reaches the server's
 * logs), or `/vote?code=…`, `#/vote?code=…`. A fragment's code is then
 * cleared from the address bar (and so from the history), the page staying
 * where it is.
 */
export function codeFromAddress(): string {
  const { hash, search, pathname } = window.location;
  const at = hash.search(/#code=/);
  if (at !== -1) {
    fragmentCode = (new URLSearchParams(hash.slice(at + 1)).get('code') ?? '').trim();
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash.slice(0, at)}`);
    return fragmentCode;
  }
  if (fragmentCode !== null) return fragmentCode;
  const query = hash.includes('?') ? hash.split('?')[1] : search.slice(1);
  return new URLSearchParams(query ?? '').get('code') ?? '';
}

/**
 * The public ballot page (no sign-in): the evaluator types the code from
 * their slip, fills in a sheet laid out like the paper one, and casts it
 * once; the receipt proves it arrived and cannot be linked to the ballot.
 * Chinese by default (English when the console is in English, or chosen
 * here); every error result of the API gets a sentence of its own.
 */
export function PublicBallotApp() {
  const [locale, setLocale] = useState<BallotLocale>(() => initialLocale(storage()));
  const messages = MESSAGES[locale];
  const [step, setStep] = useState<Step>({ kind: 'code' });
  const [code, setCode] = useState(codeFromAddress);
  const [values, setValues] = useState<SheetValues>({ ratings: {}, opinions: {} });
  const [failure, setFailure] = useState<BallotFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = step.kind === 'sheet' ? `${step.form.campaignName} · ${messages.title}` : messages.title;
  }, [locale, step, messages.title]);
  // a failure is announced and gets the focus; a new step moves the focus to its heading
  useEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    headingRef.current?.focus();
  }, [step.kind]);

  const switchLanguage = () => {
    const next = locale === 'en' ? 'zh' : 'en';
    storage()?.setItem('pingyi.ballot.locale', next);
    setLocale(next);
  };

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim() || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await fetchBallotForm(code.trim());
    setBusy(false);
    if (!result.ok) setFailure(result.failure);
    else {
      setValues({ ratings: {}, opinions: {} });
      setStep({ kind: 'sheet', form: result.value });
    }
  };

  const cast = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'sheet' || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await castBallot({
      code: code.trim(),
      ratings: step.form.units
        .filter((unit) => values.ratings[unit.code])
        .map((unit) => ({ unit: unit.code, level: values.ratings[unit.code] as string })),
      opinions: step.form.units
        .filter((unit) => values.opinions[unit.code]?.trim())
        .map((unit) => ({ unit: unit.code, text: (values.opinions[unit.code] as string).trim() })),
    });
    setBusy(false);
    if (!result.ok) setFailure(result.failure);
    else {
      setCode('');
      setStep({ kind: 'receipt', receipt: result.value });
    }
  };

  const rated = useMemo(
    () => (step.kind === 'sheet' ? step.form.units.filter((unit) => values.ratings[unit.code]).length : 0),
    [step, values],
  );

  return (
    <div className="pb-page">
      <style>{BALLOT_CSS}</style>
      <header className="pb-header">
        <div className="pb-header-inner">
          <h1>{step.kind === 'sheet' ? step.form.campaignName : messages.title}</h1>
          <button type="button" className="pb-lang" onClick={switchLanguage} lang={locale === 'en' ? 'zh-CN' : 'en'}>
            {messages.language}
          </button>
        </div>
      </header>
      <main className="pb-main">
        {failure ? (
          <div
            ref={alertRef}
            className="pb-alert pb-alert-error"
            role="alert"
            tabIndex={-1}
            data-testid="ballot-error"
            data-error-code={failure.code}
          >
            {failureText(failure, locale)}
          </div>
        ) : null}

        {step.kind === 'code' ? (
          <form className="pb-card" onSubmit={(event) => void open(event)} noValidate>
            <h2 ref={headingRef} tabIndex={-1}>
              {messages.welcome}
            </h2>
            <p className="pb-muted">{messages.intro}</p>
            <p className="pb-muted">{messages.anonymity}</p>
            <div className="pb-field">
              <label htmlFor="pb-code">{messages.code}</label>
              <input
                id="pb-code"
                className="pb-code"
                data-testid="code-input"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                inputMode="text"
                maxLength={40}
                aria-describedby="pb-code-help"
                aria-invalid={failure !== null}
              />
              <span id="pb-code-help" className="pb-muted">
                {messages.codeHelp}
              </span>
            </div>
            <button type="submit" className="pb-button" disabled={!code.trim() || busy}>
              {busy ? messages.checking : messages.start}
            </button>
          </form>
        ) : null}

        {step.kind === 'sheet' ? (
          <form onSubmit={(event) => void cast(event)} noValidate aria-describedby="pb-sheet-help">
            <div className="pb-alert pb-alert-info">
              <h2 ref={headingRef} tabIndex={-1} className="pb-visually-hidden">
                {step.form.campaignName}
              </h2>
              <div>{messages.sheetCaption(step.form.groupLabel, step.form.closesOn)}</div>
              <div id="pb-sheet-help">{messages.sheetHelp}</div>
            </div>
            <BallotSheet
              // in English, the scale's English labels where the campaign gives them
              form={
                locale === 'en'
                  ? {
                      ...step.form,
                      levels: step.form.levels.map((level) => ({ ...level, label: level.labelEn || level.label })),
                    }
                  : step.form
              }
              values={values}
              messages={messages}
              disabled={busy}
              onRate={(unit, level) => {
                const ratings = { ...values.ratings };
                if (level === null) delete ratings[unit];
                else ratings[unit] = level;
                setValues({ ...values, ratings });
              }}
              onOpinion={(unit, text) => setValues({ ...values, opinions: { ...values.opinions, [unit]: text } })}
            />
            <div className="pb-footer">
              <span role="status" aria-live="polite">
                {messages.progress(rated, step.form.units.length)}
              </span>
              <button type="submit" className="pb-button" disabled={busy}>
                {busy ? messages.casting : messages.cast}
              </button>
            </div>
          </form>
        ) : null}

        {step.kind === 'receipt' ? (
          <section className="pb-card" data-testid="ballot-receipt">
            <h2 ref={headingRef} tabIndex={-1}>
              {messages.thanks}
            </h2>
            <p>
              {messages.receipt.split(/(\{number\}|\{date\})/).map((part, i) =>
                part === '{number}' ? (
                  <strong key={i} className="pb-nowrap" data-testid="receipt-number">
                    {step.receipt.receiptNumber}
                  </strong>
                ) : part === '{date}' ? (
                  <span key={i} className="pb-nowrap">
                    {step.receipt.castOn}
                  </span>
                ) : (
                  part
                ),
              )}
            </p>
            <p>{messages.receiptCounts(step.receipt.rated, step.receipt.abstained, step.receipt.opinions)}</p>
            <p className="pb-muted">{messages.receiptNote}</p>
          </section>
        ) : null}
      </main>
    </div>
  );
}

export default PublicBallotApp;
