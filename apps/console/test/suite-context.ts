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
export async function adminGql<T = Record<string, unknown>>(ctx: SuiteContext, query: string, variables?: Record<string, unknown>): Promise<T> {
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
