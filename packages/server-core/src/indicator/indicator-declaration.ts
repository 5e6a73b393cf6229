import { type ErrorCode, type MessageKey, PingyiError, type ReasonParams, refusal } from '@pingyi/domain';

// Per-unit indicators (complaint counts, inspection scores...): named numeric
// inputs per unit that the office enters or imports and that a strategy may
// declare it needs. Pure: used by plugins, campaign configuration files, the
// GraphQL API and the test kit alike.

/** An indicator a campaign records per unit. */
export interface IndicatorDeclaration {
  /** Stable code, e.g. `complaints` (letters, digits, `.`, `_`, `-`). */
  readonly code: string;
  /** What the office sees, e.g. 有效投诉件数. */
  readonly label: string;
  /** Unit of measure as printed (件, 分, %), if any. */
  readonly unit?: string;
  readonly description?: string;
  /** Lowest allowed value (inclusive); none when absent. */
  readonly min?: number | null;
  /** Highest allowed value (inclusive); none when absent. */
  readonly max?: number | null;
  /** Only whole numbers (counts). */
  readonly integer?: boolean;
}

const CODE = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const MAX_INDICATORS = 50;

const fail = (code: ErrorCode, path: string, message: string): never => {
  throw new PingyiError(code, message, path);
};

function text(value: unknown, path: string, max: number, required: boolean): string | undefined {
  if (value === undefined || value === null || (!required && value === '')) {
    if (required) fail('INVALID_INDICATOR', path, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') return fail('INVALID_INDICATOR', path, `must be text, got ${JSON.stringify(value)}`);
  const trimmed = value.trim();
  if (required && trimmed === '') fail('INVALID_INDICATOR', path, 'must not be empty');
  if ([...trimmed].length > max)
    fail('INVALID_INDICATOR', path, `must be at most ${max} characters, got ${[...trimmed].length}`);
  return trimmed;
}

function bound(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail('INVALID_INDICATOR', path, `must be a finite number or null, got ${JSON.stringify(value)}`);
  return value;
}

/** Checks one declaration (untrusted); `INVALID_INDICATOR` names the field. */
export function parseIndicatorDeclaration(raw: unknown, path: string): IndicatorDeclaration {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('INVALID_INDICATOR', path, 'must be an object { code, label, unit?, min?, max? }');
  const value = raw as Record<string, unknown>;
  const code = value.code;
  if (typeof code !== 'string' || !CODE.test(code)) {
    fail(
      'INVALID_INDICATOR',
      `${path}.code`,
      `must be a code of 1 to 64 letters, digits, ".", "_" or "-", got ${JSON.stringify(code)}`,
    );
  }
  const label = text(value.label, `${path}.label`, 100, true) as string;
  const unit = text(value.unit, `${path}.unit`, 20, false);
  const description = text(value.description, `${path}.description`, 1000, false);
  const min = bound(value.min, `${path}.min`);
  const max = bound(value.max, `${path}.max`);
  if (min !== null && max !== null && min > max) fail('INVALID_INDICATOR', path, `min ${min} is above max ${max}`);
  if (value.integer !== undefined && value.integer !== null && typeof value.integer !== 'boolean') {
    fail('INVALID_INDICATOR', `${path}.integer`, `must be true or false, got ${JSON.stringify(value.integer)}`);
  }
  return {
    code: code as string,
    label,
    ...(unit ? { unit } : {}),
    ...(description ? { description } : {}),
    min,
    max,
    integer: value.integer === true,
  };
}

/** Checks a list of declarations: each one, and codes used once. */
export function parseIndicatorDeclarations(raw: unknown, path: string): IndicatorDeclaration[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return fail('INVALID_INDICATOR', path, 'must be a list of indicators');
  if (raw.length > MAX_INDICATORS)
    fail('INVALID_INDICATOR', path, `at most ${MAX_INDICATORS} indicators, got ${raw.length}`);
  const seen = new Set<string>();
  return raw.map((item, i) => {
    const declaration = parseIndicatorDeclaration(item, `${path}[${i}]`);
    if (seen.has(declaration.code))
      fail('INVALID_INDICATOR', `${path}[${i}].code`, `indicator "${declaration.code}" is declared twice`);
    seen.add(declaration.code);
    return declaration;
  });
}

/**
 * Checks a value entered for an indicator: a finite number within the
 * declared bounds (and whole when declared so); `INVALID_INDICATOR_VALUE`.
 */
export function checkIndicatorValue(declaration: IndicatorDeclaration, value: unknown, path: string): number {
  const named = { code: declaration.code, label: declaration.label };
  const refuse = (key: MessageKey, params: ReasonParams): never => {
    throw refusal('INVALID_INDICATOR_VALUE', key, { ...named, ...params }, path);
  };
  if (typeof value !== 'number' || !Number.isFinite(value))
    return refuse('indicatorNeedsNumber', { value: JSON.stringify(value) ?? String(value) });
  if (declaration.integer && !Number.isInteger(value)) refuse('indicatorWholeNumber', { value });
  if (declaration.min !== null && declaration.min !== undefined && value < declaration.min)
    refuse('indicatorAtLeast', { min: declaration.min, value });
  if (declaration.max !== null && declaration.max !== undefined && value > declaration.max)
    refuse('indicatorAtMost', { max: declaration.max, value });
  return value;
}
