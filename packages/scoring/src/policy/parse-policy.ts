import { isPingyiError, parseRatingScale, PingyiError, type RatingScale, reasonOf } from '@pingyi/domain';
import { builtInStrategyRegistry } from '../strategy/built-in/built-in-strategies.js';
import { validateArgs } from '../strategy/strategy-args.js';
import type { StrategyRegistry } from '../strategy/strategy-registry.js';
import {
  MAX_DECIMALS,
  type PolicyGroup,
  type RankTier,
  type RankWithin,
  type ScoringPolicy,
  type Tier,
} from './scoring-policy.js';

type Fields = Record<string, unknown>;

const fail = (path: string, message: string): never => {
  throw new PingyiError('INVALID_POLICY', message, path);
};

/**
 * Validates an untrusted scoring policy (parsed JSON, a GraphQL input, a
 * stored column) AND its strategy's arguments, and returns it typed with
 * every default filled in:
 *
 * - `unknownInDenominator`: `false`
 * - `groups`: absent (a group's `label` defaults to its code, `weight` to 1)
 * - `strategy.args`: `{}`, then each argument's declared default
 * - `minCounted`: `0`; `decimals`: `2` (0 to {@link MAX_DECIMALS})
 * - `tiers`: `[]` (a tier's `label` defaults to its code; `min` is required, `null` for "any score")
 * - `rankWithin` (`"all"` or `"series"`), `rankTiers` (each with exactly one of `top`, `bottom`: a
 *   whole number ≥ 1) and `minResponseRate` (percent, 0 to 100): absent when not given, so a
 *   policy written before them parses to exactly what it did (absent means `"all"`, none, 0)
 *
 * Extra fields are allowed and dropped. Every error is a `PingyiError` with
 * code `INVALID_POLICY` and a `path` naming the field (`strategy.args.trim`,
 * `tiers[1].min`, `groups[0].weight`). `registry` supplies plugin strategies;
 * by default only the five built-ins are known.
 */
export function parsePolicy(value: unknown, registry: StrategyRegistry = builtInStrategyRegistry): ScoringPolicy {
  const policy = object(value, '(policy)');
  if (policy.version === undefined) fail('version', 'is required and must be 1');
  if (policy.version !== 1)
    fail('version', `unsupported policy version ${JSON.stringify(policy.version)}; this Pingyi reads version 1`);

  const scale = parseScale(policy.scale);
  const groups = policy.groups === undefined ? undefined : parseGroups(policy.groups);
  const unknownInDenominator = optional(policy, 'unknownInDenominator', false, (v, at) =>
    typeof v === 'boolean' ? v : fail(at, 'must be true or false'),
  );
  const minCounted = optional(policy, 'minCounted', 0, (v, at) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(at, 'must be a whole number ≥ 0'),
  );
  const decimals = optional(policy, 'decimals', 2, (v, at) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_DECIMALS
      ? v
      : fail(at, `must be a whole number from 0 to ${MAX_DECIMALS}`),
  );
  const tiers = optional(policy, 'tiers', [] as Tier[], parseTiers);
  const rankWithin = optional<RankWithin | undefined>(policy, 'rankWithin', undefined, (v, at) =>
    v === 'all' || v === 'series' ? v : fail(at, `must be "all" or "series", not ${JSON.stringify(v)}`),
  );
  const rankTiers = optional<RankTier[] | undefined>(policy, 'rankTiers', undefined, parseRankTiers);
  const minResponseRate = optional<number | undefined>(policy, 'minResponseRate', undefined, (v, at) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100
      ? v
      : fail(at, 'must be a percentage from 0 to 100'),
  );

  if (policy.strategy === undefined) fail('strategy', 'is required: { "code": "weighted-mean", "args": {} }');
  const strategyFields = object(policy.strategy, 'strategy');
  const code = strategyFields.code;
  if (typeof code !== 'string' || code === '') return fail('strategy.code', 'is required and must be a strategy code');
  const strategy =
    registry.get(code) ??
    fail('strategy.code', `unknown scoring strategy "${code}" (known: ${registry.codes().join(', ')})`);
  const args = validateArgs(strategy.args, strategyFields.args, { scale, groups });

  const parsed: ScoringPolicy = {
    version: 1,
    scale,
    unknownInDenominator,
    ...(groups ? { groups } : {}),
    strategy: { code, args },
    minCounted,
    decimals,
    tiers,
    ...(rankWithin ? { rankWithin } : {}),
    ...(rankTiers ? { rankTiers } : {}),
    ...(minResponseRate !== undefined ? { minResponseRate } : {}),
  };
  strategy.checkPolicy?.(parsed, args);
  return parsed;
}

function object(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
  return value as Fields;
}

function optional<T>(fields: Fields, key: string, fallback: T, parse: (value: unknown, path: string) => T): T {
  return fields[key] === undefined ? fallback : parse(fields[key], key);
}

function parseScale(value: unknown): RatingScale {
  if (value === undefined) fail('scale', 'is required: the levels, best to worst');
  try {
    return parseRatingScale(value, 'scale');
  } catch (error) {
    // The domain says INVALID_SCALE; a policy reports every fault as INVALID_POLICY.
    if (isPingyiError(error, 'INVALID_SCALE')) throw new PingyiError('INVALID_POLICY', reasonOf(error), error.path);
    throw error;
  }
}

function label(fields: Fields, code: string, at: string): string {
  if (fields.label === undefined) return code;
  return typeof fields.label === 'string' ? fields.label : fail(`${at}.label`, 'must be a string');
}

function code(fields: Fields, at: string, seen: Set<string>, what: string): string {
  const value = fields.code;
  if (typeof value !== 'string' || value.trim() === '')
    return fail(`${at}.code`, 'is required and must be a non-empty string');
  if (value !== value.trim()) fail(`${at}.code`, `must not begin or end with spaces: ${JSON.stringify(value)}`);
  if (seen.has(value)) fail(`${at}.code`, `duplicate ${what} code "${value}"`);
  seen.add(value);
  return value;
}

function parseGroups(value: unknown): PolicyGroup[] {
  if (!Array.isArray(value)) return fail('groups', 'must be a list of evaluator groups');
  if (value.length === 0) return fail('groups', 'lists no evaluator group; list at least one, or leave groups out');
  const seen = new Set<string>();
  return value.map((raw: unknown, i): PolicyGroup => {
    const at = `groups[${i}]`;
    const fields = object(raw, at);
    const groupCode = code(fields, at, seen, 'group');
    const weight = fields.weight ?? 1;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      fail(`${at}.weight`, 'must be a number ≥ 0');
    return { code: groupCode, label: label(fields, groupCode, at), weight: weight as number };
  });
}

function parseTiers(value: unknown): Tier[] {
  if (!Array.isArray(value)) return fail('tiers', 'must be a list of tiers');
  const seen = new Set<string>();
  return value.map((raw: unknown, i): Tier => {
    const at = `tiers[${i}]`;
    const fields = object(raw, at);
    const tierCode = code(fields, at, seen, 'tier');
    if (!('min' in fields))
      fail(`${at}.min`, 'is required: the lowest rounded score in the tier, or null for any score');
    const min = fields.min;
    if (min !== null && (typeof min !== 'number' || !Number.isFinite(min)))
      fail(`${at}.min`, 'must be a number or null');
    return { code: tierCode, label: label(fields, tierCode, at), min: min as number | null };
  });
}

function parseRankTiers(value: unknown): RankTier[] {
  if (!Array.isArray(value))
    return fail(
      'rankTiers',
      'must be a list of rank tiers: { "code", "label", "top": N } or { "code", "label", "bottom": N }',
    );
  const seen = new Set<string>(); // a rank tier may share a score tier's code (一般 by score or by place)
  return value.map((raw: unknown, i): RankTier => {
    const at = `rankTiers[${i}]`;
    const fields = object(raw, at);
    const tierCode = code(fields, at, seen, 'tier');
    const has = (key: 'top' | 'bottom') => fields[key] !== undefined;
    if (has('top') === has('bottom')) fail(at, 'needs exactly one of "top" and "bottom": how many places it takes');
    const key = has('top') ? 'top' : 'bottom';
    const places = fields[key];
    if (typeof places !== 'number' || !Number.isSafeInteger(places) || places < 1)
      fail(`${at}.${key}`, 'must be a whole number ≥ 1');
    return { code: tierCode, label: label(fields, tierCode, at), [key]: places as number };
  });
}
