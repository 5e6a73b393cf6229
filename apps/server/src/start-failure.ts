/**
 * What the server prints when it cannot start, and its exit code. A refusal
 * (a `PingyiError`: a plugin that is not installed, not a plugin, made for
 * another version, a second copy of server-core, a throw in `init`, a bad
 * config file or setting) is one line and exit 2: the message names the
 * plugin, where it is and the fix. Anything else is a bug: its first line and
 * exit 1. `--verbose` adds the stack trace to both.
 */
export function startFailure(
  error: unknown,
  options: { readonly verbose: boolean; readonly isPingyiError: (error: unknown) => boolean },
): { message: string; exitCode: number } {
  const refused = options.isPingyiError(error);
  const text = error instanceof Error ? error.message : String(error);
  const line = `Pingyi cannot start: ${text.split('\n')[0]?.trim() ?? ''}${refused || options.verbose ? '' : ' (run with --verbose for the stack trace)'}`;
  const stack = options.verbose && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return { message: `${line}${stack}`, exitCode: refused ? 2 : 1 };
}
