import {
  instantiatePlan,
  type LeadingGroup,
  type Objective,
  type PlanWorkItem,
  type Requirement,
  type Theme,
  type Unit,
} from '@pingyi/domain';
import { type IndicatorDeclaration } from '../indicator/indicator-declaration';
import { type CampaignTemplate, defaultPolicyOf } from '../plugin/campaign-template';

/** The `format` marker of a campaign configuration file. */
export const CAMPAIGN_CONFIG_FORMAT = 'pingyi-campaign';
export const CAMPAIGN_CONFIG_VERSION = 1;

/** A phase with its dates (YYYY-MM-DD, both inclusive, in the campaign's time zone). */
export interface ConfigPhase {
  readonly code: string;
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

/** An evaluator group as the file lists it (its weight belongs to `policy.groups`). */
export interface ConfigEvaluatorGroup {
  readonly code: string;
  readonly label: string;
  readonly quota: number;
  readonly description?: string;
}

/** A member of the appraisal office. */
export interface ConfigOfficeMember {
  readonly name: string;
  readonly position?: string;
  readonly duty?: string;
}

/**
 * A campaign's configuration as a file (campaign-as-code): everything a bureau
 * sets up before ballots, never ballots, opinions, access codes, progress or
 * indicator values. Exported from one deployment, edited, imported into
 * another; `pingyi campaign init` writes one from a template.
 */
export interface CampaignConfig {
  readonly format: typeof CAMPAIGN_CONFIG_FORMAT;
  readonly version: typeof CAMPAIGN_CONFIG_VERSION;
  /** The template it was made from, if any (informational). */
  readonly template?: string;
  readonly campaign: {
    readonly year: number;
    readonly name: string;
    readonly timeZone: string;
    readonly phases: readonly ConfigPhase[];
    readonly guidingPrinciple: string;
    readonly objectives: readonly Objective[];
    readonly requirements: readonly Requirement[];
  };
  readonly evaluatorGroups: readonly ConfigEvaluatorGroup[];
  /** The scoring policy (CONTRACTS.md §1, version 1). */
  readonly policy: unknown;
  /** Each unit, with its series (序列) code when it has one. */
  readonly units: readonly (Unit & { readonly seriesCode?: string })[];
  /** Series (序列/类别) of units; left out when the campaign has none. */
  readonly series?: readonly { readonly code: string; readonly label: string }[];
  /** Null when the campaign has none yet. */
  readonly leadingGroup: LeadingGroup | null;
  readonly appraisalOffice: readonly ConfigOfficeMember[];
  readonly themes: readonly Theme[];
  readonly workItems: readonly PlanWorkItem[];
  readonly indicators: readonly IndicatorDeclaration[];
}

/**
 * The configuration of a campaign made from `template` for `year`: phases
 * placed in the year (the domain validates the plan on the way), texts,
 * units, leading group, themes, work items, groups, the template's policy
 * and indicators. `name` defaults to `<year>年度<plan title>`.
 */
export function campaignConfigFromTemplate(template: CampaignTemplate, year: number, name?: string): CampaignConfig {
  const setup = instantiatePlan(template.plan, year);
  return {
    format: CAMPAIGN_CONFIG_FORMAT,
    version: CAMPAIGN_CONFIG_VERSION,
    template: template.code,
    campaign: {
      year,
      name: name ?? `${year}年度${setup.title}`,
      timeZone: setup.calendar.timeZone,
      phases: setup.calendar.phases.map(({ code, label, start, end }) => ({ code, label, start, end })),
      guidingPrinciple: setup.guidingPrinciple.text,
      objectives: setup.objectives.map(({ number, title, text }) => ({ number, title, text })),
      requirements: setup.requirements.map(({ number, title, text }) => ({ number, title, text })),
    },
    evaluatorGroups: setup.evaluatorGroups.map(({ code, label, quota, description }) => ({
      code,
      label,
      quota,
      ...(description ? { description } : {}),
    })),
    policy: structuredClone(template.policy ?? defaultPolicyOf(template.plan)),
    units: setup.unitTree.units.map(({ code, name: unitName, parentCode, appraised }) => ({
      code,
      name: unitName,
      parentCode: parentCode ?? null,
      appraised,
    })),
    leadingGroup: { seats: setup.leadingGroup.seats.map((seat) => ({ ...seat })) },
    appraisalOffice: [],
    themes: setup.themes.map((theme) => ({
      ...theme,
      ...(theme.sourceGaps ? { sourceGaps: [...theme.sourceGaps] } : {}),
    })),
    workItems: template.plan.workItems.map((item) => structuredClone(item)),
    indicators: (template.indicators ?? []).map((indicator) => ({ ...indicator })),
  };
}

/**
 * The same configuration moved to another year: every phase date shifted
 * by whole years (a 2月29日 that does not exist then is refused by the check
 * that follows). Used to import last year's file as next year's campaign.
 */
export function moveCampaignConfig(config: CampaignConfig, year: number): CampaignConfig {
  const delta = year - config.campaign.year;
  if (delta === 0) return config;
  const shift = (date: string): string => {
    const match = /^(\d{4})(-\d\d-\d\d)$/.exec(date);
    return match ? `${String(Number(match[1]) + delta).padStart(4, '0')}${match[2]}` : date;
  };
  return {
    ...config,
    campaign: {
      ...config.campaign,
      year,
      phases: config.campaign.phases.map((phase) => ({ ...phase, start: shift(phase.start), end: shift(phase.end) })),
    },
  };
}
