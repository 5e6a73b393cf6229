import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters; stored with every hash so they can be raised later. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^17, r = 8 (OWASP's scrypt floor): 128 MiB and about 0.3-0.6 s per hash
 * on a small server, slow for guessing, fine for sign-in. Hashes stored with a
 * lower cost are rehashed at the next successful sign-in ({@link needsRehash}).
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes (128 MiB at the default cost); Node's default maxmem is 32 MiB
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...cost, maxmem: 129 * cost.N * cost.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url), self-describing. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check of a password against a stored hash; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const cost = costOf(stored);
  if (cost === null) return false;
  const { N, r, p } = cost;
  if (N > 2 ** 20 || r > 32 || p > 16 || 128 * N * r > 2 ** 30) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

/** The cost a stored hash was made with; `null` for a malformed one. */
export function costOf(stored: string): ScryptCost | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  return N && r && p ? { N, r, p } : null;
}

/** True when `stored` was made with less work than `cost` (so the next sign-in should store a fresh hash). */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const found = costOf(stored);
  return found === null || found.N < cost.N || found.r < cost.r || found.p < cost.p;
}

let decoy: Promise<string> | undefined;

/**
 * A hash of no real password (made on first use, at the default cost),
 * verified against when the username is unknown so that unknown users and
 * wrong passwords take the same time.
 */
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoy;
}
