import { BallotMixer } from '@pingyi/server-core';
import { type TestServer } from '@pingyi/testing';
// Fixtures of the ballot suites (access codes, casting, paper import,
// participation, opinion review) on the test kit's campaign: codes, ballots,
// paper batches and what was stored.

/** A JSON answer read by the tests field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary result shapes
export type JsonObject = Record<string, any>;

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
  const data = await server.gqlOk<{ issueAccessCodes: { codes: string[]; batch: { id: string } } }>(
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
  const data = await server.gqlOk<{ createPaperBatch: { id: string } }>(
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
