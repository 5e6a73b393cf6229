import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Role } from '../common/roles';
import { StrategyRegistryProvider } from '../plugin/strategy-registry.provider';
import { ScoringStrategyInfo } from './dto/results.dto';

const EVERY_ROLE: [Role, ...Role[]] = [Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader];

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
