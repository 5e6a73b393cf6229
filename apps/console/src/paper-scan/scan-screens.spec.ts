import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { levelOfKey, nextPending, typingIn } from './ScanReviewPage';
import { SCAN_PROBLEM_CODES, scanProblemText, sortedProblems } from './scan-problems';
import { type ScanProblem, type ScanReviewRow } from './scan.queries';

const SCALE = [
  { code: 'satisfied', label: '满意', points: 100 },
  { code: 'fairlySatisfied', label: '比较满意', points: 80 },
  { code: 'dissatisfied', label: '不满意', points: 0 },
];

const row = (id: string, decided: boolean): ScanReviewRow => ({
  id,
  serial: `S-${id}`,
  page: 1,
  groupLabel: '城乡居民',
  unitName: '交警支队',
  reason: 'double',
  candidateLevel: null,
  decided,
  decidedLevel: null,
  cropUrl: `/crops/${id}.png`,
});

const problem = (file: string, page: number | null, code: string, serial: string | null = null): ScanProblem => ({
  file,
  page,
  code,
  serial,
  messageKey: null,
  messageParamsJson: null,
});

/** A translate over the Chinese catalog, as polyglot interpolates it. */
function translate(key: string, options: Record<string, unknown> = {}): string {
  let node: unknown = zh;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return String(options._ ?? key);
  return node.replace(/%\{(\w+)\}/g, (_m, name: string) => String(options[name] ?? ''));
}

describe('the review keys', () => {
  it('pick the scale levels with 1..N and blank with 0 and Backspace', () => {
    expect(levelOfKey('1', SCALE)).toBe('satisfied');
    expect(levelOfKey('3', SCALE)).toBe('dissatisfied');
    expect(levelOfKey('4', SCALE)).toBeUndefined();
    expect(levelOfKey('0', SCALE)).toBeNull();
    expect(levelOfKey('Backspace', SCALE)).toBeNull();
    expect(levelOfKey('j', SCALE)).toBeUndefined();
  });

  it('move to the next row still to decide, going round, and say when none is left', () => {
    const rows = [row('a', false), row('b', true), row('c', false)];
    expect(nextPending(rows, 0)).toBe(2);
    expect(nextPending(rows, 2)).toBe(0);
    expect(nextPending([row('a', true), row('b', true)], 0)).toBe(-1);
  });

  it('leave fields being typed in alone', () => {
    expect(typingIn({ tagName: 'TEXTAREA', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(typingIn({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(typingIn(null)).toBe(false);
  });
});

describe('scan problems', () => {
  it('are sentences in both languages for every code, never the code', () => {
    for (const code of SCAN_PROBLEM_CODES) {
      expect(zh.pingyi.scan.problem_codes[code]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.pingyi.scan.problem_codes[code]).toBeTruthy();
      expect(zh.pingyi.errors[code]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.pingyi.errors[code]).toBeTruthy();
      expect(scanProblemText(translate, problem('a.pdf', 1, code, 'A-0001'))).not.toContain(code);
    }
    expect(scanProblemText(translate, problem('a.pdf', 2, 'SCAN_DUPLICATE_SHEET', 'A-0007'))).toBe(
      '表号 A-0007 已扫描过，这一份不重复计入',
    );
    expect(scanProblemText(translate, problem('a.pdf', 2, 'SCAN_SOMETHING_NEW'))).toBe('这一页无法识别');
  });

  it('are listed by file, then page, whole-file problems first', () => {
    const sorted = sortedProblems([
      problem('b.pdf', 3, 'SCAN_NOT_A_SHEET'),
      problem('a.pdf', 2, 'SCAN_NOT_A_SHEET'),
      problem('b.pdf', null, 'SCAN_TOO_MANY_PAGES'),
      problem('a.pdf', 1, 'SCAN_UNREADABLE_LABEL'),
    ]);
    expect(sorted.map((p) => `${p.file}:${p.page ?? '-'}`)).toEqual(['a.pdf:1', 'a.pdf:2', 'b.pdf:-', 'b.pdf:3']);
  });
});
