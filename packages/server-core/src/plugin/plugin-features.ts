import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type PingyiFeature } from '../common/pingyi-feature';
import { PluginRegistry, type PluginUse } from './plugin-registry';
import { LOADED_PLUGINS } from './plugin.tokens';

/** Makes the checked plugins known to every module (the core `PluginModule` reads them). */
@Global()
@Module({})
export class LoadedPluginsModule {
  static forRegistry(registry: PluginRegistry): DynamicModule {
    return {
      module: LoadedPluginsModule,
      global: true,
      providers: [{ provide: LOADED_PLUGINS, useValue: registry }],
      exports: [LOADED_PLUGINS],
    };
  }
}

/** Holds the migrations of a plugin that brings tables but no module of its own. */
@Module({})
class PluginTablesModule {}

/**
 * Turns the plugins a deployment lists into server features, checking them
 * first (`PluginRegistry.create`: compatibility with this server, unique
 * codes, `init(options)`); a problem throws before anything starts, with a
 * message naming the plugin. Pass the result to `bootstrap(config, { plugins })`
 * or `createTestServer({ plugins })`.
 */
export function pluginFeatures(uses: readonly PluginUse[], serverVersion?: string): PingyiFeature[] {
  const registry = PluginRegistry.create(uses, serverVersion);
  const own = registry.list().flatMap(({ plugin }): PingyiFeature[] => {
    const entities = plugin.entities ?? [];
    const migrations = plugin.migrations ?? [];
    if (!plugin.module && migrations.length === 0) return [];
    const module = plugin.module ?? {
      module: PluginTablesModule,
      providers: [{ provide: `plugin-tables:${plugin.name}`, useValue: plugin.name }],
    };
    return [{ name: `plugin:${plugin.name}`, module, entities, migrations }];
  });
  return [{ name: 'plugins', module: LoadedPluginsModule.forRegistry(registry) }, ...own];
}
