/** Types and pure helpers of campaign templates and campaign-as-code files. */

export interface CampaignTemplate {
  readonly code: string;
  readonly label: string;
  readonly description: string | null;
  readonly plugin: string | null;
  readonly title: string;
  readonly unitCount: number;
  readonly appraisedUnitCount: number;
  readonly workItemCount: number;
  readonly evaluatorGroupCount: number;
  readonly totalQuota: number;
  readonly strategyCode: string;
  readonly indicators: readonly string[];
}

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
  readonly code?: string | null;
  readonly line?: number | null;
}

export type ConfigFormat = 'JSON' | 'YAML';

/** The result of a create or import: the new campaign, or the refusal with every problem. */
export type ConfigOutcome =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly errorCode: string; readonly message: string; readonly problems: readonly ConfigProblem[] };

interface UnionValue {
  readonly __typename?: string;
  readonly id?: string;
  readonly errorCode?: string;
  readonly message?: string;
  readonly problems?: readonly ConfigProblem[];
}

/** Reads a `Campaign | …Error` union value (the problems list only the config error has). */
export function outcomeOf(value: UnionValue | null | undefined): ConfigOutcome {
  if (value && value.__typename === 'Campaign' && value.id) return { ok: true, id: value.id };
  return {
    ok: false,
    errorCode: value?.errorCode ?? 'NOT_FOUND',
    message: value?.message ?? '',
    problems: value?.problems ?? [],
  };
}

/** The format of a configuration file: by its name when given, else by its first character (`{` is JSON). */
export function formatOfConfig(text: string, fileName?: string): ConfigFormat {
  if (fileName) {
    if (/\.json$/i.test(fileName)) return 'JSON';
    if (/\.ya?ml$/i.test(fileName)) return 'YAML';
  }
  return text.trimStart().startsWith('{') ? 'JSON' : 'YAML';
}

/** One problem as a line: `plan.units[2].code (line 4): message`. */
export function problemLine(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.path} (${problem.line})` : problem.path;
  return where ? `${where}: ${problem.message}` : problem.message;
}
