import { Query, Resolver } from '@nestjs/graphql';
import { SEED_PLAN } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Role } from '../common/roles';
import { EvaluatorGroupPresetInfo, ScalePresetInfo } from '../plugin/dto/plugin.dto';
import { PluginRegistry } from '../plugin/plugin-registry';
import { SEED_TEMPLATE_POLICY } from './seed-template';

const SEED_WEIGHTS = new Map<string, number>(SEED_TEMPLATE_POLICY.groups.map((group) => [group.code, group.weight]));

/** What a campaign or a policy starts from besides a whole template: the seed's scale and groups, then the plugins'. */
@Resolver()
export class PresetResolver {
  constructor(private readonly registry: PluginRegistry) {}

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
}
