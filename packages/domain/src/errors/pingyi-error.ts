import { type ErrorCode } from './error-names.js';

/**
 * The registered symbol every copy of `@pingyi/domain` puts on its errors.
 * A plugin may bring its own bundled copy of this package (or the ESM and the
 * CommonJS builds may both be loaded): its `PingyiError` is then another
 * class, and `instanceof` against ours would fail. `Symbol.for` is shared by
 * every copy in the process, so the brand is recognised whichever copy made
 * the error.
 */
export const PINGYI_ERROR = Symbol.for('pingyi.error');

/**
 * The one error type of Pingyi's pure packages. `code` is stable (clients and
 * tests match on it); `message` is for people; `path` names the field or
 * place at fault (`scale[2].points`, `line 14`); `details` carries data a
 * client may render (the window of a refused action, the remaining quota...).
 *
 * `error instanceof PingyiError` holds for an error made by any copy of this
 * package (see {@link PINGYI_ERROR}); prefer {@link isPingyiError}.
 */
export class PingyiError extends Error {
  override readonly name = 'PingyiError';
  /** The message without the path in front: what to show beside the field the path names. */
  readonly reason: string;

  /** One of {@link ErrorCode}: the catalog the GraphQL answers, the console's sentences and docs/errors.md share. */
  readonly code: ErrorCode;

  constructor(
    code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.code = code;
    this.reason = message;
  }

  /** A PingyiError from any copy of the package (subclasses keep the usual prototype check). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== PingyiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return hasPingyiErrorShape(value);
  }
}

Object.defineProperty(PingyiError.prototype, PINGYI_ERROR, { value: true });

// The brand, or (an error from a copy older than the brand) its shape: an Error named PingyiError with a string code.
function hasPingyiErrorShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { [PINGYI_ERROR]?: unknown; name?: unknown; code?: unknown };
  if (typeof candidate.code !== 'string') return false;
  return candidate[PINGYI_ERROR] === true || (value instanceof Error && candidate.name === 'PingyiError');
}

/**
 * The message of a Pingyi error without its path: `reason` (or, from an older
 * copy of this package that had none, the message with the path taken off).
 * `message` keeps the path in front for logs and plain clients; anything that
 * puts the error at another place, or beside its field, starts from this.
 */
export function reasonOf(error: PingyiError): string {
  if (typeof (error as { reason?: unknown }).reason === 'string') return error.reason;
  return error.path && error.message.startsWith(`${error.path}: `)
    ? error.message.slice(error.path.length + 2)
    : error.message;
}

/**
 * Type guard that also narrows by code: `isPingyiError(e, 'PHASE_CLOSED')`.
 * Recognises errors of every copy of `@pingyi/domain` (by the registered
 * symbol, or by shape), never by `instanceof` alone.
 */
export function isPingyiError(error: unknown, code?: string): error is PingyiError {
  return hasPingyiErrorShape(error) && (code === undefined || (error as PingyiError).code === code);
}
