import { describe, expect, it } from 'vitest';
import { summarizeArgs } from './redact-args';

describe('summarizeArgs', () => {
  it.each([
    ['password', { username: 'ann', password: 'hunter22' }, '{"username":"ann","password":"***"}'],
    [
      'nested secrets',
      { input: { adminPassword: 'x', code: 'ABCD', name: 'n' } },
      '{"input":{"adminPassword":"***","code":"***","name":"n"}}',
    ],
    ['code lists', { codes: ['a', 'b'], count: 2 }, '{"codes":"***","count":2}'],
    ['tokens', { refreshToken: 't', apiSecret: 's' }, '{"refreshToken":"***","apiSecret":"***"}'],
    ['unit codes stay', { unitCode: 'traffic-police' }, '{"unitCode":"traffic-police"}'],
    ['dates', { at: new Date('2025-10-16T00:00:00Z') }, '{"at":"2025-10-16T00:00:00.000Z"}'],
  ])('redacts %s', (_name, args, expected) => {
    expect(summarizeArgs(args)).toBe(expected);
  });

  it('redacts extra names a resolver declares', () => {
    expect(summarizeArgs({ ratings: [{ unit: 'a', level: 'satisfied' }] }, ['ratings'])).toBe('{"ratings":"***"}');
  });

  it('cuts long strings, long lists and deep nesting', () => {
    const summary = JSON.parse(
      summarizeArgs({
        text: 'x'.repeat(500),
        list: Array.from({ length: 30 }, (_, i) => i),
        deep: { a: { b: { c: { d: 1 } } } },
      }),
    );
    expect(summary.text).toMatch(/^x{200}…\(500 chars\)$/);
    expect(summary.list).toHaveLength(21);
    expect(summary.list[20]).toBe('…(30 items)');
    expect(summary.deep.a.b.c).toBe('…');
  });
});
