import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_COST, hashPassword, needsRehash, verifyPassword } from './password-hasher';

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

  it("uses the production cost by default (N = 2^17, r = 8: 128 MiB, above Node's default maxmem)", async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await hashPassword('whatever1');
    expect(stored.split('$').slice(1, 4)).toEqual([String(2 ** 17), '8', '1']);
    expect(await verifyPassword('whatever1', stored)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('asks for a rehash of a hash made with a lower cost, or a malformed one', async () => {
    expect(needsRehash(await hashPassword('older hash', { N: 2 ** 15, r: 8, p: 1 }))).toBe(true);
    expect(needsRehash(await hashPassword('lower r', { N: 2 ** 17, r: 4, p: 1 }))).toBe(true);
    expect(needsRehash('bcrypt$2a$10$abc')).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['other scheme', 'bcrypt$2a$10$abc'],
    ['missing parts', 'scrypt$1024$8$1$c2FsdA'],
    ['absurd cost', 'scrypt$4194304$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['absurd memory', 'scrypt$1048576$32$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['short key', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAA'],
  ])('never matches a malformed hash (%s)', async (_name, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });

  it('treats composed and decomposed Unicode the same (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9-p\u00e4ss', FAST);
    expect(await verifyPassword('cafe\u0301-pa\u0308ss', stored)).toBe(true);
  });
});
