import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { PingyiError } from '../errors/pingyi-error.js';

/** One column of the ballot (满意 … 不了解). `points: null` marks a no-opinion level. */
export interface Level {
  readonly code: string;
  readonly label: string;
  /** The label in English (the ballot page in English shows it); absent: the label. */
  readonly labelEn?: string;
  readonly points: number | null;
}

/** Levels ordered best to worst. */
export type RatingScale = readonly Level[];

export const isNoOpinion = (level: Level): boolean => level.points === null;

/** The seed plan's six columns; the points are the common published values. */
export const SEED_RATING_SCALE: RatingScale = [
  { code: 'satisfied', label: '满意', points: 100 },
  { code: 'fairlySatisfied', label: '比较满意', points: 85 },
  { code: 'basicallySatisfied', label: '基本满意', points: 70 },
  { code: 'notVerySatisfied', label: '不太满意', points: 55 },
  { code: 'dissatisfied', label: '不满意', points: 40 },
  { code: 'unknown', label: '不了解', points: null },
];

/**
 * Checks an untrusted scale (from JSON, GraphQL, a file) and returns it typed.
 * Throws `INVALID_SCALE` naming the offending field, e.g. `scale[2].points`.
 */
export function parseRatingScale(value: unknown, path = 'scale'): RatingScale {
  const fail = (at: string, message: string): never => {
    throw new PingyiError(DOMAIN_ERROR_CODES.INVALID_SCALE, message, at);
  };
  if (!Array.isArray(value)) return fail(path, 'must be a list of levels');
  if (value.length === 0) return fail(path, 'must have at least one level');
  const seen = new Set<string>();
  const levels = value.map((raw: unknown, i): Level => {
    const at = `${path}[${i}]`;
    if (typeof raw !== 'object' || raw === null) return fail(at, 'must be an object');
    const { code, label, labelEn, points } = raw as Record<string, unknown>;
    if (typeof code !== 'string' || code.trim() === '') return fail(`${at}.code`, 'must be a non-empty string');
    if (code !== code.trim())
      return fail(
        `${at}.code`,
        `must not begin or end with spaces: ${JSON.stringify(code)} (a tally names the level "${code.trim()}")`,
      );
    if (seen.has(code)) return fail(`${at}.code`, `duplicate level code "${code}"`);
    seen.add(code);
    if (label !== undefined && typeof label !== 'string') return fail(`${at}.label`, 'must be a string');
    if (labelEn !== undefined && labelEn !== null && (typeof labelEn !== 'string' || labelEn.length > 100))
      return fail(`${at}.labelEn`, 'must be a string of at most 100 characters');
    const english = typeof labelEn === 'string' && labelEn.trim() !== '' ? { labelEn: labelEn.trim() } : {};
    if (points !== null && (typeof points !== 'number' || !Number.isFinite(points))) {
      return fail(`${at}.points`, 'must be a finite number or null (no opinion)');
    }
    return { code, label: (label as string | undefined) ?? code, ...english, points: points as number | null };
  });
  if (!levels.some((level) => level.points !== null)) return fail(path, 'needs at least one level with points');
  return levels;
}
