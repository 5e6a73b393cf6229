import { ERROR_NAMES, MESSAGES, type ReasonLanguage } from '@pingyi/domain';

const inLanguage = (
  catalog: Readonly<Record<string, Readonly<Record<ReasonLanguage, string>>>>,
  language: ReasonLanguage,
): Record<string, string> => Object.fromEntries(Object.entries(catalog).map(([key, text]) => [key, text[language]]));

/**
 * The shared catalog of refusal sentences (`@pingyi/domain` MESSAGES) in one
 * language, as `pingyi.messages.<key>`: the server words its English message
 * with the same sentence, so the two never drift.
 */
export const sentencesIn = (language: ReasonLanguage): Record<string, string> => inLanguage(MESSAGES, language);

/** The shared names of error codes (`@pingyi/domain` ERROR_NAMES), as `pingyi.error_names.<CODE>`. */
export const errorNamesIn = (language: ReasonLanguage): Record<string, string> => inLanguage(ERROR_NAMES, language);
