import { type ErrorCode, isPingyiError, PingyiError, reasonOf } from '@pingyi/domain';
import { createStrategyRegistry, type ScoringStrategy, type StrategyRegistry } from '@pingyi/scoring';
import { type IndicatorDeclaration } from '../indicator/indicator-declaration';
import { type CampaignTemplate } from './campaign-template';
import { type EvaluatorGroupPreset, isPingyiPlugin, type PingyiPlugin, type ScalePreset } from './define-plugin';
import { satisfiesRange } from './semver-range';
import { SERVER_CORE_VERSION } from './server-version';

/** A plugin as a deployment uses it: the declaration, its options, and where it came from. */
export interface PluginUse {
  readonly plugin: PingyiPlugin;
  /** The options the config file gives it (passed to `init`). */
  readonly options?: unknown;
  /** Where it was loaded from (package name or file), for messages. */
  readonly source?: string;
  /** The file it was loaded from, for messages. */
  readonly path?: string;
}

/** A contribution and the plugin that brought it. */
export interface Contributed<T> {
  readonly value: T;
  readonly plugin: string;
}

const describePlugin = (use: PluginUse): string => {
  const from = [
    use.source && use.source !== use.plugin.name ? `from ${use.source}` : '',
    use.path && use.path !== use.source ? use.path : '',
  ].filter(Boolean);
  return `plugin "${use.plugin.name}"${from.length ? ` (${from.join(', ')})` : ''}`;
};

/**
 * The plugins a server runs and everything they contribute, checked together
 * at start: each plugin's compatibility range against this server's version
 * (`INCOMPATIBLE_PLUGIN` naming plugin, range and version), names used once,
 * strategy, template and preset codes used once across plugins, indicator
 * codes declared alike, then each plugin's `init(options)`. Pure: no Nest.
 */
export class PluginRegistry {
  private constructor(
    private readonly uses: readonly PluginUse[],
    readonly serverVersion: string,
  ) {}

  /** No plugins. */
  static readonly EMPTY = new PluginRegistry([], SERVER_CORE_VERSION);

  /** Checks the plugins (see the class) and runs their `init`; throws a `PingyiError` naming the plugin. */
  static create(uses: readonly PluginUse[], serverVersion: string = SERVER_CORE_VERSION): PluginRegistry {
    uses.forEach((use, i) => {
      if (!isPingyiPlugin(use?.plugin)) {
        throw new PingyiError(
          'INVALID_PLUGIN',
          `plugins[${i}]${use?.source ? ` (${use.source})` : ''} is not a plugin: export the result of definePlugin({ name, compatibility, ... })`,
        );
      }
      const { name, compatibility } = use.plugin;
      if (!satisfiesRange(serverVersion, compatibility)) {
        throw new PingyiError(
          'INCOMPATIBLE_PLUGIN',
          `${describePlugin(use)} requires @pingyi/server-core ${compatibility}, but this server is version ${serverVersion}; install a version of the plugin made for ${serverVersion}`,
          undefined,
          { plugin: name, compatibility, serverVersion },
        );
      }
    });
    const registry = new PluginRegistry(uses, serverVersion);
    registry.checkUnique('DUPLICATE_PLUGIN', 'plugin name', (use) => [use.plugin.name]);
    registry.checkUnique('DUPLICATE_STRATEGY', 'scoring strategy', (use) =>
      (use.plugin.strategies ?? []).map((s) => s.code),
    );
    registry.checkUnique('DUPLICATE_TEMPLATE', 'campaign template', (use) =>
      (use.plugin.templates ?? []).map((t) => t.code),
    );
    registry.checkUnique('DUPLICATE_PRESET', 'scale preset', (use) =>
      (use.plugin.scalePresets ?? []).map((p) => p.code),
    );
    registry.checkUnique('DUPLICATE_PRESET', 'evaluator group preset', (use) =>
      (use.plugin.groupPresets ?? []).map((p) => p.code),
    );
    registry.checkIndicatorsAgree();
    for (const use of uses) {
      try {
        use.plugin.init?.(use.options);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const fix = use.source ? `; change its options in the config file, or remove it from the list` : '';
        throw new PingyiError(
          'PLUGIN_INIT_FAILED',
          `${describePlugin(use)} refused to start: ${message.split('\n')[0]}${fix}`,
          undefined,
          { plugin: use.plugin.name },
        );
      }
    }
    return registry;
  }

  /** The plugins, in the order the config file lists them. */
  list(): readonly PluginUse[] {
    return this.uses;
  }

  strategies(): ScoringStrategy[] {
    return this.uses.flatMap((use) => [...(use.plugin.strategies ?? [])]);
  }

  /** The built-in strategies and the plugins', as policies may name them (checks outside a server, the CLI). */
  strategyRegistry(): StrategyRegistry {
    return createStrategyRegistry(this.strategies());
  }

  /** The plugin that brought a strategy; undefined for a built-in or unknown code. */
  pluginOfStrategy(code: string): PingyiPlugin | undefined {
    return this.uses.find((use) => use.plugin.strategies?.some((strategy) => strategy.code === code))?.plugin;
  }

  templates(): Contributed<CampaignTemplate>[] {
    return this.contributed((plugin) => plugin.templates);
  }

  scalePresets(): Contributed<ScalePreset>[] {
    return this.contributed((plugin) => plugin.scalePresets);
  }

  groupPresets(): Contributed<EvaluatorGroupPreset>[] {
    return this.contributed((plugin) => plugin.groupPresets);
  }

  /** Indicator declarations of all plugins, each code once. */
  indicators(): Contributed<IndicatorDeclaration>[] {
    const seen = new Set<string>();
    return this.contributed((plugin) => plugin.indicators).filter(
      ({ value }) => !seen.has(value.code) && seen.add(value.code),
    );
  }

  /**
   * The same `STRATEGY_FAILED` error with the plugin named first, when a
   * plugin's strategy failed (`plugin "@acme/x" 1.0.0: scoring strategy
   * "acme/y" failed for unit "z": ...`); any other error unchanged.
   */
  attributeFailure(error: unknown): unknown {
    if (!isPingyiError(error, 'STRATEGY_FAILED')) return error;
    const code = error.details?.strategy;
    const plugin = typeof code === 'string' ? this.pluginOfStrategy(code) : undefined;
    if (!plugin || error.details?.plugin !== undefined) return error;
    const bare = reasonOf(error);
    return new PingyiError(
      'STRATEGY_FAILED',
      `plugin "${plugin.name}"${plugin.version ? ` ${plugin.version}` : ''}: ${bare}`,
      error.path,
      {
        ...error.details,
        plugin: plugin.name,
      },
    );
  }

  private contributed<T>(pick: (plugin: PingyiPlugin) => readonly T[] | undefined): Contributed<T>[] {
    return this.uses.flatMap((use) => (pick(use.plugin) ?? []).map((value) => ({ value, plugin: use.plugin.name })));
  }

  private checkUnique(code: ErrorCode, what: string, keys: (use: PluginUse) => readonly string[]): void {
    const owner = new Map<string, PluginUse>();
    for (const use of this.uses) {
      for (const key of keys(use)) {
        const first = owner.get(key);
        if (first) {
          const by = first === use ? 'twice' : `by ${describePlugin(first)} and ${describePlugin(use)}`;
          throw new PingyiError(
            code,
            `the ${what} "${key}" is declared ${by}; remove one of them from the config file`,
            undefined,
            { [what]: key },
          );
        }
        owner.set(key, use);
      }
    }
  }

  // Two plugins may share an indicator (both read `complaints`) only if they mean the same thing.
  private checkIndicatorsAgree(): void {
    const first = new Map<string, Contributed<IndicatorDeclaration>>();
    for (const entry of this.contributed((plugin) => plugin.indicators)) {
      const other = first.get(entry.value.code);
      if (!other) {
        first.set(entry.value.code, entry);
        continue;
      }
      const shape = (d: IndicatorDeclaration) =>
        JSON.stringify([d.label, d.unit ?? null, d.min ?? null, d.max ?? null, d.integer === true]);
      if (shape(other.value) !== shape(entry.value)) {
        throw new PingyiError(
          'CONFLICTING_INDICATOR',
          `plugins "${other.plugin}" and "${entry.plugin}" declare the indicator "${entry.value.code}" differently (label, unit or bounds); they cannot run together`,
        );
      }
    }
  }
}
