import { PingyiError, type RatingScale } from '@pingyi/domain';
import type { LocalizedText } from '../localized-text.js';

/** What an argument's value is; a console draws one form control per type. */
export interface ArgValueTypes {
  /** Any finite number. */
  number: number;
  /** A safe integer. */
  integer: number;
  boolean: boolean;
  string: string;
  /** One level code of the policy's scale. */
  level: string;
  /** Level codes of the policy's scale, no repeats. */
  levels: readonly string[];
  /** Free strings (tier codes, for instance), no repeats. */
  strings: readonly string[];
  /** A weight (finite, ≥ 0) per evaluator group code of the policy. */
  groupWeights: Readonly<Record<string, number>>;
}

export type ArgType = keyof ArgValueTypes;

/**
 * One declared argument of a scoring strategy: it types the strategy's
 * `score` function, drives the console's form, and is validated by
 * `parsePolicy` (errors name `strategy.args.<name>`). An argument is required
 * unless it says `required: false` or has a `default`.
 */
export interface ArgDefinition<T extends ArgType = ArgType> {
  readonly type: T;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly required?: boolean;
  readonly default?: ArgValueTypes[T];
  /** Lowest value (numbers) or fewest items (lists). */
  readonly min?: number;
  /** Highest value (numbers) or most items (lists). */
  readonly max?: number;
  /** The value must stay below `max` (a fraction in [0, 0.5)). */
  readonly exclusiveMax?: boolean;
  /** Allowed values of a `string` or of each item of `strings`. */
  readonly options?: readonly string[];
}

export type ArgDefinitions = Readonly<Record<string, ArgDefinition>>;

type ValueOf<D> = D extends ArgDefinition<infer T> ? ArgValueTypes[T] : never;

/** The typed argument values a declaration produces (Vendure's `ConfigArgValues`). */
export type ArgValues<A extends ArgDefinitions> = {
  readonly [K in keyof A]: A[K] extends { required: false }
    ? A[K] extends { default: unknown }
      ? ValueOf<A[K]>
      : ValueOf<A[K]> | undefined
    : ValueOf<A[K]>;
};

/** What argument validation checks level and group codes against. */
export interface ArgContext {
  readonly scale: RatingScale;
  readonly groups?: readonly { readonly code: string }[];
}

/**
 * Checks raw arguments (from JSON) against their declarations, fills defaults
 * and returns the typed values. Unknown keys are ignored (extra fields are
 * allowed in a policy). Throws `INVALID_POLICY` naming `<path>.<arg>`.
 */
export function validateArgs<A extends ArgDefinitions>(definitions: A, raw: unknown, context: ArgContext, path = 'strategy.args'): ArgValues<A> {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new PingyiError('INVALID_POLICY', 'must be an object', path);
  const input = raw as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const at = `${path}.${name}`;
    const value = input[name];
    if (value === undefined || value === null) {
      if (definition.default !== undefined) values[name] = definition.default;
      else if (definition.required !== false) throw new PingyiError('INVALID_POLICY', `required ${definition.type} argument is missing`, at);
      continue;
    }
    values[name] = checkValue(definition, value, context, at);
  }
  return values as ArgValues<A>;
}

function checkValue(definition: ArgDefinition, value: unknown, context: ArgContext, at: string): unknown {
  const fail = (where: string, message: string): never => {
    throw new PingyiError('INVALID_POLICY', message, where);
  };
  switch (definition.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail(at, `must be a number, not ${describe(value)}`);
      if (definition.type === 'integer' && !Number.isSafeInteger(value)) return fail(at, `must be a whole number, not ${value}`);
      checkBounds(definition, value, at, 'be');
      return value;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(at, `must be true or false, not ${describe(value)}`);
    case 'string':
    case 'level': {
      if (typeof value !== 'string' || value === '') return fail(at, `must be a non-empty string, not ${describe(value)}`);
      checkMember(definition, context, value, at);
      return value;
    }
    case 'levels':
    case 'strings': {
      if (!Array.isArray(value)) return fail(at, `must be a list, not ${describe(value)}`);
      const seen = new Set<string>();
      value.forEach((item: unknown, i) => {
        if (typeof item !== 'string' || item === '') fail(`${at}[${i}]`, `must be a non-empty string, not ${describe(item)}`);
        if (seen.has(item as string)) fail(`${at}[${i}]`, `"${item as string}" is listed twice`);
        seen.add(item as string);
        checkMember(definition, context, item as string, `${at}[${i}]`);
      });
      checkBounds(definition, value.length, at, 'have');
      return [...value] as string[];
    }
    case 'groupWeights': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail(at, `must be an object of weights per group, not ${describe(value)}`);
      const known = new Set((context.groups ?? []).map((group) => group.code));
      for (const [group, weight] of Object.entries(value as Record<string, unknown>)) {
        if (!known.has(group)) fail(`${at}.${group}`, `"${group}" is not an evaluator group of the policy (${[...known].join(', ') || 'none listed'})`);
        if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) fail(`${at}.${group}`, `must be a number ≥ 0, not ${describe(weight)}`);
      }
      return { ...(value as Record<string, number>) };
    }
  }
}

function checkBounds(definition: ArgDefinition, value: number, at: string, verb: 'be' | 'have'): void {
  const items = (n: number) => (verb === 'have' ? ` item${n === 1 ? '' : 's'}` : '');
  const fail = (message: string): never => {
    throw new PingyiError('INVALID_POLICY', message, at);
  };
  const { min, max } = definition;
  if (min !== undefined && value < min) fail(`must ${verb} at least ${min}${items(min)}, not ${value}`);
  if (max !== undefined && definition.exclusiveMax && value >= max) fail(`must ${verb} below ${max}${items(max)}, not ${value}`);
  if (max !== undefined && !definition.exclusiveMax && value > max) fail(`must ${verb} at most ${max}${items(max)}, not ${value}`);
}

function checkMember(definition: ArgDefinition, context: ArgContext, value: string, at: string): void {
  const allowed = definition.type === 'level' || definition.type === 'levels' ? context.scale.map((level) => level.code) : definition.options;
  if (allowed && !allowed.includes(value)) {
    const what = definition.type.startsWith('level') ? 'a level of the scale' : 'an allowed value';
    throw new PingyiError('INVALID_POLICY', `"${value}" is not ${what} (${allowed.join(', ')})`, at);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
