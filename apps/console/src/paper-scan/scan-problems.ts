import { sentenceOf } from '../data/server-errors';
import { translateSentence } from '../i18n/i18n-provider';
import { type ScanProblem } from './scan.queries';

/** The problem codes the console words itself (`pingyi.scan.problem_codes.<CODE>`). */
export const SCAN_PROBLEM_CODES = [
  'SCAN_UNREADABLE_LABEL',
  'SCAN_OTHER_CAMPAIGN',
  'SCAN_NOT_A_SHEET',
  'SCAN_CORRUPT_FILE',
  'SCAN_UNSUPPORTED_FORMAT',
  'SCAN_IMAGE_TOO_SMALL',
  'SCAN_NO_REGISTRATION_MARKS',
  'SCAN_DUPLICATE_SHEET',
  'SCAN_UNKNOWN_SERIAL',
  'SCAN_TOO_LARGE',
  'SCAN_TOO_MANY_PAGES',
  'SCAN_MISSING_PAGE',
] as const;

const KNOWN = new Set<string>(SCAN_PROBLEM_CODES);

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A problem of a scanned page in the user's language, never its code: the
 * server's sentence when the shared catalog has its key, else the console's
 * sentence for the code, else a general one.
 */
export function scanProblemText(translate: Translate, problem: ScanProblem): string {
  const serial = problem.serial ?? '';
  const own = KNOWN.has(problem.code)
    ? translate(`pingyi.scan.problem_codes.${problem.code}`, { serial })
    : translate('pingyi.scan.problem_other');
  return translateSentence(translate, sentenceOf(problem), own);
}

/** Problems by file, then page (a whole file's problems first). */
export function sortedProblems(problems: readonly ScanProblem[]): ScanProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file, 'zh-CN') || (a.page ?? 0) - (b.page ?? 0) || a.code.localeCompare(b.code),
  );
}
