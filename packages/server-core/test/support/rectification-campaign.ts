import { createTestServer, type TestDatabase, type TestServer } from '@pingyi/testing';
import { TestClock, testClockFeature } from './test-clock';

// The server the rectification and supervision suites start (the test kit's,
// with a pinned clock) and the campaign they work in.

/** When "now" is, unless a suite says otherwise: in the seed's rectification phase. */
export const RECTIFICATION_NOW = '2026-12-01T04:00:00Z';

/** The real server on a throwaway database, rectification's clock at `clock` (default {@link RECTIFICATION_NOW}). */
export function startRectificationServer(
  database: TestDatabase,
  clock = new TestClock(RECTIFICATION_NOW),
): Promise<TestServer> {
  return createTestServer({ database, plugins: [testClockFeature(clock)] });
}

/** The seed plan's four phases in `year`, rectification to the year's end. */
export function seedPhases(year: number) {
  return [
    { code: 'mobilization', label: '动员部署', start: `${year}-06-18`, end: `${year}-06-30` },
    { code: 'implementation', label: '组织实施', start: `${year}-07-01`, end: `${year}-10-15` },
    { code: 'appraisal', label: '接受评议', start: `${year}-10-16`, end: `${year}-11-15` },
    { code: 'rectification', label: '整改提高', start: `${year}-11-16`, end: `${year}-12-31` },
  ];
}

/** The units every test campaign has. */
export const TEST_UNITS = [
  'unit-a',
  'unit-b',
  'unit-c',
  'unit-d',
  'unit-e',
  'unit-f',
  'unit-r',
  'unit-t',
  'unit-0',
  'unit-1',
  'unit-2',
  'unit-3',
];

const POLICY = JSON.stringify({
  version: 1,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'dissatisfied', label: '不满意', points: 40 },
    { code: 'unknown', label: '不了解', points: null },
  ],
  strategy: { code: 'weighted-mean', args: {} },
  decimals: 2,
  tiers: [{ code: 'ok', label: '满意', min: null }],
});

/** Creates a campaign (seed phases of `year` unless given) with the units tests use, and returns its id. */
export async function createCampaign(
  app: TestServer,
  options: {
    year?: number;
    timeZone?: string;
    token?: string;
    phases?: ReturnType<typeof seedPhases>;
    units?: readonly string[];
  } = {},
): Promise<string> {
  const year = options.year ?? 2026;
  const token = options.token ?? (await app.adminToken());
  const data = await app.gqlData(
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { errorCode message } } }`,
    {
      input: {
        year,
        name: `评议 ${year} ${options.timeZone ?? ''}`.trim(),
        timeZone: options.timeZone ?? null,
        phases: options.phases ?? seedPhases(year),
        guidingPrinciple: '指导思想',
        objectives: [{ number: 1, title: '目标', text: '正文' }],
        requirements: [{ number: 1, title: '要求', text: '正文' }],
        evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 100 }],
        policyJson: POLICY,
      },
    },
    token,
  );
  if (data.createCampaign.__typename !== 'Campaign') throw new Error(`createCampaign: ${JSON.stringify(data)}`);
  const id = data.createCampaign.id as string;
  const units = (options.units ?? TEST_UNITS).map((code) => ({
    code,
    name: `单位 ${code}`,
    parentCode: null,
    appraised: true,
  }));
  const set = await app.gqlData(
    'mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ... on ErrorResult { message } } }',
    { c: id, units },
    token,
  );
  if (set.setUnits.__typename === undefined || 'message' in set.setUnits)
    throw new Error(`setUnits: ${JSON.stringify(set)}`);
  return id;
}
