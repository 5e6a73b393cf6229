import { zh } from '../i18n/zh';

type Tree = { [key: string]: Tree | string };

/**
 * A small translator for the public ballot page, which does without
 * react-admin: the same message files, `%{name}` placeholders.
 */
export function makeTranslate(messages: unknown): (key: string, values?: Record<string, string | number>) => string {
  return (key, values = {}) => {
    let node: Tree | string | undefined = messages as Tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    const text = typeof node === 'string' ? node : key;
    return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

/** Chinese at once; English loaded when chosen. */
export async function messagesFor(locale: string): Promise<unknown> {
  if (locale === 'en') return (await import('../i18n/en')).en;
  return zh;
}
