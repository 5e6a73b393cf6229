// A campaign plan (template): everything a bureau's implementation plan
// fixes before a year is chosen. Phases are month/day relative to the
// campaign's first year; instantiatePlan() turns it into a concrete campaign.
import { type GuidingPrinciple, type Objective, type Requirement } from '../work-plan/plan-text.js';
import { type Theme, type WorkItem } from '../work-plan/work-item.js';
import { type LeadingGroup } from '../organization/leading-group.js';
import { type Unit } from '../organization/unit-tree.js';
import { type EvaluatorGroup } from '../appraisal/evaluator-group.js';
import { type RatingScale } from '../appraisal/rating-scale.js';

/** A day relative to the campaign's first year: `yearOffset` 1 is the following year. */
export interface PlanDate {
  readonly month: number;
  readonly day: number;
  /** 0 (default) for the first year, 1 for the next: a campaign may span two years. */
  readonly yearOffset?: number;
}

/** A numbered step of a phase (1、广泛发动，统一思想。…). */
export interface PlanStep {
  readonly number: number;
  readonly title: string;
  readonly text: string;
}

/** A phase of the template, with its steps as the plan words them. */
export interface PlanPhase {
  readonly code: string;
  readonly label: string;
  readonly start: PlanDate;
  /** Inclusive. */
  readonly end: PlanDate;
  /** Text that opens the phase's section, if any. */
  readonly intro?: string;
  readonly steps?: readonly PlanStep[];
}

/** A focus area of open and covert inspections (明查暗访). */
export interface InspectionFocus {
  readonly code: string;
  readonly label: string;
}

/** A work item as the plan lists it: no progress yet. */
export type PlanWorkItem = Omit<WorkItem, 'progress' | 'updates'>;

/** A bureau's campaign plan, reusable from year to year (the "campaign template"). */
export interface CampaignPlan {
  readonly title: string;
  readonly preamble: string;
  /** Bureau time zone; default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Text that opens the 实施步骤和内容 section. */
  readonly phasesIntro?: string;
  readonly phases: readonly PlanPhase[];
  readonly guidingPrinciple: GuidingPrinciple;
  /** Text that opens the 工作目标 section, before the numbered objectives. */
  readonly objectivesIntro?: string;
  readonly objectives: readonly Objective[];
  readonly requirements: readonly Requirement[];
  readonly leadingGroup: LeadingGroup;
  readonly units: readonly Unit[];
  readonly themes: readonly Theme[];
  readonly workItems: readonly PlanWorkItem[];
  readonly evaluatorGroups: readonly EvaluatorGroup[];
  readonly scale: RatingScale;
  readonly inspectionFocuses: readonly InspectionFocus[];
  /** Target rectification rate from 0 to 1 (the seed: 1, i.e. 100 %). */
  readonly rectificationRateTarget?: number;
  /** Who issued the plan and when, as printed (市公安局办公室, 7月5日). */
  readonly issuedBy?: string;
  readonly issuedOn?: string;
}
