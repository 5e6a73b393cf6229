// The rules a ballot (评议表 + 意见表) must meet before it is stored. The same
// function serves the online ballot, third-party front ends and paper imports.
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { expectArray, expectObject, failWith } from '../errors/input-readers.js';
import { PingyiError } from '../errors/pingyi-error.js';
import { type RatingScale } from './rating-scale.js';

/** One rating on a ballot: a unit code and a level code of the scale. */
export interface Rating {
  readonly unit: string;
  readonly level: string;
}

/** A free-text opinion about one unit. */
export interface Opinion {
  readonly unit: string;
  readonly text: string;
}

/** What a ballot is checked against. */
export interface BallotRules {
  /** The units on the ballot, in ballot order. */
  readonly appraisedUnitCodes: readonly string[];
  readonly scale: RatingScale;
  /** Longest opinion in characters (code points) after trimming; default {@link DEFAULT_OPINION_MAX_LENGTH}. */
  readonly opinionMaxLength?: number;
}

/** A checked ballot: ratings and opinions in ballot (unit) order, opinion text trimmed and NFC-normalized. */
export interface NormalizedBallot {
  readonly ratings: readonly Rating[];
  readonly opinions: readonly Opinion[];
  /** Appraised units the ballot leaves out: abstentions, like a blank row on paper. */
  readonly abstainedUnitCodes: readonly string[];
}

/** Default longest opinion, in characters. */
export const DEFAULT_OPINION_MAX_LENGTH = 2000;

const failShape = failWith(DOMAIN_ERROR_CODES.INVALID_BALLOT);

function readEntries(value: unknown, path: string): readonly Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  return expectArray(value, path, failShape).map((item, i) => expectObject(item, `${path}[${i}]`, failShape));
}

function readUnit(
  entry: Record<string, unknown>,
  at: string,
  appraised: ReadonlySet<string>,
  seen: Map<string, string>,
  what: string,
): string {
  const unit = entry.unit;
  if (typeof unit !== 'string') return failShape(`${at}.unit`, 'must be a unit code (string)');
  if (!appraised.has(unit)) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.UNKNOWN_UNIT,
      `"${unit}" is not an appraised unit of this campaign`,
      `${at}.unit`,
      { unit },
    );
  }
  const first = seen.get(unit);
  if (first !== undefined) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.DUPLICATE_UNIT,
      `unit "${unit}" ${what} twice (${first} and ${at})`,
      `${at}.unit`,
      { unit, first },
    );
  }
  seen.set(unit, at);
  return unit;
}

/**
 * Checks an untrusted ballot `{ ratings: [{ unit, level }], opinions: [{ unit, text }] }`
 * and returns it normalized. A unit left out of `ratings` is an abstention.
 * Errors (PingyiError, `path` names the index):
 * - `UNKNOWN_UNIT` — `ratings[3].unit` / `opinions[0].unit` is not an appraised unit;
 * - `DUPLICATE_UNIT` — a unit rated twice, or given two opinions;
 * - `UNKNOWN_LEVEL` — `ratings[3].level` is not a level code of the scale;
 * - `INVALID_OPINION` — opinion text empty after trimming, or longer than the limit;
 * - `EMPTY_BALLOT` — no rating and no opinion;
 * - `INVALID_BALLOT` — wrong shape (not an object, a field of the wrong type).
 */
export function validateBallot(input: unknown, rules: BallotRules): NormalizedBallot {
  const maxLength = rules.opinionMaxLength ?? DEFAULT_OPINION_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new RangeError(`opinionMaxLength must be a positive integer, got ${maxLength}`);
  const appraised = new Set(rules.appraisedUnitCodes);
  const levels = new Set(rules.scale.map((level) => level.code));
  const raw = expectObject(input, 'ballot', failShape);

  const rated = new Map<string, string>();
  const ratingByUnit = new Map<string, Rating>();
  readEntries(raw.ratings, 'ratings').forEach((entry, i) => {
    const at = `ratings[${i}]`;
    const unit = readUnit(entry, at, appraised, rated, 'is rated');
    const level = entry.level;
    if (typeof level !== 'string') return failShape(`${at}.level`, 'must be a level code (string)');
    if (!levels.has(level)) {
      throw new PingyiError(
        DOMAIN_ERROR_CODES.UNKNOWN_LEVEL,
        `"${level}" is not a level of the scale (${[...levels].join(', ')})`,
        `${at}.level`,
        {
          level,
          unit,
        },
      );
    }
    ratingByUnit.set(unit, { unit, level });
  });

  const opined = new Map<string, string>();
  const opinionByUnit = new Map<string, Opinion>();
  readEntries(raw.opinions, 'opinions').forEach((entry, i) => {
    const at = `opinions[${i}]`;
    const unit = readUnit(entry, at, appraised, opined, 'has an opinion');
    if (typeof entry.text !== 'string') return failShape(`${at}.text`, 'must be a string');
    const text = entry.text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
    if (text === '')
      throw new PingyiError(DOMAIN_ERROR_CODES.INVALID_OPINION, `the opinion on "${unit}" is empty`, `${at}.text`, {
        unit,
      });
    const length = [...text].length;
    if (length > maxLength) {
      throw new PingyiError(
        DOMAIN_ERROR_CODES.INVALID_OPINION,
        `the opinion on "${unit}" has ${length} characters; at most ${maxLength} are allowed`,
        `${at}.text`,
        {
          unit,
          length,
          maxLength,
        },
      );
    }
    opinionByUnit.set(unit, { unit, text });
  });

  if (ratingByUnit.size === 0 && opinionByUnit.size === 0) {
    throw new PingyiError(DOMAIN_ERROR_CODES.EMPTY_BALLOT, 'the ballot rates no unit and gives no opinion', 'ballot');
  }
  const inBallotOrder = <T>(byUnit: ReadonlyMap<string, T>): T[] =>
    rules.appraisedUnitCodes.flatMap((code) => {
      const entry = byUnit.get(code);
      return entry === undefined ? [] : [entry];
    });
  return {
    ratings: inBallotOrder(ratingByUnit),
    opinions: inBallotOrder(opinionByUnit),
    abstainedUnitCodes: rules.appraisedUnitCodes.filter((code) => !ratingByUnit.has(code)),
  };
}
