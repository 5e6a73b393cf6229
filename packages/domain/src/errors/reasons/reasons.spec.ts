import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../pingyi-error.js';
import { ACCESS_REASONS } from './access-reasons.js';
import { CALENDAR_REASONS } from './calendar-reasons.js';
import { DOCUMENT_REASONS } from './document-reasons.js';
import { CONFIG_REASONS } from './config-reasons.js';
import { INDICATOR_REASONS } from './indicator-reasons.js';
import { NOTIFICATION_MESSAGES } from './notification-messages.js';
import { because, MESSAGES, messageOf, messageText, refusal } from './index.js';
import { CSV_REASONS, INPUT_REASONS } from './input-reasons.js';
import { ORGANIZATION_REASONS } from './organization-reasons.js';
import { PAPER_REASONS } from './paper-reasons.js';
import { POLICY_REASONS } from './policy-reasons.js';
import { RECORD_REASONS } from './records-reasons.js';
import { SCAN_REASONS } from './scan-reasons.js';
import { TRANSITION_REASONS } from './transition-reasons.js';
import { USER_REASONS } from './user-reasons.js';

// Names the console may print inside a Chinese sentence: formats and products, not words.
const ALLOWED_LATIN = new Set([
  'CSV',
  'UTF',
  'Excel',
  'xlsx',
  'Asia',
  'Shanghai',
  'PDF',
  'TIFF',
  'PNG',
  'JPEG',
  'ZIP',
  'dpi',
]);
const placeholders = (template: string): string[] =>
  [...template.matchAll(/%\{(\w+)\}/g)].map((match) => match[1] as string).sort();

describe('the message catalog', () => {
  it('has no key in two groups (a later group would silently replace the earlier sentence)', () => {
    const groups = [
      ACCESS_REASONS,
      INPUT_REASONS,
      CSV_REASONS,
      CALENDAR_REASONS,
      USER_REASONS,
      ORGANIZATION_REASONS,
      POLICY_REASONS,
      TRANSITION_REASONS,
      PAPER_REASONS,
      SCAN_REASONS,
      RECORD_REASONS,
      DOCUMENT_REASONS,
      INDICATOR_REASONS,
      CONFIG_REASONS,
      NOTIFICATION_MESSAGES,
    ];
    const keys = groups.flatMap((group) => Object.keys(group));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(Object.keys(MESSAGES)).toHaveLength(keys.length);
  });

  it.each(Object.entries(MESSAGES))('%s is written in Chinese without English words', (_key, text) => {
    const words = text.zh.replace(/%\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
    expect(words.filter((word) => !ALLOWED_LATIN.has(word))).toEqual([]);
    expect(text.en.trim()).not.toBe('');
  });

  it('fills every placeholder and leaves unknown ones as written', () => {
    expect(messageText('atLeast', { min: 1, value: 0 }, 'zh')).toBe('不能小于 1，收到的是 0');
    expect(messageText('atLeast', { min: 1 })).toBe('must be at least 1, got %{value}');
    expect(placeholders(MESSAGES.phaseOverlaps.en)).toEqual(['phase', 'previous', 'previousEnd', 'start']);
  });

  it('carries the key and parameters in the details, and reads them back', () => {
    const [message, details] = because('unknownBureauUnit', { unit: 'trafic-police' }, { field: 'unitCode' });
    expect(message).toBe('no unit trafic-police in this bureau');
    expect(details).toEqual({ field: 'unitCode', messageKey: 'unknownBureauUnit', params: { unit: 'trafic-police' } });
    expect(messageOf(details)).toEqual({ messageKey: 'unknownBureauUnit', params: { unit: 'trafic-police' } });
    expect(messageOf({ messageKey: 'noSuchKey' })).toBeNull();
    expect(messageOf({ messageKey: 'atMost', params: { max: 3, nested: { a: 1 } } })).toEqual({
      messageKey: 'atMost',
      params: { max: 3 },
    });
  });

  it('builds a PingyiError whose message is the English sentence', () => {
    const error = refusal('INVALID_ARGUMENT', 'roleRepeated', {}, 'input.roles');
    expect(isPingyiError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect(error.message).toBe('input.roles: must not repeat a role');
    expect(error.details).toEqual({ messageKey: 'roleRepeated', params: {} });
  });
});
