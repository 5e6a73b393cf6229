import { type EvaluatorGroup, parseEvaluatorGroups, totalQuota } from '../appraisal/evaluator-group.js';
import { parseRatingScale, type RatingScale } from '../appraisal/rating-scale.js';
import { type CampaignCalendar, parseCampaignCalendar } from '../calendar/campaign-calendar.js';
import { DEFAULT_TIME_ZONE, type LocalDate, localDateFromParts, parseTimeZone } from '../calendar/local-date.js';
import { DOMAIN_ERROR_CODES } from '../errors/domain-error-codes.js';
import {
  expectArray,
  expectCode,
  expectInteger,
  expectObject,
  expectText,
  failWith,
  optionalText,
} from '../errors/input-readers.js';
import { isPingyiError, PingyiError, reasonOf } from '../errors/pingyi-error.js';
import { type LeadingGroup, parseLeadingGroup } from '../organization/leading-group.js';
import { appraisedUnits, buildUnitTree, type UnitTree } from '../organization/unit-tree.js';
import {
  type GuidingPrinciple,
  type Objective,
  parseGuidingPrinciple,
  parseNumberedList,
  parseObjectives,
  parseRequirements,
  type Requirement,
} from '../work-plan/plan-text.js';
import { parseThemes, parseWorkItems, type Theme, type WorkItem } from '../work-plan/work-item.js';
import { type CampaignPlan, type InspectionFocus, type PlanStep } from './campaign-plan.js';

/** A plan placed in a year: the concrete, validated pieces a new campaign starts from. */
export interface CampaignSetup {
  readonly year: number;
  readonly title: string;
  readonly calendar: CampaignCalendar;
  readonly guidingPrinciple: GuidingPrinciple;
  readonly objectives: readonly Objective[];
  readonly requirements: readonly Requirement[];
  readonly leadingGroup: LeadingGroup;
  readonly unitTree: UnitTree;
  /** Codes of the units on the ballot, in unit order. */
  readonly appraisedUnitCodes: readonly string[];
  readonly themes: readonly Theme[];
  /** Work items at progress 0 with no updates. */
  readonly workItems: readonly WorkItem[];
  readonly evaluatorGroups: readonly EvaluatorGroup[];
  /** Σ quota of the evaluator groups. */
  readonly totalQuota: number;
  readonly scale: RatingScale;
  readonly inspectionFocuses: readonly InspectionFocus[];
  readonly rectificationRateTarget: number;
}

const fail = failWith(DOMAIN_ERROR_CODES.INVALID_PLAN);

function placeDate(value: unknown, year: number, at: string): LocalDate {
  const raw = expectObject(value, at, fail);
  const month = expectInteger(raw.month, `${at}.month`, fail, { min: 1, max: 12 });
  const day = expectInteger(raw.day, `${at}.day`, fail, { min: 1, max: 31 });
  const yearOffset =
    raw.yearOffset === undefined ? 0 : expectInteger(raw.yearOffset, `${at}.yearOffset`, fail, { min: 0, max: 1 });
  const date = localDateFromParts(year + yearOffset, month, day);
  if (date === null) fail(at, `${year + yearOffset} has no day ${month}月${day}日`);
  return date as LocalDate;
}

function parseSteps(value: unknown, at: string): readonly PlanStep[] {
  return parseNumberedList<PlanStep>(value ?? [], at, fail, (raw, stepAt) => ({
    title: expectText(raw.title, `${stepAt}.title`, fail),
    text: expectText(raw.text, `${stepAt}.text`, fail),
  }));
}

function parseFocuses(value: unknown): readonly InspectionFocus[] {
  const seen = new Set<string>();
  return expectArray(value ?? [], 'inspectionFocuses', fail).map((item, i) => {
    const at = `inspectionFocuses[${i}]`;
    const raw = expectObject(item, at, fail);
    const code = expectCode(raw.code, `${at}.code`, fail);
    if (seen.has(code)) fail(`${at}.code`, `focus code "${code}" is used twice`);
    seen.add(code);
    return { code, label: expectText(raw.label, `${at}.label`, fail) };
  });
}

/**
 * Places a plan (untrusted or typed) in `year` and validates every part with
 * the package's own validators: calendar (phases tile the campaign, no
 * overlap, spanning into year + 1 where `yearOffset` says so), plan text,
 * leading group, unit tree, themes, work items (lead units must be units,
 * themes must exist), evaluator groups, scale. The campaign runs from the
 * first phase's start to the last phase's end. Errors keep their codes
 * (`INVALID_CALENDAR`, `UNKNOWN_UNIT` …) and name the plan field
 * (`phases[2].start`, `workItems[4].leadUnitCodes[0]`); a bad year or phase
 * day is `INVALID_PLAN`.
 */
export function instantiatePlan(plan: CampaignPlan | unknown, year: number, timeZone?: string): CampaignSetup {
  const raw = expectObject(plan, 'plan', fail);
  expectInteger(year, 'year', fail, { min: 1000, max: 9998 });
  const zone = parseTimeZone(
    timeZone ?? raw.timeZone ?? DEFAULT_TIME_ZONE,
    'timeZone',
    DOMAIN_ERROR_CODES.INVALID_PLAN,
  );
  const rawPhases = expectArray(raw.phases, 'phases', fail);
  if (rawPhases.length === 0) fail('phases', 'a plan needs at least one phase');
  const phases = rawPhases.map((item, i) => {
    const at = `phases[${i}]`;
    const phase = expectObject(item, at, fail);
    parseSteps(phase.steps, `${at}.steps`);
    optionalText(phase.intro, `${at}.intro`, fail);
    return {
      code: phase.code,
      label: phase.label,
      start: placeDate(phase.start, year, `${at}.start`),
      end: placeDate(phase.end, year, `${at}.end`),
    };
  });
  // The campaign spans its phases; taking min/max lets a misordered phase be reported as such.
  const start = phases.map((phase) => phase.start).reduce((a, b) => (a <= b ? a : b));
  const end = phases.map((phase) => phase.end).reduce((a, b) => (a >= b ? a : b));
  const calendar = parseCampaignCalendar({ start, end, timeZone: zone, phases }, '');

  const unitTree = buildUnitTree(raw.units, 'units');
  const themes = parseThemes(raw.themes, 'themes');
  const workItems = parseWorkItems(
    expectArray(raw.workItems, 'workItems', fail).map((item) =>
      typeof item === 'object' && item !== null ? { progress: 0, updates: [], ...item } : item,
    ),
    'workItems',
    { themeCodes: new Set(themes.map((theme) => theme.code)), unitCodes: new Set(unitTree.byCode.keys()) },
  );
  const evaluatorGroups = parseEvaluatorGroups(raw.evaluatorGroups, 'evaluatorGroups');
  const target = raw.rectificationRateTarget ?? 1;
  if (typeof target !== 'number' || !(target > 0 && target <= 1))
    fail('rectificationRateTarget', `must be a number above 0 and at most 1, got ${JSON.stringify(target)}`);
  const appraised = appraisedUnits(unitTree);
  if (appraised.length === 0) fail('units', 'no unit is appraised: the ballot would be empty');
  return {
    year,
    title: expectText(raw.title, 'title', fail),
    calendar,
    guidingPrinciple: parseGuidingPrinciple(raw.guidingPrinciple, 'guidingPrinciple'),
    objectives: parseObjectives(raw.objectives, 'objectives'),
    requirements: parseRequirements(raw.requirements, 'requirements'),
    leadingGroup: parseLeadingGroup(raw.leadingGroup, 'leadingGroup'),
    unitTree,
    appraisedUnitCodes: appraised.map((unit) => unit.code),
    themes,
    workItems,
    evaluatorGroups,
    totalQuota: totalQuota(evaluatorGroups),
    scale: parseRatingScale(raw.scale, 'scale'),
    inspectionFocuses: parseFocuses(raw.inspectionFocuses),
    rectificationRateTarget: target as number,
  };
}

/**
 * Checks a plan without choosing a year: instantiates it in `referenceYear`
 * (default 2028, a leap year, so a 2月29日 phase date is not refused here) and
 * reports any problem as `INVALID_PLAN` (or its own code) naming the plan field.
 * Returns the plan typed.
 */
export function validateCampaignPlan(plan: unknown, referenceYear = 2028): CampaignPlan {
  try {
    instantiatePlan(plan, referenceYear);
  } catch (error) {
    if (isPingyiError(error, DOMAIN_ERROR_CODES.INVALID_CALENDAR)) {
      // Calendar messages carry concrete dates: say which year they were placed in.
      throw new PingyiError(
        DOMAIN_ERROR_CODES.INVALID_PLAN,
        `${reasonOf(error)} (phases placed in ${referenceYear})`,
        error.path,
        error.details,
      );
    }
    throw error;
  }
  return plan as CampaignPlan;
}
