import { describe, expect, it } from 'vitest';
import {
  checkCode,
  checkId,
  checkInt,
  checkIsoDate,
  checkIsoDateTime,
  checkList,
  checkNewPassword,
  checkOneOf,
  checkText,
} from './validation';

describe('validation helpers', () => {
  it.each([
    ['too short', () => checkText('', 'input.name', { max: 10 }), 'input.name: must be 1 to 10 characters, got 0'],
    [
      'too long',
      () => checkText('abcdefghijk', 'input.name', { max: 10 }),
      'input.name: must be 1 to 10 characters, got 11',
    ],
    ['not text', () => checkText(42, 'input.name', { max: 10 }), 'input.name: must be text, got 42'],
    ['pattern', () => checkCode('bad code', 'input.unit'), 'input.unit: must be letters, digits'],
    ['not an integer', () => checkInt(1.5, 'count', 1, 10), 'count: must be a whole number, got 1.5'],
    ['out of range', () => checkInt(11, 'count', 1, 10), 'count: must be between 1 and 10, got 11'],
    [
      'enum',
      () => checkOneOf('boss', 'roles[0]', ['admin', 'office']),
      'roles[0]: must be one of admin, office, got "boss"',
    ],
    ['date shape', () => checkIsoDate('2025/10/16', 'window.start'), 'window.start: must be a date YYYY-MM-DD'],
    [
      'impossible date',
      () => checkIsoDate('2025-02-30', 'window.start'),
      'window.start: is not a real date: 2025-02-30',
    ],
    [
      'date-time without zone',
      () => checkIsoDateTime('2025-10-16T08:00:00', 'filter.from'),
      'filter.from: must be an ISO date-time with a time zone',
    ],
    ['bad id', () => checkId('abc', 'id'), 'id: must be an id'],
    ['zero id', () => checkId('0', 'id'), 'id: must be an id'],
    ['list size', () => checkList([1, 2, 3], 'ratings', 2, (v) => v), 'ratings: must have 0 to 2 items, got 3'],
    [
      'list item',
      () => checkList(['x'], 'ratings', 2, (v, at) => checkInt(v, at, 0, 1)),
      'ratings[0]: must be a whole number',
    ],
    [
      'short password',
      () => checkNewPassword('abc', 'newPassword'),
      'newPassword: must be 12 to 200 characters, got 3',
    ],
    [
      '8-character password',
      () => checkNewPassword('12345678', 'newPassword'),
      'newPassword: must be 12 to 200 characters, got 8',
    ],
    [
      'monotonous password',
      () => checkNewPassword('aaaaaaaaaaaa', 'newPassword'),
      'newPassword: must use at least 4 different characters',
    ],
    [
      'common password',
      () => checkNewPassword('Password1234', 'newPassword'),
      'newPassword: is one of the most common passwords',
    ],
    [
      'common password with digits around it',
      () => checkNewPassword('iloveyou2024!', 'newPassword'),
      'newPassword: is one of the most common passwords',
    ],
    [
      'common password (keyboard walk)',
      () => checkNewPassword('1qaz2wsx3edc', 'password'),
      'password: is one of the most common passwords',
    ],
  ])('%s: names the field', (_name, run, message) => {
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as { code: string }).code).toBe('INVALID_ARGUMENT');
    }
  });

  it.each([
    [() => checkText('  Ann  ', 'n', { max: 10 }), 'Ann'],
    [() => checkInt(10, 'n', 1, 10), 10],
    [() => checkIsoDate('2024-02-29', 'd'), '2024-02-29'],
    [() => checkIsoDateTime('2025-10-16T08:00:00+08:00', 'd').toISOString(), '2025-10-16T00:00:00.000Z'],
    [() => checkId('42', 'id'), 42],
    [() => checkCode('traffic-police', 'u'), 'traffic-police'],
  ])('accepts good values (%#)', (run, expected) => {
    expect(run()).toEqual(expected);
  });
});
