import { describe, expect, it } from 'vitest';
import { failureText, initialLocale, MESSAGES } from './public-ballot.messages';

// every error result of CONTRACTS.md §4 and of the page itself
const CODES = [
  'INVALID_CODE',
  'CODE_ALREADY_USED',
  'PHASE_CLOSED',
  'UNKNOWN_UNIT',
  'UNKNOWN_LEVEL',
  'DUPLICATE_UNIT',
  'TOO_MANY_ATTEMPTS',
  'INVALID_OPINION',
  'EMPTY_BALLOT',
  'INVALID_BALLOT',
  'INVALID_ARGUMENT',
  'NETWORK',
  'ERROR',
];

describe('public ballot messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    expect(Object.keys(MESSAGES.en.errors).sort()).toEqual(Object.keys(MESSAGES.zh.errors).sort());
  });

  it.each(CODES)('say something of their own for %s in both languages', (code) => {
    const zh = failureText({ code, message: 'server text' }, 'zh');
    const en = failureText({ code, message: 'server text' }, 'en');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    if (code !== 'ERROR') expect(zh).not.toBe(MESSAGES.zh.errors.ERROR);
  });

  it.each([
    ['The code has a typo: check it against the slip and type it again', MESSAGES.zh.codeProblems.typo],
    ['An access code has 14 letters and digits; this one has 8', MESSAGES.zh.codeProblems.length],
    ['"0" never appears in an access code (codes never use 0, O, 1 or I)', MESSAGES.zh.codeProblems.symbol],
    ['No such access code: check it against your slip', MESSAGES.zh.errors.INVALID_CODE],
  ])('tells the kinds of wrong code apart: %s', (message, expected) => {
    expect(failureText({ code: 'INVALID_CODE', message }, 'zh')).toBe(expected);
  });

  it.each([
    [{}, 'zh'],
    [{ 'RaStore.locale': '"en"' }, 'en'],
    [{ 'RaStore.locale': '"zh"' }, 'zh'],
    [{ 'RaStore.locale': '"en"', 'pingyi.ballot.locale': 'zh' }, 'zh'],
  ] as const)('starts in the right language (%o)', (stored, locale) => {
    const storage = { getItem: (key: string) => (stored as Record<string, string>)[key] ?? null };
    expect(initialLocale(storage)).toBe(locale);
  });
});
