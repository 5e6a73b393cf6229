import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPingyiError } from '../errors/pingyi-error.js';
import { validateBallot } from './ballot-rules.js';
import { SEED_RATING_SCALE } from './rating-scale.js';

const UNITS = ['traffic-police', 'public-order', 'legal-affairs', 'logistics'];
const RULES = { appraisedUnitCodes: UNITS, scale: SEED_RATING_SCALE, opinionMaxLength: 20 };
const unit = fc.constantFrom(...UNITS, 'bureau');
const level = fc.constantFrom(...SEED_RATING_SCALE.map((l) => l.code), '满意');
const ballot = fc.record({
  ratings: fc.array(fc.record({ unit, level }), { maxLength: 6 }),
  opinions: fc.array(fc.record({ unit, text: fc.string({ maxLength: 25 }) }), { maxLength: 3 }),
});
const CODES = ['UNKNOWN_UNIT', 'UNKNOWN_LEVEL', 'DUPLICATE_UNIT', 'INVALID_OPINION', 'EMPTY_BALLOT'];

describe('random ballots', () => {
  const outcomes = new Set<string>();

  it('normalize to one rating or abstention per appraised unit, or fail with a contract code', () => {
    fc.assert(
      fc.property(ballot, (input) => {
        try {
          const result = validateBallot(input, RULES);
          const rated = result.ratings.map((r) => r.unit);
          expect([...rated, ...result.abstainedUnitCodes].sort()).toEqual([...UNITS].sort());
          expect(new Set(rated).size).toBe(rated.length);
          for (const opinion of result.opinions) expect(opinion.text).toBe(opinion.text.trim());
          outcomes.add('ok');
        } catch (error) {
          expect(isPingyiError(error)).toBe(true);
          expect(CODES).toContain((error as { code: string }).code);
          outcomes.add((error as { code: string }).code);
        }
      }),
      { numRuns: 500, seed: 20261016 },
    );
  });

  it('the ballots above hit every outcome (so both branches were exercised)', () => {
    expect([...outcomes].sort()).toEqual([...CODES, 'ok'].sort());
  });
});
