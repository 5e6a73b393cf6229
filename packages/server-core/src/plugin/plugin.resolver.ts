import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { SEED_PLAN } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Role } from '../common/roles';
import { ScoringStrategyInfo } from '../results/dto/results.dto';
import { SEED_TEMPLATE_POLICY } from '../template/seed-template';
import { EvaluatorGroupPresetInfo, IndicatorCatalogEntry, PluginInfo, ScalePresetInfo } from './dto/plugin.dto';
import { PluginRegistry } from './plugin-registry';
import { StrategyRegistryProvider } from './strategy-registry.provider';

const EVERY_ROLE: [Role, ...Role[]] = [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader];
const SEED_WEIGHTS = new Map<string, number>(SEED_TEMPLATE_POLICY.groups.map((group) => [group.code, group.weight]));

/** The plugins this server runs and what they offer the console (presets, indicators). */
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

  @Query(() => [ScalePresetInfo], {
    description: "Rating scales to start a policy from: the seed's, then the plugins'",
  })
  @Allow(Role.admin, Role.office)
  scalePresets(): ScalePresetInfo[] {
    const levels = (scale: readonly { code: string; label: string; points: number | null }[]) =>
      scale.map(({ code, label, points }) => ({ code, label, points }));
    return [
      { code: 'seed', label: '六档（满意 … 不了解）', plugin: null, levels: levels(SEED_PLAN.scale) },
      ...this.registry
        .scalePresets()
        .map(({ value, plugin }) => ({ code: value.code, label: value.label, plugin, levels: levels(value.scale) })),
    ];
  }

  @Query(() => [EvaluatorGroupPresetInfo], {
    description: "Evaluator groups with quotas to start a campaign from: the seed's, then the plugins'",
  })
  @Allow(Role.admin, Role.office)
  evaluatorGroupPresets(): EvaluatorGroupPresetInfo[] {
    const seed = SEED_PLAN.evaluatorGroups.map((group) => ({ ...group, weight: SEED_WEIGHTS.get(group.code) }));
    const groups = (
      list: readonly {
        code: string;
        label: string;
        quota: number;
        weight?: number | undefined;
        description?: string | undefined;
      }[],
    ) =>
      list.map((group) => ({
        code: group.code,
        label: group.label,
        quota: group.quota,
        weight: group.weight ?? null,
        description: group.description ?? null,
      }));
    return [
      { code: 'seed', label: '九类评议对象（共 10000 人）', plugin: null, groups: groups(seed) },
      ...this.registry
        .groupPresets()
        .map(({ value, plugin }) => ({ code: value.code, label: value.label, plugin, groups: groups(value.groups) })),
    ];
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

/** Adds where each strategy comes from to the strategy list (`scoringStrategies`). */
@Resolver(() => ScoringStrategyInfo)
@Allow(...EVERY_ROLE)
export class StrategyProvenanceResolver {
  constructor(private readonly registry: StrategyRegistryProvider) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'The plugin that brings the strategy; null for a built-in',
  })
  plugin(@Parent() info: ScoringStrategyInfo): string | null {
    return this.registry.provenance(info.code).plugin;
  }

  @ResolveField(() => String, { nullable: true, description: "That plugin's version" })
  pluginVersion(@Parent() info: ScoringStrategyInfo): string | null {
    return this.registry.provenance(info.code).pluginVersion;
  }

  @ResolveField(() => [String], {
    description: 'Per-unit indicators the strategy reads; the campaign must declare them',
  })
  indicators(@Parent() info: ScoringStrategyInfo): string[] {
    return [...this.registry.provenance(info.code).indicators];
  }
}
