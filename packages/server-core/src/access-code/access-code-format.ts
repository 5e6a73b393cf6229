import { PingyiError } from '@pingyi/domain';
import { randomInt } from 'node:crypto';

// 评议码: typed from a paper slip, so the alphabet has no 0/O and no 1/I/l
// (32 symbols, 5 bits each). 13 random symbols give 65 bits; a 14th is a
// Luhn mod 32 check symbol, so a typo is caught before the server is asked
// and does not count as a guess.

/** The symbols of an access code: digits 2-9 and capital letters without I and O. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Random symbols per code (65 bits of entropy). */
export const ACCESS_CODE_RANDOM_LENGTH = 13;
/** Symbols per code with the check symbol. */
export const ACCESS_CODE_LENGTH = ACCESS_CODE_RANDOM_LENGTH + 1;
/** Bits of entropy per code. */
export const ACCESS_CODE_BITS = ACCESS_CODE_RANDOM_LENGTH * Math.log2(ACCESS_CODE_ALPHABET.length);

const N = ACCESS_CODE_ALPHABET.length;
const VALUE = new Map([...ACCESS_CODE_ALPHABET].map((symbol, i) => [symbol, i]));

/** The Luhn mod N check symbol of `body` (symbols of the alphabet). */
export function checkSymbolOf(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const value = VALUE.get(body[i] as string);
    if (value === undefined) throw new RangeError(`"${body[i]}" is not an access code symbol`);
    const addend = factor * value;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return ACCESS_CODE_ALPHABET[(N - (sum % N)) % N] as string;
}

/** A new random access code, normalized (14 symbols, no separators). */
export function generateAccessCode(random: (max: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < ACCESS_CODE_RANDOM_LENGTH; i += 1) body += ACCESS_CODE_ALPHABET[random(N)];
  return body + checkSymbolOf(body);
}

/** The printed form: groups of four for reading aloud, `7KQ9-M2XW-HC4T-PB`. */
export function formatAccessCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * The normalized code from what a person typed: case-insensitive, spaces,
 * hyphens and dots ignored, full-width letters and digits folded. Throws
 * `INVALID_CODE` (path `input.code`) when it cannot be a code: wrong length,
 * a symbol that is never printed on a slip, or a failed check symbol (a typo).
 * These refusals need no database and are not counted as guesses.
 */
export function normalizeAccessCode(input: string, path = 'code'): string {
  if (input.length > 100) throw new PingyiError('INVALID_CODE', 'This is not an access code: it is far too long', path);
  const code = input
    .normalize('NFKC')
    .replace(/[\s\-‐-―.·_]/g, '')
    .toUpperCase();
  if (code.length !== ACCESS_CODE_LENGTH) {
    throw new PingyiError(
      'INVALID_CODE',
      `An access code has ${ACCESS_CODE_LENGTH} letters and digits; this one has ${code.length}`,
      path,
    );
  }
  const bad = [...code].find((symbol) => !VALUE.has(symbol));
  if (bad !== undefined) {
    const hint = /[0O1I]/.test(bad) ? ' (codes never use 0, O, 1 or I)' : '';
    throw new PingyiError('INVALID_CODE', `"${bad}" never appears in an access code${hint}`, path);
  }
  if (checkSymbolOf(code.slice(0, -1)) !== code.slice(-1)) {
    throw new PingyiError('INVALID_CODE', 'The code has a typo: check it against the slip and type it again', path);
  }
  return code;
}
