import polyglotI18nProvider from 'ra-i18n-polyglot';
import { type I18nProvider } from 'react-admin';
import { type ErrorTranslator, type ServerSentence } from '../data/server-errors';
import { zh } from './zh';

/** The console's languages: Simplified Chinese by default, English by the switch in the app bar. */
export const LOCALES = [
  { locale: 'zh', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

type Tree = { [key: string]: Tree | string | undefined };

function hasKey(messages: Tree, key: string): boolean {
  let node: Tree | string | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
}

/**
 * Translation keys asked for but missing from the message files (react-admin
 * falls back to an English label silently): kept in
 * `window.__pingyiMissingTranslations` so the browser suite can fail on them.
 */
export const missingTranslations = new Set<string>();

// react-admin's per-resource overrides of its own labels (resources.X.page.list...): optional, they fall back to ra.*
// (and the pagination's ellipsis, which react-admin's own English file leaves out too)
const OPTIONAL_KEY =
  /^resources\.[^.]+\.(page|action|notifications|message|forcedCaseName|empty|invite)(\.|$)|^ra\.navigation\.(start|end)-ellipsis$/;

/** Chinese is in the initial bundle; English loads when chosen. */
export function createI18nProvider(): I18nProvider {
  const provider = polyglotI18nProvider(
    (locale) => (locale === 'en' ? import('./en').then((module) => module.en) : zh),
    'zh',
    LOCALES,
    { allowMissing: true },
  );
  if (typeof window !== 'undefined')
    (window as unknown as { __pingyiMissingTranslations: Set<string> }).__pingyiMissingTranslations =
      missingTranslations;
  return {
    ...provider,
    translate: (key: string, options?: Record<string, unknown>) => {
      // the same keys exist in both languages (i18n.spec.ts), so checking the Chinese file is enough
      if (
        /^(ra|pingyi|resources)\./.test(key) &&
        !hasKey(zh as unknown as Tree, key) &&
        !OPTIONAL_KEY.test(key) &&
        !missingTranslations.has(key)
      ) {
        missingTranslations.add(key);
        try {
          // kept across page loads of the tab, for the browser suite
          window.sessionStorage.setItem(
            'pingyi.missingTranslations',
            JSON.stringify([
              ...new Set([...JSON.parse(window.sessionStorage.getItem('pingyi.missingTranslations') ?? '[]'), key]),
            ]),
          );
        } catch {
          // no storage: the in-memory set is enough
        }
      }
      return provider.translate(key, options);
    },
  };
}

/**
 * A sentence of the shared message catalog in the user's language, or
 * `fallback` (the server's English message) for a key this console does not know.
 */
export function translateSentence(
  translate: (key: string, options?: Record<string, unknown>) => string,
  sentence: ServerSentence,
  fallback: string,
): string {
  const key = sentence.messageKey && `pingyi.messages.${sentence.messageKey}`;
  return key && hasKey(zh as unknown as Tree, key)
    ? translate(key, { ...sentence.messageParams, _: fallback })
    : fallback;
}

/**
 * Server error codes in the user's language: the code's sentence, with the
 * refusal's own sentence (from its message key) as the detail, else the
 * server's message.
 */
export function errorTranslator(i18n: I18nProvider): ErrorTranslator {
  return (code, serverMessage, params) => {
    const detail = translateSentence(
      i18n.translate,
      {
        messageKey: params?.messageKey as string | undefined,
        messageParams: params?.messageParams as ServerSentence['messageParams'],
      },
      serverMessage,
    );
    return i18n.translate(`pingyi.errors.${code}`, { ...params, _: detail, detail });
  };
}
