import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { CampaignModule } from '../campaign/campaign.module';
import { ScoringStrategies } from '../campaign/scoring-strategies.service';
import { IndicatorModule } from '../indicator/indicator.module';
import { PluginRegistry } from './plugin-registry';
import { PluginResolver } from './plugin.resolver';
import { LOADED_PLUGINS } from './plugin.tokens';
import { StrategyRegistryProvider } from './strategy-registry.provider';

/**
 * The plugin host: the checked plugins (none unless `pluginFeatures()` added
 * them), their strategies registered with the campaign module's registry at
 * start, the per-campaign strategy registry results score with.
 */
@Global()
@Module({
  imports: [CampaignModule, IndicatorModule],
  providers: [
    {
      provide: PluginRegistry,
      useFactory: (loaded?: PluginRegistry) => loaded ?? PluginRegistry.EMPTY,
      inject: [{ token: LOADED_PLUGINS, optional: true }],
    },
    StrategyRegistryProvider,
    PluginResolver,
  ],
  exports: [PluginRegistry, StrategyRegistryProvider],
})
export class PluginModule implements OnModuleInit {
  constructor(
    private readonly plugins: PluginRegistry,
    private readonly strategies: ScoringStrategies,
  ) {}

  // PluginRegistry.create already refused codes taken by a built-in or another plugin.
  onModuleInit(): void {
    for (const strategy of this.plugins.strategies()) this.strategies.register(strategy);
  }
}
