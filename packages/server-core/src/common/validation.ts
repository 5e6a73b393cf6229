import { type MessageKey, type ReasonParams, refusal } from '@pingyi/domain';
import { passwordProblem } from './password-policy';

// Argument checks for resolvers and services. Each returns the clean value or
// throws INVALID_ARGUMENT whose path names the field, e.g.
// `input.username: must be 3 to 64 characters, got 2`.

const fail = (path: string, key: MessageKey, params: ReasonParams = {}): never => {
  throw refusal('INVALID_ARGUMENT', key, params, path);
};

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

export interface TextRule {
  readonly min?: number;
  readonly max: number;
  /** Allowed shape, with a human description used in the message. */
  readonly pattern?: { readonly regex: RegExp; readonly description: string };
  /** Trim surrounding white space first (default true). */
  readonly trim?: boolean;
}

/** A string of `min`..`max` characters (after trimming), optionally matching a pattern. */
export function checkText(value: unknown, path: string, rule: TextRule): string {
  if (value === undefined || value === null) return fail(path, 'required');
  if (typeof value !== 'string') return fail(path, 'mustBeText', { value: show(value) });
  const text = rule.trim === false ? value : value.trim();
  const min = rule.min ?? 1;
  const length = [...text].length;
  if (length < min || length > rule.max) {
    return fail(path, min === rule.max ? 'exactLength' : 'length', { min, max: rule.max, length });
  }
  if (rule.pattern && !rule.pattern.regex.test(text))
    return fail(path, 'pattern', { description: rule.pattern.description, value: show(text) });
  return text;
}

/** Like {@link checkText} but `null`/`undefined`/blank give `null`. */
export function checkOptionalText(value: unknown, path: string, rule: TextRule): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return checkText(value, path, rule);
}

/** An integer in `[min, max]`. */
export function checkInt(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return fail(path, 'mustBeWholeNumber', { value: show(value) });
  if (value < min || value > max) return fail(path, 'between', { min, max, value });
  return value;
}

/** One of the listed values. */
export function checkOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    return fail(path, 'oneOf', { allowed: allowed.join(', '), value: show(value) });
  }
  return value as T;
}

/** A non-empty list of at most `max` items, each checked by `item`. */
export function checkList<T>(
  value: unknown,
  path: string,
  max: number,
  item: (v: unknown, itemPath: string) => T,
  min = 0,
): T[] {
  if (!Array.isArray(value)) return fail(path, 'mustBeList');
  if (value.length < min || value.length > max) return fail(path, 'listLength', { min, max, count: value.length });
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export function checkIsoDate(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    return fail(path, 'dateFormat', { value: show(value) });
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    return fail(path, 'notARealDate', { value });
  return value;
}

/** An ISO 8601 date-time with a time zone (`2025-10-16T08:00:00+08:00`, `...Z`). */
export function checkIsoDateTime(value: unknown, path: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value !== 'string' || !iso.test(value)) {
    return fail(path, 'dateTimeFormat', { value: show(value) });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return fail(path, 'notARealDate', { value });
  checkIsoDate(value.slice(0, 10), path);
  return date;
}

/** A GraphQL `ID` of one of our rows: a positive integer written as text. */
export function checkId(value: unknown, path: string): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d{0,14}$/.test(text)) return fail(path, 'mustBeId', { value: show(value) });
  return Number(text);
}

/** The rules of codes (unit, group, bureau codes): `traffic-police`, `residents`, `city-psb`. */
export const CODE_PATTERN = {
  regex: /^[a-z0-9][a-z0-9._-]*$/i,
  description: 'letters, digits, ".", "_" or "-", starting with a letter or digit',
};

/** A code of 1..64 characters matching {@link CODE_PATTERN}. */
export function checkCode(value: unknown, path: string): string {
  return checkText(value, path, { max: 64, pattern: CODE_PATTERN });
}

/** A new password that passes the {@link passwordProblem password policy}. */
export function checkNewPassword(value: unknown, path: string): string {
  if (typeof value !== 'string') return fail(path, 'mustBeText', { value: show(value) });
  const problem = passwordProblem(value);
  return problem === null ? value : fail(path, problem.key, problem.params);
}
