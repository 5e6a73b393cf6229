import { addDays, localDateOf, SEED_PLAN, SEED_RATING_SCALE } from '@pingyi/domain';
import { type TestServer } from './test-server';

// The campaign every suite of the server and the console sets up over
// GraphQL, as any client would: the seed's calendar placed around today, the
// seed's evaluator groups (codes and labels) and a small unit tree.

export type PhaseCode = 'mobilization' | 'implementation' | 'appraisal' | 'rectification';
const PHASES: readonly { code: PhaseCode; label: string }[] = [
  { code: 'mobilization', label: '动员部署' },
  { code: 'implementation', label: '组织实施' },
  { code: 'appraisal', label: '接受评议' },
  { code: 'rectification', label: '整改提高' },
];

/** A campaign phase as `createCampaign` and `updateCampaign` take it. */
export interface PhaseInput {
  code: string;
  label: string;
  start: string;
  end: string;
}

/** Today in the campaigns' time zone (the seed's, Asia/Shanghai). */
export const today = (): string => localDateOf(new Date(), 'Asia/Shanghai');

/** The seed's four phases, 20 days each, the first starting `firstDay` days from today. */
export function phasesFrom(firstDay: number): PhaseInput[] {
  const start = addDays(today(), firstDay);
  return PHASES.map((phase, i) => ({ ...phase, start: addDays(start, 20 * i), end: addDays(start, 20 * i + 19) }));
}

/** Four phases placed so that today falls (10 days in) in `current`, `yearsBack` years (of 366 days) earlier. */
export function phasesAround(current: PhaseCode, yearsBack = 0): PhaseInput[] {
  const index = PHASES.findIndex((phase) => phase.code === current);
  return phasesFrom(-(20 * index + 10) - 366 * yearsBack);
}

/** An evaluator group as `createCampaign` takes it. */
export interface GroupInput {
  code: string;
  label: string;
  quota: number;
}

/** The seed's group of `code` (its code and label) with a quota fit for a test. */
export function seedGroup(code: string, quota: number): GroupInput {
  const group = SEED_PLAN.evaluatorGroups.find((candidate) => candidate.code === code);
  if (!group) throw new Error(`the seed plan has no evaluator group ${code}`);
  return { code: group.code, label: group.label, quota };
}

/** The groups of a test campaign: three of the seed's. */
export const TEST_GROUPS: readonly GroupInput[] = [
  seedGroup('residents', 300),
  seedGroup('enterpriseRepresentatives', 100),
  seedGroup('retiredCadres', 60),
];

/** A unit as `setUnits` takes it. */
export interface UnitInput {
  code: string;
  name: string;
  parentCode: string | null;
  appraised: boolean;
}

/** The seed's units: the first three appraised (and `extraUnits` more, u01, u02...), the bureau itself not. */
export function testUnits(extraUnits = 0): UnitInput[] {
  return [
    { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
    { code: 'traffic-police', name: '交警支队', parentCode: 'bureau', appraised: true },
    { code: 'public-order', name: '治安支队', parentCode: 'bureau', appraised: true },
    { code: 'legal-affairs', name: '法制处', parentCode: 'bureau', appraised: true },
    { code: 'logistics', name: '后勤处', parentCode: 'bureau', appraised: false },
    ...Array.from({ length: extraUnits }, (_, i) => ({
      code: `u${String(i + 1).padStart(2, '0')}`,
      name: `单位${i + 1}`,
      parentCode: 'bureau',
      appraised: true,
    })),
  ];
}

/** What a test campaign may change from the defaults. */
export interface TestCampaignOptions {
  /** The phase today falls in (default appraisal); ignored when `phases` are given. */
  readonly phase?: PhaseCode;
  readonly phases?: readonly PhaseInput[];
  readonly name?: string;
  /** Default: the first phase's year. */
  readonly year?: number;
  /** Default {@link TEST_GROUPS}. */
  readonly groups?: readonly GroupInput[];
  /** Default {@link testUnits}. */
  readonly units?: readonly UnitInput[];
  /** The rating scale the weighted mean scores (default the seed's). */
  readonly scale?: readonly { code: string; label: string; points: number | null }[];
}

const ERROR_RESULT = '... on ErrorResult { errorCode message path messageKey messageParamsJson }';

/** Creates a campaign (today inside `phase`, default appraisal) with its units; returns its id. */
export async function createCampaign(
  server: TestServer,
  token: string,
  options: TestCampaignOptions = {},
): Promise<string> {
  const phases = options.phases ?? phasesAround(options.phase ?? 'appraisal');
  const policy = {
    version: 1,
    scale: options.scale ?? SEED_RATING_SCALE,
    strategy: { code: 'weighted-mean', args: {} },
    decimals: 2,
    tiers: [{ code: 'all', label: '全部', min: null }],
  };
  const created = await server.gqlOk<{ createCampaign: { id: string } }>(
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ${ERROR_RESULT} } }`,
    {
      input: {
        year: options.year ?? Number(phases[0]?.start.slice(0, 4)),
        name: options.name ?? '2025年度民主评议机关',
        phases,
        guidingPrinciple: '坚持以人民为中心',
        objectives: [{ number: 1, title: '政令警令更加畅通', text: '决策部署得到坚决执行。' }],
        requirements: [{ number: 1, title: '提高认识，加强领导', text: '实行一把手负责制。' }],
        evaluatorGroups: options.groups ?? TEST_GROUPS,
        policyJson: JSON.stringify(policy),
      },
    },
    token,
  );
  const id = created.createCampaign.id;
  await server.gqlOk(
    `mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ${ERROR_RESULT} } }`,
    { c: id, units: options.units ?? testUnits() },
    token,
  );
  return id;
}

/** Moves the campaign's phases so that today falls in `phase` (of a year `yearsBack` years ago, its year too). */
export async function moveCampaignTo(
  server: TestServer,
  token: string,
  campaignId: string,
  phase: PhaseCode,
  yearsBack = 0,
): Promise<void> {
  const phases = phasesAround(phase, yearsBack);
  const input = {
    phases,
    ...(yearsBack ? { year: Number(phases[0]?.start.slice(0, 4)) } : {}),
    reason: `the test moves today into ${phase}`,
  };
  await server.gqlOk(
    `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ${ERROR_RESULT} } }`,
    { id: campaignId, input },
    token,
  );
}
