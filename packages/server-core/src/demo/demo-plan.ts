import { type CampaignSetup, instantiatePlan, type LocalDate, SEED_PLAN } from '@pingyi/domain';
import { Role } from '../common/roles';
import { type CreateCampaignInput } from '../campaign/dto/campaign.dto';
import { type LevelProfile } from './demo-ballots';

// The demo campaign: the reference plan (SEED_PLAN, verbatim from the seed)
// placed in a year, with the assumptions the seed does not settle written
// down here.

/**
 * The demo's year: the latest year whose appraisal phase (接受评议, 10月16日)
 * has begun by `today`, so the ballots lie in the past and the current phase
 * is appraisal, rectification, or (from January until the next appraisal)
 * after the campaign. Before 10-16 that is last year's campaign.
 */
export function demoYear(today: LocalDate): number {
  const year = Number(today.slice(0, 4));
  const appraisal = phaseOf(instantiatePlan(SEED_PLAN, year), 'appraisal');
  return today >= appraisal.start ? year : year - 1;
}

export function phaseOf(setup: CampaignSetup, code: string): { start: LocalDate; end: LocalDate } {
  const phase = setup.calendar.phases.find((p) => p.code === code);
  if (!phase) throw new Error(`the seed plan has no phase ${code}`);
  return phase;
}

/**
 * The scoring policy of the demo (examples/seed-policy.json): the seed's six
 * columns with the common published points, group-weighted mean, results
 * valid from 30 counted votes. The group weights are an assumption (the seed
 * gives none): deputies and grassroots leaders 1.5, residents 3, others 1.
 */
export function demoPolicy(setup: CampaignSetup): object {
  const weights: Readonly<Record<string, number>> = {
    partyCongressDeputies: 1.5,
    peoplesCongressDeputies: 1.5,
    cppccMembers: 1.5,
    grassrootsLeaders: 1.5,
    residents: 3,
  };
  return {
    version: 1,
    scale: setup.scale,
    unknownInDenominator: false,
    groups: setup.evaluatorGroups.map((group) => ({
      code: group.code,
      label: group.label,
      weight: weights[group.code] ?? 1,
    })),
    strategy: { code: 'group-weighted-mean', args: {} },
    minCounted: 30,
    decimals: 2,
    tiers: [
      { code: 'satisfied', label: '满意', min: 85 },
      { code: 'basicallySatisfied', label: '基本满意', min: 60 },
      { code: 'dissatisfied', label: '不满意', min: null },
    ],
  };
}

/** The campaign input for the seed plan placed in `year`. */
export function demoCampaignInput(setup: CampaignSetup): CreateCampaignInput {
  return {
    year: setup.year,
    name: `${setup.year}年度公安机关民主评议机关工作`,
    timeZone: setup.calendar.timeZone,
    phases: setup.calendar.phases.map(({ code, label, start, end }) => ({ code, label, start, end })),
    guidingPrinciple: setup.guidingPrinciple.text,
    objectives: setup.objectives.map(({ number, title, text }) => ({ number, title, text })),
    requirements: setup.requirements.map(({ number, title, text }) => ({ number, title, text })),
    evaluatorGroups: setup.evaluatorGroups.map(({ code, label, quota, description }) => ({
      code,
      label,
      quota,
      description: description ?? null,
    })),
    policyJson: JSON.stringify(demoPolicy(setup)),
  };
}

/**
 * Satisfaction profiles per appraised unit (满意, 比较满意, 基本满意, 不太满意,
 * 不满意, 不了解), synthetic, so the rankings differ and move between years.
 */
export const UNIT_PROFILES: Readonly<Record<'current' | 'previous', Readonly<Record<string, LevelProfile>>>> = {
  current: {
    'traffic-police': [0.44, 0.27, 0.15, 0.06, 0.03, 0.05],
    'patrol-special-police': [0.52, 0.25, 0.11, 0.03, 0.02, 0.07],
    'public-order': [0.4, 0.28, 0.17, 0.06, 0.03, 0.06],
    'border-defense': [0.37, 0.25, 0.14, 0.03, 0.02, 0.19],
    'legal-affairs': [0.33, 0.3, 0.2, 0.08, 0.04, 0.05],
    'detention-management': [0.31, 0.26, 0.19, 0.07, 0.04, 0.13],
  },
  previous: {
    'traffic-police': [0.36, 0.28, 0.19, 0.09, 0.04, 0.04],
    'patrol-special-police': [0.46, 0.27, 0.14, 0.04, 0.02, 0.07],
    'public-order': [0.42, 0.27, 0.16, 0.05, 0.03, 0.07],
    'border-defense': [0.35, 0.25, 0.15, 0.04, 0.02, 0.19],
    'legal-affairs': [0.3, 0.29, 0.22, 0.09, 0.05, 0.05],
    'detention-management': [0.33, 0.26, 0.18, 0.06, 0.03, 0.14],
  },
};

/** How each evaluator group behaves in the demo: turnout, share of paper ballots, harshness. */
export const GROUP_BEHAVIOUR: Readonly<Record<string, { turnout: number; paper: number; harshness: number }>> = {
  partyCongressDeputies: { turnout: 0.92, paper: 0.3, harshness: -0.05 },
  peoplesCongressDeputies: { turnout: 0.9, paper: 0.3, harshness: -0.02 },
  cppccMembers: { turnout: 0.88, paper: 0.3, harshness: 0 },
  retiredCadres: { turnout: 0.95, paper: 0.7, harshness: 0.04 },
  supervisorsAndJournalists: { turnout: 0.85, paper: 0.2, harshness: 0.12 },
  grassrootsLeaders: { turnout: 0.91, paper: 0.4, harshness: -0.03 },
  professionals: { turnout: 0.87, paper: 0.25, harshness: 0.06 },
  enterpriseRepresentatives: { turnout: 0.89, paper: 0.25, harshness: 0.08 },
  residents: { turnout: 0.9, paper: 0.5, harshness: 0.1 },
};

/**
 * Almost no CPPCC member rates the border defence unit in the demo, so its
 * breakdown shows a withheld small cell (and its complement).
 */
export const ABSTAIN_OVERRIDES = [{ group: 'cppccMembers', unit: 'border-defense', abstain: 0.997 }] as const;

/** The appraisal office (the seed says only 下设办公室，并抽调人员): example members. */
export const DEMO_OFFICE = [
  { name: '评议办主任（示例）', position: '市局办公室', duty: '统筹协调评议工作' },
  { name: '评议办联络员（示例）', position: '市局政治部', duty: '与市评议办公室联络，报送工作信息' },
  { name: '评议办督查员（示例）', position: '市局纪委', duty: '明查暗访与整改督查' },
] as const;

/** Demo accounts (only in demo mode). Fixed passwords outside production, documented in the README. */
export const DEMO_USERS = [
  {
    username: 'demo-office',
    displayName: '评议办（演示）',
    roles: [Role.office],
    unitCode: null,
    password: 'demo-office-pass',
  },
  {
    username: 'demo-liaison',
    displayName: '交警支队联络员（演示）',
    roles: [Role.liaison],
    unitCode: 'traffic-police',
    password: 'demo-liaison-pass',
  },
  {
    username: 'demo-inspector',
    displayName: '纪委督察（演示）',
    roles: [Role.inspector],
    unitCode: null,
    password: 'demo-inspector-pass',
  },
  {
    username: 'demo-leader',
    displayName: '局领导（演示）',
    roles: [Role.leader],
    unitCode: null,
    password: 'demo-leader-pass',
  },
] as const;

/** Opinions per campaign in the demo. */
export const DEMO_OPINIONS = 320;
