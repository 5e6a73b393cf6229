/** Types and pure helpers of campaign templates and campaign-as-code files. */
import { problemPlace, sentenceText, type SentenceSource } from '../common/sentence-text';

type Translate = (key: string, options?: Record<string, unknown>) => string;

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

export interface ConfigProblem extends SentenceSource {
  readonly path: string;
  readonly code?: string | null;
  readonly line?: number | null;
}

export type ConfigFormat = 'JSON' | 'YAML';

/** The result of a create or import: the new campaign, or the refusal with every problem. */
export type ConfigOutcome =
  | { readonly ok: true; readonly id: string }
  | {
      readonly ok: false;
      readonly errorCode: string;
      readonly message: string;
      readonly problems: readonly ConfigProblem[];
    };

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

/** One problem as a line, in the console's language: `plan.units[2].code（第 4 行）：应填写文字`. */
export function problemLine(translate: Translate, problem: ConfigProblem): string {
  const place = problemPlace(translate, problem.path);
  const where =
    problem.line && !/^line \d/.test(problem.path)
      ? `${place} (${translate('pingyi.common.line', { line: problem.line })})`
      : place;
  const text = sentenceText(translate, problem);
  return where ? `${where}: ${text}` : text;
}
