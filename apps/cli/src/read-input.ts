import { readFile } from 'node:fs/promises';
import { CliInputError, oneLine } from './cli-io.js';

/** Reads a file given on the command line; a failure names the file and what went wrong. */
export async function readInputFile(file: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : oneLine(String((error as Error).message));
    throw new CliInputError(`${file}: cannot read the ${what} file: ${why}`);
  }
}

/** Parses JSON text; a syntax error names the file and, when known, the line and column. */
export function parseJsonFile(bytes: Uint8Array, file: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliInputError(`${file}: not valid UTF-8 text`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 says "... in JSON at position 42" or "Unexpected token '}', "<the text>" is not valid JSON".
    const message = String((error as Error).message).replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '');
    const position = /at position (\d+)/.exec(message);
    if (!position) throw new CliInputError(`${file}: not valid JSON: ${oneLine(message)}`);
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    throw new CliInputError(
      `${file}: not valid JSON at line ${line}, column ${column}: ${oneLine(message.replace(/ in JSON at position \d+.*/s, ''))}`,
    );
  }
}
