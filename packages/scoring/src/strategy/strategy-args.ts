import { type MessageKey, type RatingScale, type ReasonParams, refusal } from '@pingyi/domain';
import { type LocalizedText, localize } from '../localized-text.js';

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
export function validateArgs<A extends ArgDefinitions>(
  definitions: A,
  raw: unknown,
  context: ArgContext,
  path = 'strategy.args',
): ArgValues<A> {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw refusal('INVALID_POLICY', 'argsMustBeObject', {}, path);
  const input = raw as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const at = `${path}.${name}`;
    const value = input[name];
    if (value === undefined || value === null) {
      if (definition.default !== undefined) values[name] = definition.default;
      else if (definition.required !== false)
        throw refusal(
          'INVALID_POLICY',
          'argMissing',
          { type: definition.type, arg: localize(definition.label).zh },
          at,
        );
      continue;
    }
    values[name] = checkValue(definition, value, context, at);
  }
  return values as ArgValues<A>;
}

function checkValue(definition: ArgDefinition, value: unknown, context: ArgContext, at: string): unknown {
  const arg = localize(definition.label).zh;
  const fail = (where: string, key: MessageKey, params: ReasonParams = {}): never => {
    throw refusal('INVALID_POLICY', key, { arg, ...params }, where);
  };
  switch (definition.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value))
        return fail(at, 'argMustBeNumber', { value: describe(value) });
      if (definition.type === 'integer' && !Number.isSafeInteger(value))
        return fail(at, 'argMustBeWholeNumber', { value });
      checkBounds(definition, value, at, 'be');
      return value;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail(at, 'argMustBeBoolean', { value: describe(value) });
    case 'string':
    case 'level': {
      if (typeof value !== 'string' || value === '') return fail(at, 'argMustBeText', { value: describe(value) });
      checkMember(definition, context, value, at);
      return value;
    }
    case 'levels':
    case 'strings': {
      if (!Array.isArray(value)) return fail(at, 'argMustBeList', { value: describe(value) });
      const seen = new Set<string>();
      value.forEach((item: unknown, i) => {
        if (typeof item !== 'string' || item === '') fail(`${at}[${i}]`, 'argMustBeText', { value: describe(item) });
        if (seen.has(item as string)) fail(`${at}[${i}]`, 'argListedTwice', { value: item as string });
        seen.add(item as string);
        checkMember(definition, context, item as string, `${at}[${i}]`);
      });
      checkBounds(definition, value.length, at, 'have');
      return [...value] as string[];
    }
    case 'groupWeights': {
      if (typeof value !== 'object' || Array.isArray(value))
        return fail(at, 'argMustBeWeights', { value: describe(value) });
      const known = new Set((context.groups ?? []).map((group) => group.code));
      for (const [group, weight] of Object.entries(value as Record<string, unknown>)) {
        if (!known.has(group))
          fail(`${at}.${group}`, 'argUnknownGroup', { value: group, known: [...known].join(', ') || 'none listed' });
        if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
          fail(`${at}.${group}`, 'argWeightNegative', { group, value: describe(weight) });
      }
      return { ...(value as Record<string, number>) };
    }
  }
}

function checkBounds(definition: ArgDefinition, value: number, at: string, verb: 'be' | 'have'): void {
  const items = (n: number) => (verb === 'have' ? ` item${n === 1 ? '' : 's'}` : '');
  const fail = (key: MessageKey, params: ReasonParams): never => {
    throw refusal('INVALID_POLICY', key, { arg: localize(definition.label).zh, verb, value, ...params }, at);
  };
  const { min, max } = definition;
  if (min !== undefined && value < min) fail('argAtLeast', { min, unit: items(min) });
  if (max !== undefined && definition.exclusiveMax && value >= max) fail('argBelow', { max, unit: items(max) });
  if (max !== undefined && !definition.exclusiveMax && value > max) fail('argAtMost', { max, unit: items(max) });
}

function checkMember(definition: ArgDefinition, context: ArgContext, value: string, at: string): void {
  const allowed =
    definition.type === 'level' || definition.type === 'levels'
      ? context.scale.map((level) => level.code)
      : definition.options;
  if (allowed && !allowed.includes(value)) {
    throw refusal(
      'INVALID_POLICY',
      definition.type.startsWith('level') ? 'argNotALevel' : 'argNotAllowed',
      { arg: localize(definition.label).zh, value, allowed: allowed.join(', ') },
      at,
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}
