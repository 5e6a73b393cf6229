import { isPingyiError } from '@pingyi/domain';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_BITS,
  ACCESS_CODE_LENGTH,
  checkSymbolOf,
  formatAccessCode,
  generateAccessCode,
  normalizeAccessCode,
} from './access-code-format';

const refusal = (input: string): string => {
  try {
    normalizeAccessCode(input, 'input.code');
  } catch (error) {
    if (isPingyiError(error, 'INVALID_CODE')) return error.message;
    throw error;
  }
  throw new Error(`"${input}" was accepted`);
};

describe('access code format', () => {
  it('has at least 64 bits of entropy in an alphabet without 0, O, 1, I or l', () => {
    expect(ACCESS_CODE_BITS).toBeGreaterThanOrEqual(64);
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(32);
    for (const confusable of ['0', 'O', '1', 'I', 'l']) expect(ACCESS_CODE_ALPHABET).not.toContain(confusable);
  });

  it('generates codes that normalize to themselves, and prints them in groups of four', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateAccessCode();
      expect(code).toMatch(new RegExp(`^[${ACCESS_CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`));
      expect(normalizeAccessCode(code)).toBe(code);
      expect(formatAccessCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    }
  });

  it('draws every symbol (no bias toward part of the alphabet)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i += 1) for (const symbol of generateAccessCode().slice(0, -1)) seen.add(symbol);
    expect(seen.size).toBe(32);
  });

  it.each([
    ['lower case', (c: string) => c.toLowerCase()],
    ['printed groups', (c: string) => formatAccessCode(c)],
    ['spaces and dashes anywhere', (c: string) => ` ${c.slice(0, 3)} ${c.slice(3, 9)}–${c.slice(9)} `],
    ['full-width letters', (c: string) => c.replace(/[A-Z2-9]/g, (s) => String.fromCharCode(s.charCodeAt(0) + 0xfee0))],
  ])('accepts %s', (_name, typed) => {
    const code = generateAccessCode();
    expect(normalizeAccessCode(typed(code))).toBe(code);
  });

  it('catches every single mistyped symbol with the check symbol', () => {
    const code = generateAccessCode();
    for (let position = 0; position < code.length; position += 1) {
      for (const symbol of ACCESS_CODE_ALPHABET) {
        if (symbol === code[position]) continue;
        const typo = code.slice(0, position) + symbol + code.slice(position + 1);
        expect(refusal(typo)).toMatch(/typo/);
      }
    }
  });

  it('catches swapped neighbours', () => {
    let caught = 0;
    let swaps = 0;
    for (let i = 0; i < 50; i += 1) {
      const code = generateAccessCode();
      for (let p = 0; p + 1 < code.length; p += 1) {
        if (code[p] === code[p + 1]) continue;
        swaps += 1;
        const swapped = code.slice(0, p) + code[p + 1] + code[p] + code.slice(p + 2);
        if (checkSymbolOf(swapped.slice(0, -1)) !== swapped.slice(-1)) caught += 1;
      }
    }
    // Luhn mod N misses only the swap of the two symbols whose values add to N-1 at the right factor
    expect(caught / swaps).toBeGreaterThan(0.95);
  });

  it.each([
    ['too short', 'ABCD-EFGH', /has 14 letters and digits; this one has 8/],
    ['too long', 'ABCDEFGHJKLMNPQ', /this one has 15/],
    ['a zero', '0BCDEFGHJKLMNP', /"0" never appears in an access code \(codes never use 0, O, 1 or I\)/],
    ['punctuation', 'ABCD!FGHJKLMNP', /"!" never appears/],
    ['an essay', 'x'.repeat(500), /far too long/],
  ])('refuses %s without asking the database', (_name, input, message) => {
    expect(refusal(input)).toMatch(message);
  });
});
