import { HttpError } from 'react-admin';

/**
 * Translates an error code into a sentence in the current locale (falls back
 * to the server's message); `params` are the error result's own fields
 * (`itemId`, `unitName`…), for the sentence to name what it is about.
 */
export type ErrorTranslator = (
  code: string,
  serverMessage: string,
  params?: Readonly<Record<string, unknown>>,
) => string;

/** The server's sentence for a refusal: a key of the shared message catalog and its parameters. */
export type ServerSentence = {
  readonly messageKey?: string;
  readonly messageParams?: Readonly<Record<string, string | number>>;
};

/** Reads the sentence of an answer: `messageKey` with `params` (REST, GraphQL `extensions.details`) or `messageParamsJson` (error results, report rows). */
export function sentenceOf(
  source:
    | { readonly messageKey?: unknown; readonly params?: unknown; readonly messageParamsJson?: unknown }
    | null
    | undefined,
): ServerSentence {
  if (!source || typeof source.messageKey !== 'string') return {};
  let raw: unknown = source.params;
  if (typeof source.messageParamsJson === 'string') {
    try {
      raw = JSON.parse(source.messageParamsJson);
    } catch {
      raw = {};
    }
  }
  const messageParams: Record<string, string | number> = {};
  if (raw && typeof raw === 'object')
    for (const [name, value] of Object.entries(raw))
      if (typeof value === 'string' || typeof value === 'number') messageParams[name] = value;
  return { messageKey: source.messageKey, messageParams };
}

/** What the console keeps of a failure, in `HttpError.body`. */
export interface ServerErrorBody {
  /** The server's stable code: `INVALID_ARGUMENT`, `USERNAME_TAKEN`, `UNAUTHENTICATED`... */
  readonly errorCode: string;
  /** The server's own message (English, names the field or window at fault). */
  readonly detail: string;
  /** The argument at fault as the server names it (`input.username`). */
  readonly path: string | null;
  /**
   * react-admin form errors: `{ username: 'message' }` next to the field, and
   * always `{ root: { serverError } }`, which react-admin shows as a
   * notification (so a path no input of the form carries is never lost).
   */
  readonly errors?: Record<string, unknown>;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  QUERY_LIMIT_EXCEEDED: 400,
  INTERNAL_SERVER_ERROR: 500,
  INTERNAL: 500,
  NETWORK: 0,
};

/** The HTTP-like status react-admin reacts to: 401 signs out, 403 shows "forbidden", the rest a message. */
export function statusOfCode(code: string): number {
  return STATUS_BY_CODE[code] ?? 409;
}

/**
 * Maps the server's argument path to a react-admin form field:
 * `input.username` → `username`, `input.phases[0].startDate` → `phases.0.startDate`.
 * Top-level arguments that are not `input` (`id`, `password`) keep their name.
 */
export function formFieldOfPath(path: string | null | undefined): string | null {
  if (!path) return null;
  const dotted = path.replace(/\[(\d+)\]/g, '.$1').replace(/^input\./, '');
  if (
    !/^[A-Za-z_][\w]*(\.[\w]+)*$/.test(dotted) ||
    dotted === 'input' ||
    dotted === 'options' ||
    dotted.startsWith('options.')
  )
    return null;
  return dotted;
}

/**
 * An `HttpError` for one server failure, with the message in the user's
 * language and, when the server names a field, a form error next to it.
 */
export function serverError(
  code: string,
  serverMessage: string,
  path: string | null,
  translate: ErrorTranslator,
  params?: Readonly<Record<string, unknown>>,
): HttpError {
  // The server's messages start with the path ("input.phases[2].start: overlaps…"); next to the field it is noise.
  const detail = path && serverMessage.startsWith(`${path}: `) ? serverMessage.slice(path.length + 2) : serverMessage;
  const message = translate(code, detail, params);
  const field = formFieldOfPath(path);
  const body: ServerErrorBody = {
    errorCode: code,
    detail: serverMessage,
    path,
    errors: { ...(field ? { [field]: message } : {}), root: { serverError: message } },
  };
  return new HttpError(message, statusOfCode(code), body);
}

/** The error result member of a mutation's union, as the server sends it. */
export interface ErrorResultValue {
  readonly __typename: string;
  readonly errorCode: string;
  readonly message: string;
  readonly path?: string | null;
  readonly messageKey?: string | null;
  readonly messageParamsJson?: string | null;
}

/** Whether a union value is an `ErrorResult` (`__typename` ends in `Error` and it has an `errorCode`). */
export function isErrorResult(value: unknown): value is ErrorResultValue {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.__typename === 'string' && record.__typename.endsWith('Error') && typeof record.errorCode === 'string'
  );
}

/** An error result's own scalar fields (beyond code, message and path), as sentence parameters. */
function paramsOf(value: ErrorResultValue): Record<string, unknown> {
  const common = new Set(['__typename', 'errorCode', 'message', 'path', 'messageKey', 'messageParamsJson']);
  const own = Object.fromEntries(
    Object.entries(value).filter(
      ([key, field]) => !common.has(key) && (typeof field === 'string' || typeof field === 'number'),
    ),
  );
  return { ...own, ...sentenceOf(value) };
}

/** Returns the success member of a result union, or throws its error result as an `HttpError`. */
export function unwrapResult<T>(value: T | ErrorResultValue | null | undefined, translate: ErrorTranslator): T {
  if (value === null || value === undefined)
    throw serverError('NOT_FOUND', 'The server returned nothing', null, translate);
  if (isErrorResult(value))
    throw serverError(value.errorCode, value.message, value.path ?? null, translate, paramsOf(value));
  return value as T;
}

/** The code of an error thrown by the data provider, or undefined. */
export function errorCodeOf(error: unknown): string | undefined {
  if (error instanceof HttpError) return (error.body as ServerErrorBody | null)?.errorCode;
  return undefined;
}
