import { SEED_RATING_SCALE } from '@pingyi/domain';
import {
  BallotStorageService,
  type BallotToStore,
  CampaignService,
  RequestContext,
  Role,
  Transactions,
} from '@pingyi/server-core';
import { type PhaseCode, phasesAround, seedGroup, type TestServer, today } from '@pingyi/testing';

// Fixtures and GraphQL helpers for the campaign content e2e suites
// (campaign, organization, work plan, bulletins, appraisal storage, results).

export const GROUPS = [
  seedGroup('residents', 300),
  seedGroup('enterpriseRepresentatives', 100),
  seedGroup('supervisorsAndJournalists', 40),
];

export const POLICY = {
  version: 1,
  scale: SEED_RATING_SCALE,
  groups: [
    { code: 'residents', label: '城乡居民', weight: 3 },
    { code: 'enterpriseRepresentatives', label: '企业代表', weight: 1 },
    { code: 'supervisorsAndJournalists', label: '监督员/记者', weight: 1 },
  ],
  strategy: { code: 'group-weighted-mean', args: {} },
  decimals: 2,
  tiers: [
    { code: 'satisfied', label: '满意', min: 85 },
    { code: 'basicallySatisfied', label: '基本满意', min: 60 },
    { code: 'dissatisfied', label: '不满意', min: null },
  ],
};

/** A valid campaign input whose phases put today in `current`. */
export function campaignInput(current: PhaseCode, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const phases = phasesAround(current);
  return {
    year: Number(phases[0]?.start.slice(0, 4)),
    name: `测试评议 ${current}`,
    phases,
    guidingPrinciple: '坚持以人民为中心',
    objectives: [{ number: 1, title: '政令警令更加畅通', text: '决策部署得到坚决执行。' }],
    requirements: [{ number: 1, title: '提高认识，加强领导', text: '实行一把手负责制。' }],
    evaluatorGroups: GROUPS,
    policyJson: JSON.stringify(POLICY),
    ...overrides,
  };
}

export const UNITS = [
  { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
  { code: 'traffic-police', name: '交警支队', parentCode: 'bureau', appraised: true },
  { code: 'public-order', name: '治安支队', parentCode: 'bureau', appraised: true },
  { code: 'legal-affairs', name: '法制处', parentCode: 'bureau', appraised: true },
  { code: 'logistics', name: '后勤处', parentCode: 'bureau', appraised: false },
];

export const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) {
  createCampaign(input: $input) { __typename ... on Campaign { id year } ... on ErrorResult { errorCode message path } }
}`;
export const UPDATE_CAMPAIGN = `mutation($id: ID!, $input: UpdateCampaignInput!) {
  updateCampaign(id: $id, input: $input) { __typename ... on Campaign { id year currentPhase { code } } ... on ErrorResult { errorCode message path } }
}`;
export const SET_UNITS = `mutation($c: ID!, $units: [UnitInput!]!) {
  setUnits(campaignId: $c, units: $units) { __typename ... on UnitList { items { code } } ... on ErrorResult { errorCode message path } }
}`;

/** Creates a campaign (as `token`) with today in `current` and the test units; returns its id. */
export async function createCampaign(
  server: TestServer,
  token: string,
  current: PhaseCode,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await server.gql(CREATE_CAMPAIGN, { input: campaignInput(current, overrides) }, token);
  if (created.data?.createCampaign?.__typename !== 'Campaign')
    throw new Error(`createCampaign failed: ${JSON.stringify(created.errors ?? created.data)}`);
  const id = created.data.createCampaign.id as string;
  const units = await server.gql(SET_UNITS, { c: id, units: UNITS }, token);
  if (units.data?.setUnits?.__typename !== 'UnitList')
    throw new Error(`setUnits failed: ${JSON.stringify(units.errors ?? units.data)}`);
  return id;
}

/** Moves a campaign's phases so that today falls in `current`. */
export async function moveTo(server: TestServer, token: string, campaignId: string, current: PhaseCode): Promise<void> {
  const moved = await server.gql(
    UPDATE_CAMPAIGN,
    { id: campaignId, input: { phases: phasesAround(current), reason: `the test moves today into ${current}` } },
    token,
  );
  if (moved.data?.updateCampaign?.currentPhase?.code !== current)
    throw new Error(`moving to ${current} failed: ${JSON.stringify(moved.errors ?? moved.data)}`);
}

/** Stores ballots through the server's own storage service (castBallot is another module's). */
export async function storeBallots(
  server: TestServer,
  bureauId: number,
  campaignId: string,
  ballots: readonly BallotToStore[],
): Promise<void> {
  const ctx = RequestContext.system({ id: 0, username: 'test', bureauId, roles: [Role.admin], unitCode: null });
  const campaign = await server.app.get(CampaignService).findOrThrow(ctx, campaignId);
  await server.app
    .get(Transactions)
    .run((manager) => server.app.get(BallotStorageService).storeBallots(manager, campaign, ballots));
}

/** The bureau id of the host bureau (where `admin` and `loginAs` users live). */
export async function hostBureauId(server: TestServer): Promise<number> {
  const rows: { id: number | string }[] = await server.dataSource.query("SELECT id FROM bureau WHERE code = 'default'");
  return Number(rows[0]?.id);
}

/** `n` ballots of `group` giving each unit the level `levels[unit]` (a unit left out abstains). */
export function ballotsOf(
  n: number,
  group: string,
  levels: Readonly<Record<string, string>>,
  castOn = today(),
): BallotToStore[] {
  return Array.from({ length: n }, () => ({
    evaluatorGroupCode: group,
    channel: 'online' as const,
    castOn,
    ratings: Object.entries(levels).map(([unit, level]) => ({ unit, level })),
  }));
}

/** The GraphQL error code of the first error, if any. */
export const codeOf = (response: {
  errors?: readonly { extensions?: { code?: string } }[] | undefined;
}): string | undefined => response.errors?.[0]?.extensions?.code;

/** Stores opinions through the server's storage service. */
export async function storeOpinions(
  server: TestServer,
  bureauId: number,
  campaignId: string,
  opinions: readonly { unitCode: string; evaluatorGroupCode: string; text: string; receivedOn: string }[],
): Promise<void> {
  const ctx = RequestContext.system({ id: 0, username: 'test', bureauId, roles: [Role.admin], unitCode: null });
  const campaign = await server.app.get(CampaignService).findOrThrow(ctx, campaignId);
  await server.app
    .get(Transactions)
    .run((manager) => server.app.get(BallotStorageService).storeOpinions(manager, campaign, opinions));
}

/** The tally rows of a set of ballots, counted in the test (the server counts them in SQL). */
export function tallyRowsOf(
  ballots: readonly BallotToStore[],
): { unit: string; group: string; level: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const ballot of ballots) {
    for (const rating of ballot.ratings) {
      const key = `${rating.unit}|${ballot.evaluatorGroupCode}|${rating.level}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => {
    const [unit, group, level] = key.split('|') as [string, string, string];
    return { unit, group, level, count };
  });
}
