import { type ErrorCode, isPingyiError, PingyiError, reasonOf } from '@pingyi/domain';

/**
 * Runs a domain or scoring check on part of an argument and re-throws its
 * `PingyiError` with the path prefixed (`phases[2].start` becomes
 * `input.phases[2].start`), so the message names the GraphQL field. `codes`
 * maps domain codes to the codes the API reports (e.g. INVALID_PLAN to
 * INVALID_ARGUMENT); unlisted codes are kept.
 */
export function checkAt<T>(
  prefix: string,
  check: () => T,
  codes: Readonly<Partial<Record<ErrorCode, ErrorCode>>> = {},
): T {
  try {
    return check();
  } catch (error) {
    if (!isPingyiError(error)) throw error;
    throw repath(error, prefix, codes[error.code] ?? error.code);
  }
}

/** The same error with `prefix` in front of its path and, optionally, another code. */
export function repath(error: PingyiError, prefix: string, code = error.code): PingyiError {
  const bare = reasonOf(error);
  const inner = error.path && error.path !== '(policy)' ? error.path.replace(/^\./, '') : '';
  const path =
    inner === '' ? prefix : prefix === '' || inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`;
  return new PingyiError(code, bare, path, error.details);
}

/** The same error with the root of its path renamed (`update.date` → `input.date`); other errors unchanged. */
export function renameRoot(error: PingyiError, from: string, to: string): PingyiError {
  const path = error.path;
  if (!path || !(path === from || path.startsWith(`${from}.`) || path.startsWith(`${from}[`))) return error;
  const bare = reasonOf(error);
  return new PingyiError(error.code, bare, `${to}${path.slice(from.length)}`, error.details);
}
