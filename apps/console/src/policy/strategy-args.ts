// The scoring strategies the server offers and a form drawn from their
// declared arguments: one input per argument type, no strategy-specific code.

/** What an argument's value is (mirrors @pingyi/scoring's ArgType; new types fall back to JSON). */
export type ArgType = 'number' | 'integer' | 'boolean' | 'string' | 'level' | 'levels' | 'strings' | 'groupWeights';

/** One declared argument, as `ScoringStrategyInfo.argsJson` lists it. */
export interface ArgDescription {
  name: string;
  type: ArgType | string;
  label: { zh: string; en: string };
  description?: { zh: string; en: string };
  required: boolean;
  default?: unknown;
  min?: number;
  max?: number;
  exclusiveMax?: boolean;
  options?: string[];
}

/** A strategy as `scoringStrategies` returns it, with its arguments parsed. */
export interface StrategyInfo {
  code: string;
  labelZh: string;
  labelEn: string;
  descriptionZh: string;
  descriptionEn: string;
  decidesTiers: boolean;
  rangeMin: number | null;
  rangeMax: number | null;
  args: ArgDescription[];
}

/** Parses a strategy's `argsJson`; a malformed declaration is reported with the strategy's code. */
export function parseStrategy(raw: Omit<StrategyInfo, 'args'> & { argsJson: string }): StrategyInfo {
  let args: unknown;
  try {
    args = JSON.parse(raw.argsJson);
  } catch (error) {
    throw new Error(`Strategy ${raw.code}: argsJson is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(args)) throw new Error(`Strategy ${raw.code}: argsJson must be a list of arguments`);
  const { argsJson: _argsJson, ...rest } = raw;
  return { ...rest, args: args as ArgDescription[] };
}

/** The input a console draws for an argument. */
export type ArgInputKind =
  | 'number'
  | 'integer'
  | 'boolean'
  | 'text'
  | 'choice'
  | 'level'
  | 'levels'
  | 'choices'
  | 'list'
  | 'groupWeights'
  | 'json';

export function inputKindOf(arg: Pick<ArgDescription, 'type' | 'options'>): ArgInputKind {
  switch (arg.type) {
    case 'number':
    case 'integer':
    case 'boolean':
    case 'level':
    case 'levels':
    case 'groupWeights':
      return arg.type;
    case 'string':
      return arg.options?.length ? 'choice' : 'text';
    case 'strings':
      return arg.options?.length ? 'choices' : 'list';
    default:
      return 'json';
  }
}

/** Starting values for a strategy's arguments: the declared defaults, else empty. */
export function defaultArgs(args: readonly ArgDescription[]): Record<string, unknown> {
  return Object.fromEntries(
    args.map((arg) => {
      if (arg.default !== undefined) return [arg.name, structuredClone(arg.default)];
      const kind = inputKindOf(arg);
      return [
        arg.name,
        kind === 'levels' || kind === 'choices' || kind === 'list'
          ? []
          : kind === 'groupWeights'
            ? {}
            : kind === 'boolean'
              ? false
              : null,
      ];
    }),
  );
}

/**
 * The arguments of `strategy` taken from form values: only declared ones,
 * empty optional ones left out, list inputs typed as text split on commas.
 */
export function argsForPolicy(
  args: readonly ArgDescription[],
  values: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args) {
    let value = values?.[arg.name];
    const kind = inputKindOf(arg);
    if (kind === 'list' && typeof value === 'string') value = value.split(/[,，\s]+/).filter(Boolean);
    if ((kind === 'number' || kind === 'integer') && typeof value === 'string' && value.trim() !== '')
      value = Number(value);
    if (kind === 'groupWeights' && value && typeof value === 'object') {
      value = Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, w]) => w !== null && w !== '' && w !== undefined)
          .map(([g, w]) => [g, Number(w)]),
      );
    }
    if (kind === 'json' && typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        // left as text: the server names the argument in its error
      }
    }
    const empty = value === undefined || value === null || value === '';
    if (empty && !arg.required) continue;
    out[arg.name] = empty ? null : value;
  }
  return out;
}
