/** Argument names whose values never reach the audit log. */
export const SECRET_ARG = /password|secret|token|^codes?$/i;

const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;
const MAX_JSON = 4000;

function redact(value: unknown, depth: number, extraSecrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string')
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…(${value.length} chars)` : value;
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redact(item, depth + 1, extraSecrets));
    return value.length > MAX_ITEMS ? [...items, `…(${value.length} items)`] : items;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_ARG.test(key) || extraSecrets.has(key) ? '***' : redact(item, depth + 1, extraSecrets),
    ]),
  );
}

/**
 * The arguments of a mutation as short JSON for the audit log: secrets
 * (passwords, tokens, access codes and any `extraSecrets`) replaced by `***`,
 * long strings and lists cut.
 */
export function summarizeArgs(args: Readonly<Record<string, unknown>>, extraSecrets: readonly string[] = []): string {
  const json = JSON.stringify(redact(args, 0, new Set(extraSecrets)));
  return json.length > MAX_JSON ? `${json.slice(0, MAX_JSON)}…` : json;
}
