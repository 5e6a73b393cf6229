import { sentenceOf } from '../data/server-errors';
import { translateSentence } from '../i18n/i18n-provider';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the server answers with a sentence: its message, and the shared catalog's key and parameters (an import problem, an inbox notification). */
export interface SentenceSource {
  readonly message: string;
  readonly messageKey?: string | null;
  readonly messageParamsJson?: string | null;
}

/** What it says, in the console's language from its sentence (else the message the server wrote). */
export function sentenceText(translate: Translate, source: SentenceSource): string {
  return translateSentence(translate, sentenceOf(source), source.message);
}

/** Where an import problem is: a file's `line 3` in the console's language; a field's path as given. */
export function problemPlace(translate: Translate, path: string): string {
  return path.replace(/^line (\d+)/, (_, line: string) => translate('pingyi.common.line', { line: Number(line) }));
}
