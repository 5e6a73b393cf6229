import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A ballot waiting in the box, as sealed: everything the counted rows will
 * hold (ballot, ratings, opinions), the access code it redeemed (so the mixer
 * can re-touch the used codes of a batch together) and when it was boxed.
 * Only the sealed form is stored; the key never sits in the database.
 */
export interface BoxedBallot {
  readonly bureauId: number;
  readonly campaignId: number;
  readonly evaluatorGroupCode: string;
  readonly channel: 'online' | 'paper';
  /** The local day it was cast (a date). */
  readonly castOn: string;
  readonly paperBatchId: number | null;
  readonly isDemo: boolean;
  /** `[unit, level]` codes. */
  readonly ratings: readonly (readonly [string, string])[];
  /** `[unit, text]`. */
  readonly opinions: readonly (readonly [string, string])[];
  /** The redeemed access code's id (online ballots). */
  readonly accessCodeId: number | null;
  /** Epoch milliseconds it entered the box. */
  readonly boxedAt: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

/**
 * AES-256-GCM of the ballot as JSON, bound to its box entry's id (additional
 * data, so a sealed ballot cannot be moved to another entry), as base64 of
 * iv ‖ tag ‖ ciphertext.
 */
export function sealBallot(key: Buffer, entryId: string, ballot: BoxedBallot): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${VERSION}:${entryId}`, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(ballot), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Opens a sealed ballot; throws when the key, the entry id or the bytes do not match. */
export function openBallot(key: Buffer, entryId: string, sealed: string): BoxedBallot {
  const bytes = Buffer.from(sealed, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error(`ballot box entry ${entryId}: sealed value too short`);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(`${VERSION}:${entryId}`, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const json = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
  return JSON.parse(json) as BoxedBallot;
}
