import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloDriver, type ApolloDriverConfig } from './apollo-driver';
import { type PingyiConfig } from '../config/pingyi-config';
import { type PingyiGraphqlContext } from '../common/ctx.decorator';
import { formatGraphqlError } from './format-error';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { queryLimitsPlugin } from './query-limits.plugin';

export const GRAPHQL_PATH = '/graphql';

/**
 * Apollo options: code-first schema built in memory at `/graphql`, the query
 * limits, no batching, CSRF prevention, introspection only when allowed, and
 * error masking.
 */
export function buildGraphqlOptions(
  config: PingyiConfig,
  extra: { limits?: QueryLimits; plugins?: ApolloServerPlugin[] } = {},
): ApolloDriverConfig {
  const limits = extra.limits ?? DEFAULT_QUERY_LIMITS;
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // the body, batch, size, tokens and structure are checked before Apollo (request-limits.ts)
    parseOptions: { maxTokens: limits.maxTokens },
    // guards and the audit interceptor also run on @ResolveField methods
    fieldResolverEnhancers: ['guards', 'interceptors'],
    context: ({ req }: PingyiGraphqlContext): PingyiGraphqlContext => ({ req }),
    formatError: formatGraphqlError,
    plugins: [queryLimitsPlugin(limits), ...(extra.plugins ?? [])],
  };
}
