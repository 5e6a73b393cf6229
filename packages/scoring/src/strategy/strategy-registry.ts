import { PingyiError } from '@pingyi/domain';
import type { ScoringStrategy } from './scoring-strategy.js';

/**
 * The strategies a policy may name: the built-ins plus those plugins add.
 * Codes are unique; registering a code twice is an error, so a plugin can
 * never silently replace a built-in.
 */
export class StrategyRegistry {
  private readonly byCode = new Map<string, ScoringStrategy>();

  constructor(strategies: Iterable<ScoringStrategy> = []) {
    for (const strategy of strategies) this.register(strategy);
  }

  /** Adds a strategy; throws `DUPLICATE_STRATEGY` when its code is taken. */
  register(strategy: ScoringStrategy): this {
    if (this.byCode.has(strategy.code)) {
      throw new PingyiError(
        'DUPLICATE_STRATEGY',
        `a scoring strategy with code "${strategy.code}" is already registered`,
        undefined,
        {
          strategy: strategy.code,
        },
      );
    }
    this.byCode.set(strategy.code, strategy);
    return this;
  }

  get(code: string): ScoringStrategy | undefined {
    return this.byCode.get(code);
  }

  /** Throws `UNKNOWN_STRATEGY` listing the known codes. */
  getOrThrow(code: string): ScoringStrategy {
    const strategy = this.byCode.get(code);
    if (!strategy) {
      throw new PingyiError(
        'UNKNOWN_STRATEGY',
        `unknown scoring strategy "${code}" (known: ${this.codes().join(', ')})`,
        undefined,
        {
          strategy: code,
        },
      );
    }
    return strategy;
  }

  codes(): string[] {
    return [...this.byCode.keys()];
  }

  list(): ScoringStrategy[] {
    return [...this.byCode.values()];
  }
}
