/**
 * The one error type of Pingyi's pure packages. `code` is stable (clients and
 * tests match on it); `message` is for people; `path` names the field or
 * place at fault (`scale[2].points`, `line 14`); `details` carries data a
 * client may render (the window of a refused action, the remaining quota...).
 */
export class PingyiError extends Error {
  override readonly name = 'PingyiError';

  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** Type guard that also narrows by code: `isPingyiError(e, 'PHASE_CLOSED')`. */
export function isPingyiError(error: unknown, code?: string): error is PingyiError {
  return error instanceof PingyiError && (code === undefined || error.code === code);
}
