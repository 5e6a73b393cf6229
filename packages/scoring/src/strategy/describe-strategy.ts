import { localize } from '../localized-text.js';
import type { ArgType } from './strategy-args.js';
import type { ScoringStrategy } from './scoring-strategy.js';

/** One argument of a strategy as a console needs it to draw a form field. */
export interface ArgDescription {
  readonly name: string;
  readonly type: ArgType;
  readonly label: { zh: string; en: string };
  readonly description?: { zh: string; en: string };
  readonly required: boolean;
  readonly default?: unknown;
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMax?: boolean;
  readonly options?: readonly string[];
}

/** A strategy as plain JSON, for a server to send and a console to render. */
export interface StrategyDescription {
  readonly code: string;
  readonly label: { zh: string; en: string };
  readonly description: { zh: string; en: string };
  readonly args: readonly ArgDescription[];
  /** Present when the range is fixed; a range that depends on the policy's scale is left out. */
  readonly range?: { readonly min: number; readonly max: number };
  readonly decidesTiers: boolean;
}

/** Describes a strategy as plain, JSON-serializable data (no functions). */
export function describeStrategy(strategy: ScoringStrategy): StrategyDescription {
  const args = Object.entries(strategy.args).map(([name, arg]): ArgDescription => {
    const described: Record<string, unknown> = {
      name,
      type: arg.type,
      label: localize(arg.label),
      required: arg.required !== false && arg.default === undefined,
    };
    if (arg.description !== undefined) described.description = localize(arg.description);
    for (const key of ['default', 'min', 'max', 'exclusiveMax', 'options'] as const) {
      if (arg[key] !== undefined) described[key] = structuredClone(arg[key]);
    }
    return described as unknown as ArgDescription;
  });
  const range =
    strategy.range && typeof strategy.range !== 'function'
      ? { min: strategy.range.min, max: strategy.range.max }
      : undefined;
  return {
    code: strategy.code,
    label: localize(strategy.label),
    description: localize(strategy.description),
    args,
    ...(range ? { range } : {}),
    decidesTiers: strategy.decidesTiers === true,
  };
}
