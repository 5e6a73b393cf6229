import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password-hasher';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hasher', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', FAST), hashPassword('same password', FAST)]);
    expect(a).not.toBe(b);
  });

  it('uses the production cost by default (N = 2^15)', async () => {
    expect((await hashPassword('whatever1')).split('$')[1]).toBe(String(2 ** 15));
  });

  it.each([
    ['empty', ''],
    ['other scheme', 'bcrypt$2a$10$abc'],
    ['missing parts', 'scrypt$1024$8$1$c2FsdA'],
    ['absurd cost', 'scrypt$4194304$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['short key', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAA'],
  ])('never matches a malformed hash (%s)', async (_name, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });

  it('treats composed and decomposed Unicode the same (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9-p\u00e4ss', FAST);
    expect(await verifyPassword('cafe\u0301-pa\u0308ss', stored)).toBe(true);
  });
});
