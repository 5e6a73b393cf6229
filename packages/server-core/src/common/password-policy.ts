import { type MessageKey, type ReasonParams } from '@pingyi/domain';
import { dictionary } from '@zxcvbn-ts/language-common';

/** Shortest password accepted for a user (NIST SP 800-63B asks for at least 8; a bureau's console deserves more). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: ReadonlySet<string> | undefined;

/** The ~49,000 most common passwords of public breach lists (zxcvbn's list, shipped offline in the package). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary['passwords-common'] as readonly string[]).map((word) => word.toLowerCase()));
  return common;
}

/**
 * What is wrong with a new password, or `null` when it is acceptable: at least
 * {@link MIN_PASSWORD_LENGTH} characters (counted as Unicode code points), not
 * blank, at least 4 different characters, and not one of the common passwords
 * (compared case-insensitively, also once digits and signs at either end are
 * taken off).
 */
export function passwordProblem(password: string): { readonly key: MessageKey; readonly params: ReasonParams } | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    return { key: 'length', params: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH, length } };
  }
  if (password.trim() === '') return { key: 'passwordBlank', params: {} };
  if (new Set(password).size < 4) return { key: 'passwordFewCharacters', params: {} };
  const lower = password.normalize('NFC').toLowerCase();
  // "iloveyou1234", "!dragon2024": a common password with digits or signs around it is guessed as early
  const core = lower.replace(/^[\x20-\x40\x5b-\x60\x7b-\x7e]+|[\x20-\x40\x5b-\x60\x7b-\x7e]+$/g, '');
  if (commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core))) {
    return { key: 'passwordCommon', params: {} };
  }
  return null;
}
