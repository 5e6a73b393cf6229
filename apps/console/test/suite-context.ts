import { type PhaseCode, phasesAround, type TestServer } from '@pingyi/testing';
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
  variables: Record<string, unknown> = {},
): Promise<T> {
  return ctx.server.gqlOk<T>(query, variables, await ctx.server.adminToken());
}

/** YYYY-MM-DD, `days` from today (UTC+8, the test browser's zone). */
export function dayFromToday(days: number): string {
  const now = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

/**
 * Moves the campaign's four phases so that today falls inside `current`
 * (each phase 20 days, the current one from 10 days ago to 9 days ahead):
 * the scenarios run whatever the date.
 */
export async function putTodayIn(ctx: SuiteContext, campaignId: string, current: PhaseCode): Promise<void> {
  const phases = phasesAround(current);
  const year = Number(phases[0]?.start.slice(0, 4));
  await adminGql(
    ctx,
    `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { __typename ... on ErrorResult { errorCode message } } }`,
    { id: campaignId, input: { phases, year, reason: `the suite moves today into ${current}` } },
  );
}
