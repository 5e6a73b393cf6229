import { Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Role } from '../common/roles';
import { IndicatorCatalogEntry, PluginInfo } from './dto/plugin.dto';
import { PluginRegistry } from './plugin-registry';

/** The plugins this server runs and the indicators they declare (their presets: the template module's PresetResolver). */
@Resolver()
export class PluginResolver {
  constructor(private readonly registry: PluginRegistry) {}

  @Query(() => [PluginInfo], { description: 'Plugins this server runs, in the order the config file lists them' })
  @Allow(Role.admin, Role.office)
  plugins(): PluginInfo[] {
    return this.registry.list().map(({ plugin }) => ({
      name: plugin.name,
      version: plugin.version ?? null,
      compatibility: plugin.compatibility,
      description: plugin.description ?? null,
      strategies: (plugin.strategies ?? []).map((strategy) => strategy.code),
      templates: (plugin.templates ?? []).map((template) => template.code),
      indicators: (plugin.indicators ?? []).map((indicator) => indicator.code),
      scalePresets: (plugin.scalePresets ?? []).map((preset) => preset.code),
      groupPresets: (plugin.groupPresets ?? []).map((preset) => preset.code),
      hasModule: plugin.module !== undefined,
    }));
  }

  @Query(() => [IndicatorCatalogEntry], {
    description: 'Per-unit indicators the plugins declare (add them to a campaign with setCampaignIndicators)',
  })
  @Allow(Role.admin, Role.office)
  indicatorCatalog(): IndicatorCatalogEntry[] {
    return this.registry.indicators().map(({ value, plugin }) => ({
      code: value.code,
      label: value.label,
      unit: value.unit ?? null,
      description: value.description ?? null,
      min: value.min ?? null,
      max: value.max ?? null,
      integer: value.integer === true,
      plugin,
    }));
  }
}
