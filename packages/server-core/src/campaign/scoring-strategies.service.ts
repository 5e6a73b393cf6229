import { Injectable } from '@nestjs/common';
import { createStrategyRegistry, type ScoringStrategy, type StrategyRegistry } from '@pingyi/scoring';

/**
 * The scoring strategies policies may name on this server: the five
 * built-ins, plus what plugins register at start (`register` in their
 * module's `onModuleInit`). Campaign validation and results share it.
 */
@Injectable()
export class ScoringStrategies {
  readonly registry: StrategyRegistry = createStrategyRegistry();

  /** Adds a plugin strategy; a taken code is a `DUPLICATE_STRATEGY` error. */
  register(strategy: ScoringStrategy): void {
    this.registry.register(strategy);
  }
}
