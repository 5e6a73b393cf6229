import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import { because } from '../errors/reasons/index.js';
import {
  expectArray,
  expectCode,
  expectInteger,
  expectObject,
  expectText,
  failWith,
  optionalText,
  show,
} from '../errors/input-readers.js';
import { PingyiError } from '../errors/pingyi-error.js';

/** 评议对象类别: a group of evaluators (城乡居民 …) with its ballot quota and optional weight. */
export interface EvaluatorGroup {
  readonly code: string;
  readonly label: string;
  /** How many ballots (access codes) the group gets; a positive integer. */
  readonly quota: number;
  /** Weight for group-weighted scoring; ≥ 0. Absent means the policy decides. */
  readonly weight?: number;
  /** Who belongs to the group, as the plan words it. */
  readonly description?: string;
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_EVALUATOR_GROUPS);

/**
 * Checks untrusted evaluator groups. Throws `INVALID_EVALUATOR_GROUPS` at the
 * field (`evaluatorGroups[3].quota`): at least one group, unique codes, a
 * label, a positive integer quota, a finite weight ≥ 0, and when any weight
 * is given their sum must be above 0 (all-zero weights score nothing).
 */
export function parseEvaluatorGroups(value: unknown, path = 'evaluatorGroups'): readonly EvaluatorGroup[] {
  const list = expectArray(value, path, fail);
  if (list.length === 0) fail(path, ...because('noEvaluatorGroups'));
  const seen = new Map<string, number>();
  const groups = list.map((item, i): EvaluatorGroup => {
    const at = `${path}[${i}]`;
    const raw = expectObject(item, at, fail);
    const code = expectCode(raw.code, `${at}.code`, fail);
    const first = seen.get(code);
    if (first !== undefined) fail(`${at}.code`, ...because('groupCodeTwice', { code, list: path, index: first }));
    seen.set(code, i);
    const label = expectText(raw.label, `${at}.label`, fail);
    const quota = expectInteger(raw.quota, `${at}.quota`, fail, { min: 1 });
    if (
      raw.weight !== undefined &&
      (typeof raw.weight !== 'number' || !Number.isFinite(raw.weight) || raw.weight < 0)
    ) {
      fail(`${at}.weight`, ...because('weightNotNegative', { value: show(raw.weight) }));
    }
    const description = optionalText(raw.description, `${at}.description`, fail);
    return {
      code,
      label,
      quota,
      ...(raw.weight === undefined ? {} : { weight: raw.weight as number }),
      ...(description === undefined ? {} : { description }),
    };
  });
  const weighted = groups.filter((group) => group.weight !== undefined);
  if (weighted.length > 0 && weighted.every((group) => group.weight === 0)) fail(path, ...because('weightsAllZero'));
  return groups;
}

/** Σ quota: the number of evaluators the campaign plans for (the seed: 10,000). */
export const totalQuota = (groups: readonly EvaluatorGroup[]): number =>
  groups.reduce((sum, group) => sum + group.quota, 0);

/**
 * Checks that `requested` more access codes fit in the group's quota after
 * `issued` already handed out. Returns what is left afterwards; throws
 * `QUOTA_EXCEEDED` with `{ group, quota, issued, requested, remaining }` in details.
 */
export function assertWithinQuota(group: EvaluatorGroup, issued: number, requested: number): number {
  if (!Number.isInteger(requested) || requested < 1) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.INVALID_EVALUATOR_GROUPS,
      `must be a positive integer, got ${show(requested)}`,
      'count',
    );
  }
  if (!Number.isInteger(issued) || issued < 0) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.INVALID_EVALUATOR_GROUPS,
      `must be an integer ≥ 0, got ${show(issued)}`,
      'issued',
    );
  }
  const remaining = Math.max(group.quota - issued, 0);
  if (requested > remaining) {
    throw new PingyiError(
      DOMAIN_ERROR_CODES.QUOTA_EXCEEDED,
      `evaluator group "${group.code}" (${group.label}) has ${remaining} of its ${group.quota} access codes left; ${requested} requested`,
      'count',
      { group: group.code, quota: group.quota, issued, requested, remaining },
    );
  }
  return remaining - requested;
}
