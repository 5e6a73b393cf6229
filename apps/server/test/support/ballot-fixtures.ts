import { SEED_RATING_SCALE } from '@pingyi/domain';
import { BallotMixer } from '@pingyi/server-core';
import { type TestServer } from '@pingyi/testing';
import { type PhaseCode, phasesAround, today } from './test-calendar';

export { type PhaseCode, phasesAround, today };

// Fixtures of the ballot suites (access codes, casting, paper import,
// participation, opinion review): a campaign whose appraisal window holds
// today, its units, and GraphQL helpers that fail loudly.

/** A JSON answer read by the tests field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary result shapes
export type JsonObject = Record<string, any>;

export const GROUPS = [
  { code: 'residents', label: '城乡居民', quota: 300 },
  { code: 'enterprises', label: '企业代表', quota: 100 },
  { code: 'retirees', label: '离退休干部', quota: 60 },
];

/** The seed's units: the first three appraised (and `extraUnits` more, u01, u02...), the bureau itself not. */
export function unitsOf(
  extraUnits = 0,
): { code: string; name: string; parentCode: string | null; appraised: boolean }[] {
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

export interface CampaignOptions {
  readonly phase?: PhaseCode;
  readonly extraUnits?: number;
  readonly groups?: readonly { code: string; label: string; quota: number }[];
  readonly name?: string;
  readonly year?: number;
}

/** Any GraphQL failure or error result becomes an exception naming the operation. */
export async function gqlOk<T = Record<string, unknown>>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const { data, errors } = await server.gql(query, variables, token);
  if (errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(errors)}`);
  for (const value of Object.values(data ?? {})) {
    if ((value as { errorCode?: string } | null)?.errorCode)
      throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(value)}`);
  }
  return data as T;
}

/** Creates a campaign (today inside `phase`, default appraisal) with its units; returns its id. */
export async function createCampaign(
  server: TestServer,
  token: string,
  options: CampaignOptions = {},
): Promise<string> {
  const phases = phasesAround(options.phase ?? 'appraisal');
  const groups = options.groups ?? GROUPS;
  const policy = {
    version: 1,
    scale: SEED_RATING_SCALE,
    strategy: { code: 'weighted-mean', args: {} },
    decimals: 2,
    tiers: [{ code: 'all', label: '全部', min: null }],
  };
  const created = await gqlOk<{ createCampaign: { id: string } }>(
    server,
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { errorCode message path } } }`,
    {
      input: {
        year: options.year ?? Number(phases[0]?.start.slice(0, 4)),
        name: options.name ?? '2025年度民主评议机关',
        phases,
        guidingPrinciple: '坚持以人民为中心',
        objectives: [{ number: 1, title: '政令警令更加畅通', text: '决策部署得到坚决执行。' }],
        requirements: [{ number: 1, title: '提高认识，加强领导', text: '实行一把手负责制。' }],
        evaluatorGroups: groups,
        policyJson: JSON.stringify(policy),
      },
    },
    token,
  );
  const id = created.createCampaign.id;
  await gqlOk(
    server,
    `mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ... on ErrorResult { errorCode message path } } }`,
    { c: id, units: unitsOf(options.extraUnits ?? 0) },
    token,
  );
  return id;
}

/** Moves the campaign's phases so that today falls in `phase`. */
export async function moveCampaignTo(
  server: TestServer,
  token: string,
  campaignId: string,
  phase: PhaseCode,
): Promise<void> {
  await gqlOk(
    server,
    `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode message path } } }`,
    { id: campaignId, input: { phases: phasesAround(phase), reason: `the test moves today into ${phase}` } },
    token,
  );
}

export const ISSUE = `mutation($c: ID!, $g: String!, $n: Int!) {
  issueAccessCodes(campaignId: $c, group: $g, count: $n) {
    __typename
    ... on IssuedAccessCodes { codes batch { id count evaluatorGroupCode used unused revoked } }
    ... on ErrorResult { errorCode message path }
  }
}`;

/** Issues `count` codes of `group` and returns them. */
export async function issueCodes(
  server: TestServer,
  token: string,
  campaignId: string,
  group: string,
  count: number,
): Promise<{ codes: string[]; batchId: string }> {
  const data = await gqlOk<{ issueAccessCodes: { codes: string[]; batch: { id: string } } }>(
    server,
    ISSUE,
    { c: campaignId, g: group, n: count },
    token,
  );
  return { codes: data.issueAccessCodes.codes, batchId: data.issueAccessCodes.batch.id };
}

export const CAST = `mutation($input: CastBallotInput!) {
  castBallot(input: $input) {
    __typename
    ... on BallotReceipt { receiptNumber castOn campaignName rated abstained opinions }
    ... on ErrorResult { errorCode message path }
  }
}`;

export const BALLOT_FORM = `query($code: String!) {
  ballotForm(code: $code) {
    __typename
    ... on BallotForm { campaignName groupLabel units { code name } levels { code label } opinionMaxLength closesOn }
    ... on ErrorResult { errorCode message path }
  }
}`;

/** Casts a ballot without a token, from `ip` (the test server trusts one proxy hop). */
export async function cast(
  server: TestServer,
  input: { code: string; ratings?: { unit: string; level: string }[]; opinions?: { unit: string; text: string }[] },
  ip = '10.9.0.1',
): Promise<{ __typename: string; errorCode?: string; message?: string; path?: string; [key: string]: unknown }> {
  const { data, errors } = await server.gql(CAST, { input }, undefined, { 'x-forwarded-for': ip });
  if (errors?.length) throw new Error(`castBallot: ${JSON.stringify(errors)}`);
  return data.castBallot;
}

/** The GraphQL error code of the first error, if any. */
export const codeOf = (response: {
  errors?: readonly { extensions?: { code?: string } }[] | undefined;
}): string | undefined => response.errors?.[0]?.extensions?.code;

/** Mixes every ballot waiting in the ballot box into the counted tables now (the timer would, within the mix interval). */
export async function mixBox(server: TestServer): Promise<number> {
  return server.app.get(BallotMixer).mixAll();
}

/** Rows of a table via the server's own connection (tests only). */
export function rowsOf<T = Record<string, unknown>>(server: TestServer, sql: string): Promise<T[]> {
  return server.dataSource.query(sql);
}

/** A DATE column as `YYYY-MM-DD` (PostgreSQL's driver returns a local-midnight Date, SQLite text). */
export function dayOf(value: unknown): string {
  if (value instanceof Date)
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return String(value).slice(0, 10);
}

export const CREATE_PAPER_BATCH = `mutation($c: ID!, $code: String!, $d: Boolean) {
  createPaperBatch(campaignId: $c, code: $code, doubleKeyed: $d) { __typename ... on PaperBatch { id state } ... on ErrorResult { errorCode message path } }
}`;
export const PAPER_BATCH = `query($id: ID!) {
  paperBatch(id: $id) {
    id code state ballots spoilt message doubleKeyed
    keyings { id keying state fileName format encoding sizeBytes processedBytes rows problemCount problems { line column value reason } }
  }
}`;

/** Opens a paper batch and returns its id. */
export async function createPaperBatch(
  server: TestServer,
  token: string,
  campaignId: string,
  code: string,
  doubleKeyed = false,
): Promise<string> {
  const data = await gqlOk<{ createPaperBatch: { id: string } }>(
    server,
    CREATE_PAPER_BATCH,
    { c: campaignId, code, d: doubleKeyed },
    token,
  );
  return data.createPaperBatch.id;
}

/** Uploads a keying over REST; returns the HTTP status and the JSON answer. */
export async function uploadKeying(
  server: TestServer,
  token: string,
  batchId: string,
  keying: number,
  body: Uint8Array | string,
  options: { name?: string; wait?: boolean; contentType?: string } = {},
): Promise<{ status: number; body: JsonObject }> {
  const query = new URLSearchParams({
    name: options.name ?? 'keyed.csv',
    ...(options.wait === false ? {} : { wait: '1' }),
  });
  const response = await server.fetch(`/paper-batches/${batchId}/keyings/${keying}?${query.toString()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': options.contentType ?? 'text/csv' },
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  });
  return { status: response.status, body: (await response.json()) as JsonObject };
}

/** A keyed CSV: header `group,<units>` and one row per ballot (cells by unit code; missing = blank). */
export function paperCsv(
  units: readonly string[],
  rows: readonly { group: string; cells?: Readonly<Record<string, string>> }[],
  header: readonly string[] = units,
): string {
  const lines = [['group', ...header].join(',')];
  for (const row of rows) lines.push([row.group, ...units.map((unit) => row.cells?.[unit] ?? '')].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
