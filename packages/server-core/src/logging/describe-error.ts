/**
 * An error as a log line may carry it: its class, its message with every
 * quoted or bracketed value masked, and its stack frames. A driver's or
 * library's message quotes the values it failed on (`invalid input syntax
 * for type integer: "K7Q2-…"`, `Key (code_hash)=(…)`, a JSON parser's
 * excerpt), and those can be an access code, an opinion or a password: the
 * log keeps where and why, never what.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `${typeof error} thrown: ${maskValues(String(error))}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  const head = `${error.name}: ${maskValues(error.message)}`;
  return frames ? `${head}\n${frames}` : head;
}

const MASK = '…';

/** Masks what a message quotes: "…", '…', `…`, «…», “…”, (…)=(…) key details, and runs of 6+ non-space characters after `: ` at the end. */
export function maskValues(message: string): string {
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, `"${MASK}"`)
    .replace(/'(?:[^'\\]|\\.)*'/g, `'${MASK}'`)
    .replace(/`[^`]*`/g, `\`${MASK}\``)
    .replace(/[“«][^”»]*[”»]/g, `“${MASK}”`)
    .replace(/=\([^)]*\)/g, `=(${MASK})`)
    .replace(/[^\s\x20-\x7e]+/g, MASK);
}
