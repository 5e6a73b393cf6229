/** The parts of a request the log and the metrics read. */
export interface OperationRequestLike {
  readonly url?: string;
  readonly originalUrl?: string;
  readonly body?: unknown;
}

const NAMED = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]{0,63})/;
const FIRST_FIELD =
  /^\s*(?:#[^\n]*\n\s*)*(?:(query|mutation|subscription)\b[^{]*)?\{\s*(?:[A-Za-z_]\w*\s*:\s*)?([A-Za-z_][A-Za-z0-9_]{0,63})/;

/**
 * A GraphQL request's operation as a label: its name, else `mutation castBallot`
 * (the type and the first field). Only identifiers are taken, never variables
 * or arguments: a code, a ballot or a password never becomes a label. Batched
 * requests are `batch`; anything else `unknown`.
 */
export function graphqlOperationOf(body: unknown): string {
  if (Array.isArray(body)) return 'batch';
  if (body === null || typeof body !== 'object') return 'unknown';
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof query !== 'string') return 'unknown';
  const named = NAMED.exec(query);
  if (named)
    return typeof operationName === 'string' && /^[A-Za-z_]\w{0,63}$/.test(operationName)
      ? operationName
      : (named[2] ?? 'unknown');
  const first = FIRST_FIELD.exec(query);
  return first ? `${first[1] ?? 'query'} ${first[2] ?? ''}`.trim() : 'unknown';
}

/** The path of a request without its query string (which may hold a GET request's GraphQL variables). */
export function pathOf(req: OperationRequestLike): string {
  const url = req.originalUrl ?? req.url ?? '';
  const cut = url.indexOf('?');
  return (cut === -1 ? url : url.slice(0, cut)).slice(0, 200);
}
