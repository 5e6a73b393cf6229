/** Where a command writes; tests pass fakes. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Exit statuses: 0 success, 2 bad input or usage (one line on stderr), 1 a bug. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * Bad input or usage: the command prints `message` as ONE line on stderr,
 * nothing on stdout, and exits 2.
 */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

/** Collapses whitespace so a message is always one line. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
