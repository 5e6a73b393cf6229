// The plan's prose parts: 指导思想, 工作目标, 工作要求. Plain data with light
// validation so a template editor cannot save a hole in the plan.
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { expectArray, expectInteger, expectObject, expectText, type Fail, failWith } from '../errors/input-readers.js';

/** 指导思想: the free text heading the plan. */
export interface GuidingPrinciple {
  readonly text: string;
}

/** 工作目标: a numbered goal (（一）政令警令更加畅通) with its text. */
export interface Objective {
  readonly number: number;
  readonly title: string;
  readonly text: string;
}

/** 工作要求: a numbered work requirement (（一）提高认识，加强领导) with its text. */
export interface Requirement {
  readonly number: number;
  readonly title: string;
  readonly text: string;
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_PLAN);

/** Checks an untrusted guiding principle; throws `INVALID_PLAN` when the text is missing or blank. */
export function parseGuidingPrinciple(value: unknown, path = 'guidingPrinciple'): GuidingPrinciple {
  const raw = expectObject(value, path, fail);
  return { text: expectText(raw.text, `${path}.text`, fail) };
}

/**
 * Reads a list of `{ number, ... }` entries whose numbers are positive integers
 * in strictly increasing order (gaps allowed: the seed's text lost some items).
 */
export function parseNumberedList<T extends { readonly number: number }>(
  value: unknown,
  path: string,
  failure: Fail,
  read: (raw: Record<string, unknown>, at: string) => Omit<T, 'number'>,
): readonly T[] {
  let previous = 0;
  return expectArray(value, path, failure).map((item, i) => {
    const at = `${path}[${i}]`;
    const raw = expectObject(item, at, failure);
    const number = expectInteger(raw.number, `${at}.number`, failure, { min: 1 });
    if (number <= previous)
      failure(`${at}.number`, `number ${number} must be greater than the one before it (${previous})`);
    previous = number;
    return { ...read(raw, at), number } as T;
  });
}

const readTitled = (raw: Record<string, unknown>, at: string): { title: string; text: string } => ({
  title: expectText(raw.title, `${at}.title`, fail),
  text: expectText(raw.text, `${at}.text`, fail),
});

/** Checks untrusted objectives: numbered, each with a title and text. Throws `INVALID_PLAN`. */
export function parseObjectives(value: unknown, path = 'objectives'): readonly Objective[] {
  return parseNumberedList<Objective>(value, path, fail, readTitled);
}

/** Checks untrusted work requirements: numbered, each with a title and text. Throws `INVALID_PLAN`. */
export function parseRequirements(value: unknown, path = 'requirements'): readonly Requirement[] {
  return parseNumberedList<Requirement>(value, path, fail, readTitled);
}
