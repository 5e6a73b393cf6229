import polyglotI18nProvider from 'ra-i18n-polyglot';
import { type I18nProvider } from 'react-admin';
import { type ErrorTranslator } from '../data/server-errors';
import { zh } from './zh';

/** The console's languages: Simplified Chinese by default, English by the switch in the app bar. */
export const LOCALES = [
  { locale: 'zh', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

/** Chinese is in the initial bundle; English loads when chosen. */
export function createI18nProvider(): I18nProvider {
  return polyglotI18nProvider(
    (locale) => (locale === 'en' ? import('./en').then((module) => module.en) : zh),
    'zh',
    LOCALES,
    { allowMissing: true },
  );
}

/** Server error codes in the user's language, with the server's message as the detail or fallback. */
export function errorTranslator(i18n: I18nProvider): ErrorTranslator {
  return (code, serverMessage) => i18n.translate(`pingyi.errors.${code}`, { _: serverMessage, detail: serverMessage });
}
