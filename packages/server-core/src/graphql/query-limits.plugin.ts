import { type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, measureOperation, type QueryLimits } from './query-limits';

/**
 * Refuses, before execution, operations that break the depth, alias,
 * root-field or cost limits (HTTP 400, code `QUERY_LIMIT_EXCEEDED`).
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {});
          const problem = checkQueryLimits(measure, limits);
          if (problem) {
            throw new GraphQLError(problem, { extensions: { code: 'QUERY_LIMIT_EXCEEDED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
