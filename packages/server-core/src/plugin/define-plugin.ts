import { type DynamicModule, type Type } from '@nestjs/common';
import {
  isPingyiError,
  parseEvaluatorGroups,
  parseRatingScale,
  PingyiError,
  type RatingScale,
  reasonOf,
} from '@pingyi/domain';
import { builtInStrategies, createStrategyRegistry, type ScoringStrategy } from '@pingyi/scoring';
import { type MigrationClass } from '../common/pingyi-feature';
import { type IndicatorDeclaration, parseIndicatorDeclarations } from '../indicator/indicator-declaration';
import { indicatorsOf } from '../indicator/indicator-strategy';
import { type CampaignTemplate, validateCampaignTemplate } from './campaign-template';
import { parseRange, parseVersion } from './semver-range';

/** A rating scale a plugin offers for new campaigns (e.g. a three-level 满意/基本满意/不满意). */
export interface ScalePreset {
  readonly code: string;
  readonly label: string;
  readonly scale: RatingScale;
}

/** Evaluator groups with quotas (and weights) a plugin offers, e.g. a people's congress's deputies. */
export interface EvaluatorGroupPreset {
  readonly code: string;
  readonly label: string;
  readonly groups: readonly {
    readonly code: string;
    readonly label: string;
    readonly quota: number;
    readonly weight?: number;
    readonly description?: string;
  }[];
}

/**
 * What a plugin author writes (in the manner of Vendure's plugins): a name, the
 * range of `@pingyi/server-core` versions it works with, and what it brings.
 * Everything but `name` and `compatibility` is optional.
 */
export interface PluginDefinition<O = unknown> {
  /** The npm package name (`@acme/pingyi-plugin-median`); unique on a server. */
  readonly name: string;
  /** The plugin's own version, shown to admins. */
  readonly version?: string;
  /**
   * The `@pingyi/server-core` versions it works with, as a semver range
   * (`^0.1.0`). Checked at start: an incompatible plugin stops the server.
   */
  readonly compatibility: string;
  readonly description?: string;
  /**
   * Scoring strategies (`defineScoringStrategy`, or `defineIndicatorStrategy`
   * when they read per-unit indicators). Codes carry a prefix (`acme/median`)
   * so they never collide with a built-in.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each strategy has its own argument types
  readonly strategies?: readonly ScoringStrategy<any>[];
  readonly scalePresets?: readonly ScalePreset[];
  readonly groupPresets?: readonly EvaluatorGroupPreset[];
  /** Whole campaign plans (see `CampaignTemplate`); codes carry a prefix too. */
  readonly templates?: readonly CampaignTemplate[];
  /** Per-unit indicators the plugin's strategies read (and that it offers campaigns). */
  readonly indicators?: readonly IndicatorDeclaration[];
  /** The plugin's own Nest module (resolvers, services). */
  readonly module?: Type<unknown> | DynamicModule;
  /** TypeORM entities of that module; their tables come from `migrations`. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes of any shape
  readonly entities?: readonly Function[];
  /** Versioned migrations (class names end with a 13-digit timestamp). */
  readonly migrations?: readonly MigrationClass[];
  /**
   * Called once at start with the options the config file gives the plugin
   * (`undefined` when none). Check them here: a throw stops the start with a
   * message naming the plugin.
   */
  init?(options: O | undefined): void;
}

const BRAND = Symbol.for('pingyi.plugin');

/** A checked plugin declaration, as {@link definePlugin} returns it. */
export type PingyiPlugin<O = unknown> = PluginDefinition<O> & { readonly [BRAND]: true };

const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const PREFIXED_CODE = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i;
const PRESET_CODE = /^[a-z0-9][a-z0-9._/-]{0,63}$/i;

/**
 * Declares a plugin and checks the declaration: name, version, the
 * compatibility range, each strategy (prefixed code, a `score` function,
 * codes not taken by a built-in or twice), presets, templates (validated
 * with the plugin's own strategies), indicators (every indicator a strategy
 * reads is declared), module parts. Throws `INVALID_PLUGIN` naming the
 * plugin and the field.
 *
 * ```ts
 * export default definePlugin({
 *   name: '@acme/pingyi-plugin-median',
 *   compatibility: '^0.1.0',
 *   strategies: [medianStrategy],
 * });
 * ```
 */
export function definePlugin<O = unknown>(definition: PluginDefinition<O>): PingyiPlugin<O> {
  const name = typeof definition?.name === 'string' ? definition.name : '(unnamed)';
  const fail = (path: string, message: string): never => {
    throw new PingyiError('INVALID_PLUGIN', `plugin "${name}": ${path}: ${message}`, path, { plugin: name });
  };
  if (typeof definition !== 'object' || definition === null)
    throw new PingyiError('INVALID_PLUGIN', 'definePlugin() takes an object { name, compatibility, ... }');
  if (!PACKAGE_NAME.test(name) || name.length > 214)
    fail('name', `must be an npm package name, got ${JSON.stringify(definition.name)}`);
  if (
    definition.version !== undefined &&
    (typeof definition.version !== 'string' || !parseVersion(definition.version))
  ) {
    fail('version', `must be a version like 1.2.3, got ${JSON.stringify(definition.version)}`);
  }
  if (typeof definition.compatibility !== 'string' || !parseRange(definition.compatibility)) {
    fail(
      'compatibility',
      `must be a semver range of @pingyi/server-core versions (e.g. "^0.1.0"), got ${JSON.stringify(definition.compatibility)}`,
    );
  }
  const strategies = listOf(definition.strategies, 'strategies', fail);
  const builtIn = new Set(builtInStrategies.map((strategy) => strategy.code));
  const seen = new Set<string>();
  strategies.forEach((strategy, i) => {
    const at = `strategies[${i}]`;
    const candidate = strategy as Partial<ScoringStrategy> | null;
    if (
      !candidate ||
      typeof candidate.score !== 'function' ||
      typeof candidate.code !== 'string' ||
      typeof candidate.args !== 'object'
    ) {
      fail(at, 'must be a strategy made with defineScoringStrategy() or defineIndicatorStrategy()');
    }
    const code = candidate?.code as string;
    if (builtIn.has(code)) fail(`${at}.code`, `"${code}" is a built-in strategy`);
    if (!PREFIXED_CODE.test(code))
      fail(`${at}.code`, `"${code}" needs a prefix naming the plugin, e.g. "acme/${code}"`);
    if (seen.has(code)) fail(`${at}.code`, `"${code}" is declared twice`);
    seen.add(code);
  });
  const indicators = guard(() => parseIndicatorDeclarations(definition.indicators ?? [], 'indicators'), fail);
  const declared = new Set(indicators.map((indicator) => indicator.code));
  strategies.forEach((strategy, i) => {
    const missing = indicatorsOf(strategy).filter((code) => !declared.has(code));
    if (missing.length > 0)
      fail(
        `strategies[${i}]`,
        `"${strategy.code}" reads indicator(s) ${missing.join(', ')}; declare them in indicators`,
      );
  });
  checkPresets(definition, fail);
  const registry = createStrategyRegistry(strategies);
  const templateCodes = new Set<string>();
  listOf(definition.templates, 'templates', fail).forEach((template, i) => {
    const checked = guard(
      () => validateCampaignTemplate(template, registry),
      (path, message) => fail(`templates[${i}].${path}`, message),
    );
    if (checked.code === 'seed' || !PREFIXED_CODE.test(checked.code))
      fail(`templates[${i}].code`, `"${checked.code}" needs a prefix naming the plugin, e.g. "acme/standard"`);
    if (templateCodes.has(checked.code)) fail(`templates[${i}].code`, `"${checked.code}" is declared twice`);
    templateCodes.add(checked.code);
  });
  const module = definition.module;
  if (
    module !== undefined &&
    typeof module !== 'function' &&
    (typeof module !== 'object' || module === null || typeof (module as DynamicModule).module !== 'function')
  ) {
    fail('module', 'must be a Nest module class or a DynamicModule');
  }
  listOf(definition.entities, 'entities', fail).forEach(
    (entity, i) => typeof entity === 'function' || fail(`entities[${i}]`, 'must be an entity class'),
  );
  listOf(definition.migrations, 'migrations', fail).forEach(
    (migration, i) => typeof migration === 'function' || fail(`migrations[${i}]`, 'must be a migration class'),
  );
  if ((definition.entities?.length ?? 0) > 0 && module === undefined)
    fail('entities', 'entities need the module that uses them');
  if (definition.init !== undefined && typeof definition.init !== 'function')
    fail('init', 'must be a function (options) => void');
  return Object.freeze({ ...definition, [BRAND]: true as const });
}

/** Whether a value was made by {@link definePlugin} (works across package copies). */
export function isPingyiPlugin(value: unknown): value is PingyiPlugin {
  return typeof value === 'object' && value !== null && (value as Record<PropertyKey, unknown>)[BRAND] === true;
}

function listOf<T>(
  value: readonly T[] | undefined,
  path: string,
  fail: (path: string, message: string) => never,
): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'must be a list');
  return value;
}

// Runs a pure check and reports its PingyiError through `fail` (path kept).
function guard<T>(check: () => T, fail: (path: string, message: string) => never): T {
  try {
    return check();
  } catch (error) {
    if (!isPingyiError(error)) throw error;
    const bare = reasonOf(error);
    return fail(error.path ?? '(plugin)', bare);
  }
}

function checkPresets(definition: PluginDefinition<unknown>, fail: (path: string, message: string) => never): void {
  const codes = new Set<string>();
  const checkCode = (code: unknown, label: unknown, at: string): void => {
    if (typeof code !== 'string' || !PRESET_CODE.test(code))
      fail(`${at}.code`, `must be a preset code, got ${JSON.stringify(code)}`);
    if (codes.has(code as string)) fail(`${at}.code`, `"${String(code)}" is declared twice`);
    codes.add(code as string);
    if (typeof label !== 'string' || label.trim() === '') fail(`${at}.label`, 'must be non-empty text');
  };
  listOf(definition.scalePresets, 'scalePresets', fail).forEach((preset, i) => {
    checkCode(preset?.code, preset?.label, `scalePresets[${i}]`);
    guard(() => parseRatingScale(preset.scale, `scalePresets[${i}].scale`), fail);
  });
  codes.clear();
  listOf(definition.groupPresets, 'groupPresets', fail).forEach((preset, i) => {
    checkCode(preset?.code, preset?.label, `groupPresets[${i}]`);
    guard(() => parseEvaluatorGroups(preset.groups, `groupPresets[${i}].groups`), fail);
  });
}
