import { Injectable } from '@nestjs/common';
import {
  scoreTally,
  type ScoringContext,
  type ScoringPolicy,
  type ScoringResult,
  StrategyRegistry,
  type Tally,
} from '@pingyi/scoring';
import { type EntityManager } from 'typeorm';
import { ScoringStrategies } from '../campaign/scoring-strategies.service';
import { bindIndicators, indicatorsOf, isIndicatorStrategy } from '../indicator/indicator-strategy';
import { IndicatorService } from '../indicator/indicator.service';
import { PluginRegistry } from './plugin-registry';

/** Where a strategy comes from and what it reads. */
export interface StrategyProvenance {
  /** The plugin's name; null for a built-in. */
  readonly plugin: string | null;
  readonly pluginVersion: string | null;
  /** Codes of the per-unit indicators it reads. */
  readonly indicators: readonly string[];
}

/**
 * The strategies to score one campaign with: the built-ins and every plugin
 * strategy, the indicator strategies bound to that campaign's values. Results
 * score through {@link score}, which names the plugin when its strategy fails.
 */
@Injectable()
export class StrategyRegistryProvider {
  constructor(
    private readonly strategies: ScoringStrategies,
    private readonly indicators: IndicatorService,
    private readonly plugins: PluginRegistry,
  ) {}

  /** The registry for a campaign (already checked to be the caller's). */
  async forCampaign(campaignId: number, manager?: EntityManager): Promise<StrategyRegistry> {
    const all = this.strategies.registry.list();
    if (!all.some(isIndicatorStrategy)) return this.strategies.registry;
    return new StrategyRegistry(bindIndicators(all, await this.indicators.tableOf(campaignId, manager)));
  }

  /**
   * `scoreTally` with the campaign's registry; a plugin strategy that throws,
   * returns a non-number or leaves its range is `STRATEGY_FAILED` naming the
   * plugin, the strategy and the unit.
   */
  async score(
    campaignId: number,
    tally: Tally,
    policy: ScoringPolicy,
    manager?: EntityManager,
    context: ScoringContext = {},
  ): Promise<ScoringResult> {
    const registry = await this.forCampaign(campaignId, manager);
    try {
      return scoreTally(tally, policy, registry, context);
    } catch (error) {
      throw this.plugins.attributeFailure(error);
    }
  }

  provenance(code: string): StrategyProvenance {
    const plugin = this.plugins.pluginOfStrategy(code);
    const strategy = this.strategies.registry.get(code);
    return {
      plugin: plugin?.name ?? null,
      pluginVersion: plugin?.version ?? null,
      indicators: strategy ? indicatorsOf(strategy) : [],
    };
  }
}
