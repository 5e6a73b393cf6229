import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type BoxedBallot, openBallot, sealBallot } from './boxed-ballot';

const ballot: BoxedBallot = {
  bureauId: 1,
  campaignId: 2,
  evaluatorGroupCode: 'residents',
  channel: 'online',
  castOn: '2026-12-01',
  paperBatchId: null,
  isDemo: false,
  ratings: [['traffic-police', 'satisfied']],
  opinions: [['legal-affairs', '意见']],
  accessCodeId: 42,
  boxedAt: 1,
};

describe('sealed ballots', () => {
  const key = randomBytes(32);
  it('opens what it sealed, and the sealed text shows nothing of the ballot', () => {
    const sealed = sealBallot(key, 'e1', ballot);
    expect(openBallot(key, 'e1', sealed)).toEqual(ballot);
    const text = Buffer.from(sealed, 'base64').toString('latin1');
    for (const clear of ['residents', 'traffic-police', 'satisfied', '42']) expect(text).not.toContain(clear);
    expect(sealBallot(key, 'e1', ballot)).not.toBe(sealed); // a fresh iv each time
  });

  it('refuses another key, another entry id and altered bytes', () => {
    const sealed = sealBallot(key, 'e1', ballot);
    expect(() => openBallot(randomBytes(32), 'e1', sealed)).toThrow();
    expect(() => openBallot(key, 'e2', sealed)).toThrow();
    const bytes = Buffer.from(sealed, 'base64');
    bytes.writeUInt8((bytes.at(-1) ?? 0) ^ 1, bytes.length - 1);
    expect(() => openBallot(key, 'e1', bytes.toString('base64'))).toThrow();
  });
});
