import {
  type CampaignCalendar,
  DEFAULT_TIME_ZONE,
  type EvaluatorGroup as DomainEvaluatorGroup,
  type Objective,
  parseCampaignCalendar,
  parseEvaluatorGroups,
  parseGuidingPrinciple,
  parseObjectives,
  parseRequirements,
  parseTimeZone,
  PingyiError,
  refusal,
  type Requirement,
} from '@pingyi/domain';
import { parsePolicy, type ScoringPolicy, type StrategyRegistry } from '@pingyi/scoring';
import { checkCode, checkInt, checkIsoDate, checkList, checkOptionalText, checkText } from '../common/validation';
import { checkAt } from '../common/rethrow-at';

// Checks of a campaign's fields. Shapes and lengths are checked here; every
// rule (calendar, plan texts, groups, policy) is the domain's or scoring's,
// with paths prefixed so messages name the GraphQL field.

/** Everything a campaign is made of, untrusted (an input merged with the stored campaign). */
export interface CampaignFields {
  readonly year: unknown;
  readonly name: unknown;
  readonly timeZone?: unknown;
  readonly phases: unknown;
  readonly guidingPrinciple: unknown;
  readonly objectives: unknown;
  readonly requirements: unknown;
  readonly evaluatorGroups: unknown;
  /** The policy as JSON text (from an input) or as a stored object. */
  readonly policy: { readonly json: unknown } | { readonly value: unknown };
  /** Series (序列/类别) of units; absent or null: none. */
  readonly series?: unknown;
}

/** A checked campaign, ready to store. */
export interface CampaignDraft {
  readonly year: number;
  readonly name: string;
  readonly calendar: CampaignCalendar;
  readonly guidingPrinciple: string;
  readonly objectives: readonly Objective[];
  readonly requirements: readonly Requirement[];
  readonly evaluatorGroups: readonly DomainEvaluatorGroup[];
  readonly policy: ScoringPolicy;
  readonly series: readonly { readonly code: string; readonly label: string }[];
}

const AS_ARGUMENT = {
  INVALID_PLAN: 'INVALID_ARGUMENT',
  INVALID_EVALUATOR_GROUPS: 'INVALID_ARGUMENT',
  INVALID_TIME_ZONE: 'INVALID_ARGUMENT',
} as const;

const MAX_PHASES = 12;
const MAX_NUMBERED = 50;
const MAX_GROUPS = 50;
const MAX_POLICY_CHARS = 100_000;
const MAX_SERIES = 30;

/** Checks every field of a campaign; `at` is the argument's name (`input`). */
export function checkCampaignFields(fields: CampaignFields, registry: StrategyRegistry, at = 'input'): CampaignDraft {
  const name = checkText(fields.name, `${at}.name`, { max: 200 });
  const year = checkInt(fields.year, `${at}.year`, 2000, 2999);
  const timeZone = checkAt(
    `${at}.timeZone`,
    () => parseTimeZone(fields.timeZone ?? DEFAULT_TIME_ZONE, ''),
    AS_ARGUMENT,
  );
  const calendar = checkCalendar(fields.phases, timeZone, at);
  if (Number(calendar.start.slice(0, 4)) !== year) {
    throw refusal(
      'INVALID_ARGUMENT',
      'yearNotFirstPhase',
      { expected: calendar.start.slice(0, 4), year },
      `${at}.year`,
    );
  }
  const guidingPrinciple = checkText(fields.guidingPrinciple, `${at}.guidingPrinciple`, { max: 20_000 });
  checkAt(at, () => parseGuidingPrinciple({ text: guidingPrinciple }, 'guidingPrinciple'), AS_ARGUMENT);
  const rawObjectives = checkNumbered(fields.objectives, `${at}.objectives`);
  const objectives = checkAt(at, () => parseObjectives(rawObjectives, 'objectives'), AS_ARGUMENT);
  const rawRequirements = checkNumbered(fields.requirements, `${at}.requirements`);
  const requirements = checkAt(at, () => parseRequirements(rawRequirements, 'requirements'), AS_ARGUMENT);
  const rawGroups = checkGroups(fields.evaluatorGroups, `${at}.evaluatorGroups`);
  const evaluatorGroups = checkAt(at, () => parseEvaluatorGroups(rawGroups, 'evaluatorGroups'), AS_ARGUMENT);
  const policyAt = `${at}.policyJson`;
  const raw = policyValue(fields.policy, policyAt);
  const policy = checkAt(policyAt, () => parsePolicy(raw, registry));
  checkPolicyCoversGroups(policy, evaluatorGroups, policyAt);
  const series = checkSeries(fields.series ?? [], `${at}.series`);
  return { year, name, calendar, guidingPrinciple, objectives, requirements, evaluatorGroups, policy, series };
}

/** Parses policy JSON text (or passes a stored object on); bad JSON is INVALID_POLICY at `path`. */
export function policyValue(policy: CampaignFields['policy'], path: string): unknown {
  if ('value' in policy) return policy.value;
  const text = checkText(policy.json, path, { max: MAX_POLICY_CHARS });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PingyiError('INVALID_POLICY', `is not valid JSON: ${(error as Error).message}`, path);
  }
}

/**
 * When the policy lists evaluator groups, every group of the campaign must be
 * among them (a ballot of an unlisted group could not be scored).
 */
export function checkPolicyCoversGroups(
  policy: ScoringPolicy,
  groups: readonly { code: string; label: string }[],
  path: string,
): void {
  if (!policy.groups) return;
  const listed = new Set(policy.groups.map((group) => group.code));
  const missing = groups.filter((group) => !listed.has(group.code));
  if (missing.length > 0) {
    throw new PingyiError(
      'INVALID_POLICY',
      `lists no weight for the evaluator group(s) ${missing.map((g) => `${g.code} (${g.label})`).join(', ')}; list every group of the campaign, or leave groups out`,
      `${path}.groups`,
    );
  }
}

function checkCalendar(value: unknown, timeZone: string, at: string): CampaignCalendar {
  const phases = checkList(
    value,
    `${at}.phases`,
    MAX_PHASES,
    (raw, phaseAt) => {
      const phase = (raw ?? {}) as Record<string, unknown>;
      return {
        code: checkCode(phase.code, `${phaseAt}.code`),
        label: checkText(phase.label, `${phaseAt}.label`, { max: 50 }),
        start: checkIsoDate(phase.start, `${phaseAt}.start`),
        end: checkIsoDate(phase.end, `${phaseAt}.end`),
      };
    },
    1,
  );
  // The campaign spans its phases; the domain checks order, overlaps and gaps.
  const start = phases.map((p) => p.start).reduce((a, b) => (a <= b ? a : b));
  const end = phases.map((p) => p.end).reduce((a, b) => (a >= b ? a : b));
  return checkAt(at, () => parseCampaignCalendar({ start, end, timeZone, phases }, ''));
}

function checkNumbered(value: unknown, at: string): unknown[] {
  return checkList(value, at, MAX_NUMBERED, (raw, itemAt) => {
    const item = (raw ?? {}) as Record<string, unknown>;
    return {
      number: checkInt(item.number, `${itemAt}.number`, 1, 999),
      title: checkText(item.title, `${itemAt}.title`, { max: 200 }),
      text: checkText(item.text, `${itemAt}.text`, { max: 10_000 }),
    };
  });
}

function checkSeries(value: unknown, at: string): { code: string; label: string }[] {
  const seen = new Map<string, number>();
  return checkList(value, at, MAX_SERIES, (raw, seriesAt) => {
    const series = (raw ?? {}) as Record<string, unknown>;
    const code = checkCode(series.code, `${seriesAt}.code`);
    const index = seen.get(code);
    if (index !== undefined) throw refusal('INVALID_ARGUMENT', 'seriesCodeTwice', { code, index }, `${seriesAt}.code`);
    seen.set(code, seen.size);
    return { code, label: checkText(series.label, `${seriesAt}.label`, { max: 50 }) };
  });
}

function checkGroups(value: unknown, at: string): unknown[] {
  return checkList(
    value,
    at,
    MAX_GROUPS,
    (raw, groupAt) => {
      const group = (raw ?? {}) as Record<string, unknown>;
      const description = checkOptionalText(group.description, `${groupAt}.description`, { max: 1000 });
      return {
        code: checkCode(group.code, `${groupAt}.code`),
        label: checkText(group.label, `${groupAt}.label`, { max: 100 }),
        quota: checkInt(group.quota, `${groupAt}.quota`, 1, 10_000_000),
        ...(description === null ? {} : { description }),
      };
    },
    1,
  );
}
