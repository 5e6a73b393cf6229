import { describe, expect, it } from 'vitest';
import { type BallotRules, validateBallot } from './ballot-rules.js';
import { SEED_RATING_SCALE } from './rating-scale.js';
import { errorOf } from '../errors/caught-error.js';

const RULES: BallotRules = {
  appraisedUnitCodes: ['traffic-police', 'public-order', 'legal-affairs'],
  scale: SEED_RATING_SCALE,
  opinionMaxLength: 10,
};

describe('validateBallot', () => {
  it('normalizes: ballot order, trimmed NFC opinions, abstentions for units left out', () => {
    const ballot = validateBallot(
      {
        ratings: [
          { unit: 'legal-affairs', level: 'unknown' },
          { unit: 'traffic-police', level: 'satisfied' },
        ],
        opinions: [{ unit: 'public-order', text: '  夜间巡逻\r\n太少  ' }],
      },
      RULES,
    );
    expect(ballot).toEqual({
      ratings: [
        { unit: 'traffic-police', level: 'satisfied' },
        { unit: 'legal-affairs', level: 'unknown' },
      ],
      opinions: [{ unit: 'public-order', text: '夜间巡逻\n太少' }],
      abstainedUnitCodes: ['public-order'],
    });
  });

  it('accepts an opinion-only ballot and missing lists', () => {
    expect(validateBallot({ opinions: [{ unit: 'legal-affairs', text: '好' }] }, RULES).abstainedUnitCodes).toEqual(
      RULES.appraisedUnitCodes,
    );
    expect(
      validateBallot({ ratings: [{ unit: 'legal-affairs', level: 'dissatisfied' }], opinions: null }, RULES).opinions,
    ).toEqual([]);
  });

  it('counts the opinion limit in characters, not UTF-16 units', () => {
    const tenEmoji = '😀'.repeat(10);
    expect(validateBallot({ opinions: [{ unit: 'legal-affairs', text: tenEmoji }] }, RULES).opinions[0]?.text).toBe(
      tenEmoji,
    );
  });

  it('uses 2000 characters by default', () => {
    const rules = { ...RULES, opinionMaxLength: undefined };
    expect(
      validateBallot({ opinions: [{ unit: 'legal-affairs', text: '意'.repeat(2000) }] }, rules).opinions,
    ).toHaveLength(1);
    expect(
      errorOf(() => validateBallot({ opinions: [{ unit: 'legal-affairs', text: '意'.repeat(2001) }] }, rules)).code,
    ).toBe('INVALID_OPINION');
  });

  const rating = (unit: string, level = 'satisfied'): object => ({ unit, level });
  it.each([
    [
      'unknown unit in ratings',
      'UNKNOWN_UNIT',
      'ratings[3].unit',
      {
        ratings: [rating('traffic-police'), rating('public-order'), rating('legal-affairs'), rating('border-defense')],
      },
      '"border-defense" is not an appraised unit of this campaign',
    ],
    [
      'unknown unit in opinions',
      'UNKNOWN_UNIT',
      'opinions[0].unit',
      { opinions: [{ unit: 'bureau', text: 'x' }] },
      '"bureau" is not an appraised unit of this campaign',
    ],
    [
      'unknown level',
      'UNKNOWN_LEVEL',
      'ratings[1].level',
      { ratings: [rating('traffic-police'), rating('public-order', 'verySatisfied')] },
      '"verySatisfied" is not a level of the scale (satisfied, fairlySatisfied, basicallySatisfied, notVerySatisfied, dissatisfied, unknown)',
    ],
    [
      'level by label instead of code',
      'UNKNOWN_LEVEL',
      'ratings[0].level',
      { ratings: [rating('traffic-police', '满意')] },
      '"满意" is not a level of the scale (satisfied, fairlySatisfied, basicallySatisfied, notVerySatisfied, dissatisfied, unknown)',
    ],
    [
      'duplicate rating',
      'DUPLICATE_UNIT',
      'ratings[2].unit',
      { ratings: [rating('traffic-police'), rating('public-order'), rating('traffic-police', 'dissatisfied')] },
      'unit "traffic-police" is rated twice (ratings[0] and ratings[2])',
    ],
    [
      'duplicate opinion',
      'DUPLICATE_UNIT',
      'opinions[1].unit',
      {
        opinions: [
          { unit: 'public-order', text: 'a' },
          { unit: 'public-order', text: 'b' },
        ],
      },
      'unit "public-order" has an opinion twice (opinions[0] and opinions[1])',
    ],
    [
      'blank opinion',
      'INVALID_OPINION',
      'opinions[0].text',
      { ratings: [rating('traffic-police')], opinions: [{ unit: 'public-order', text: ' \n ' }] },
      'the opinion on "public-order" is empty',
    ],
    [
      'opinion too long',
      'INVALID_OPINION',
      'opinions[0].text',
      { opinions: [{ unit: 'public-order', text: '一二三四五六七八九十壹' }] },
      'the opinion on "public-order" has 11 characters; at most 10 are allowed',
    ],
    [
      'empty ballot',
      'EMPTY_BALLOT',
      'ballot',
      { ratings: [], opinions: [] },
      'the ballot rates no unit and gives no opinion',
    ],
    ['not an object', 'INVALID_BALLOT', 'ballot', [], 'must be an object'],
    ['ratings not a list', 'INVALID_BALLOT', 'ratings', { ratings: { unit: 'x' } }, 'must be a list'],
    ['rating not an object', 'INVALID_BALLOT', 'ratings[0]', { ratings: ['traffic-police'] }, 'must be an object'],
    [
      'unit not a string',
      'INVALID_BALLOT',
      'ratings[0].unit',
      { ratings: [{ unit: 7, level: 'satisfied' }] },
      'must be a unit code (string)',
    ],
    [
      'level missing',
      'INVALID_BALLOT',
      'ratings[0].level',
      { ratings: [{ unit: 'traffic-police' }] },
      'must be a level code (string)',
    ],
    [
      'opinion text missing',
      'INVALID_BALLOT',
      'opinions[0].text',
      { opinions: [{ unit: 'traffic-police' }] },
      'must be a string',
    ],
  ])('%s → %s at %s', (_name, code, path, input, message) => {
    const error = errorOf(() => validateBallot(input, RULES));
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toBe(`${path}: ${message}`);
  });
});
