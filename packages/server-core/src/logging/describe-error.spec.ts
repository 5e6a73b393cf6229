import { describe, expect, it } from 'vitest';
import { describeError, maskValues } from './describe-error';

describe('describeError', () => {
  it('keeps the class, the reason and the stack frames, and masks the values the message quotes', () => {
    const error = new TypeError('invalid input syntax for type integer: "K7Q2-MN4P-8XWD"');
    const line = describeError(error);
    expect(line).toMatch(/^TypeError: invalid input syntax for type integer: "…"\n\s+at /);
    expect(line).not.toContain('K7Q2');
  });

  it("masks a key detail, single and back quotes, and text in other scripts (an opinion's words)", () => {
    expect(maskValues('duplicate key value violates unique constraint; Key (code_hash)=(ab12cd) already exists')).toBe(
      'duplicate key value violates unique constraint; Key (code_hash)=(…) already exists',
    );
    expect(maskValues("near 'hunter2': syntax error in `select x`")).toBe("near '…': syntax error in `…`");
    expect(maskValues('Unexpected token 窗口民警态度生硬 in JSON')).toBe('Unexpected token … in JSON');
  });

  it('describes a thrown non-error by its type', () => {
    expect(describeError('secret-ish "value"')).toBe('string thrown: secret-ish "…"');
  });
});
