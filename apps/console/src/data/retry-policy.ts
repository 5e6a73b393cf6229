import { QueryClient } from '@tanstack/react-query';
import { HttpError } from 'react-admin';

/**
 * Whether a failed query is worth asking again: a refusal (the server said
 * no: FORBIDDEN, NOT_FOUND, a bad argument) answers the same the next time,
 * so only network failures and server problems are retried, twice. Without
 * this a refusal kept a page on "加载中" for the seconds of react-query's
 * default three retries.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof HttpError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The console's react-query client: react-admin's resources and the custom pages share its retry policy. */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: shouldRetry } } });
}
