// Small readers for untrusted input (JSON, GraphQL, files). Every parser in the
// package uses them so a bad field always fails the same way: a PingyiError
// with the parser's code and the path of the field.
import { type DomainErrorCode } from './domain-error-codes.js';
import { PingyiError } from './pingyi-error.js';
import { because } from './reasons/index.js';

/** Throws a PingyiError with a fixed code; `path` names the field at fault. */
export type Fail = (path: string, message: string, details?: Readonly<Record<string, unknown>>) => never;

/** Builds a {@link Fail} that throws `code`. */
export function failWith(code: DomainErrorCode): Fail {
  return (path, message, details) => {
    throw new PingyiError(code, message, path, details);
  };
}

/** Codes (units, groups, phases, themes): letters, digits, `-`, `_`, `.`; no spaces or commas (they go in CSV). */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function expectObject(value: unknown, at: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(at, ...because('mustBeObject'));
  return value as Record<string, unknown>;
}

export function expectArray(value: unknown, at: string, fail: Fail): readonly unknown[] {
  if (!Array.isArray(value)) return fail(at, ...because('mustBeList'));
  return value;
}

/** A string that is not blank; returned as given (callers decide whether to trim). */
export function expectText(value: unknown, at: string, fail: Fail): string {
  if (typeof value !== 'string') return fail(at, ...because('mustBeString'));
  if (value.trim() === '') return fail(at, ...because('mustNotBeEmpty'));
  return value;
}

/** A string that may be empty. */
export function expectString(value: unknown, at: string, fail: Fail): string {
  if (typeof value !== 'string') return fail(at, ...because('mustBeString'));
  return value;
}

/** `undefined`/`null` give `undefined`; otherwise a non-blank string. */
export function optionalText(value: unknown, at: string, fail: Fail): string | undefined {
  return value === undefined || value === null ? undefined : expectText(value, at, fail);
}

export function expectCode(value: unknown, at: string, fail: Fail): string {
  if (typeof value !== 'string' || value === '') return fail(at, ...because('mustBeCode'));
  if (!CODE_PATTERN.test(value)) {
    return fail(at, ...because('invalidCode', { value }));
  }
  return value;
}

export function expectInteger(
  value: unknown,
  at: string,
  fail: Fail,
  range: { min?: number; max?: number } = {},
): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return fail(at, ...because('mustBeInteger', { value: show(value) }));
  if (range.min !== undefined && value < range.min) return fail(at, ...because('atLeast', { min: range.min, value }));
  if (range.max !== undefined && value > range.max) return fail(at, ...because('atMost', { max: range.max, value }));
  return value;
}

export function expectBoolean(value: unknown, at: string, fail: Fail): boolean {
  if (typeof value !== 'boolean') return fail(at, ...because('mustBeBoolean', { value: show(value) }));
  return value;
}

/** A short printable rendering of an untrusted value for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 40 ? `${json.slice(0, 40)}…` : json;
  } catch {
    return String(value);
  }
}
