/**
 * Text shown to people, in Chinese and English. Plugin authors may pass a
 * plain string where one language is enough.
 */
export type LocalizedText = string | { readonly zh: string; readonly en: string };

/** Both languages of a text: a plain string stands for both. */
export function localize(text: LocalizedText): { zh: string; en: string } {
  return typeof text === 'string' ? { zh: text, en: text } : { zh: text.zh, en: text.en };
}
