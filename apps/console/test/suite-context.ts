import { type TestServer } from '@pingyi/testing';
import { type Page } from 'playwright-core';

/** What every scenario of the browser suite shares: one server, one page. */
export interface SuiteContext {
  server: TestServer;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
}

/** Runs a GraphQL operation as the host admin and fails loudly on any error or error result. */
export async function adminGql<T = Record<string, unknown>>(
  ctx: SuiteContext,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const { data, errors } = await ctx.server.gql(query, variables, await ctx.server.adminToken());
  if (errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(errors)}`);
  for (const value of Object.values(data ?? {})) {
    const typename = (value as { __typename?: string } | null)?.__typename;
    if (typename?.endsWith('Error')) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(value)}`);
  }
  return data as T;
}

/** YYYY-MM-DD, `days` from today (UTC+8, the test browser's zone). */
export function dayFromToday(days: number): string {
  const now = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

const PHASE_ORDER = ['mobilization', 'implementation', 'appraisal', 'rectification'] as const;
const PHASE_LABELS: Record<(typeof PHASE_ORDER)[number], string> = {
  mobilization: '动员部署',
  implementation: '组织实施',
  appraisal: '接受评议',
  rectification: '整改提高',
};

/**
 * Moves the campaign's four phases so that today falls inside `current`
 * (each phase 20 days, the current one from 10 days ago to 9 days ahead):
 * the scenarios run whatever the date.
 */
export async function putTodayIn(
  ctx: SuiteContext,
  campaignId: string,
  current: (typeof PHASE_ORDER)[number],
): Promise<void> {
  const index = PHASE_ORDER.indexOf(current);
  const phases = PHASE_ORDER.map((code, i) => {
    const start = (i - index) * 20 - 10;
    return { code, label: PHASE_LABELS[code], start: dayFromToday(start), end: dayFromToday(start + 19) };
  });
  const year = Number(phases[0]?.start.slice(0, 4));
  await adminGql(
    ctx,
    `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode message } } }`,
    { id: campaignId, input: { phases, year, reason: `the suite moves today into ${current}` } },
  );
}
