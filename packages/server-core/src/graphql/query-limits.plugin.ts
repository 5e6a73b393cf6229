import { type ApolloServerPlugin } from '@apollo/server';
import { createOperationMeasurer } from './operation-measure';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, queryLimitError, type QueryLimits } from './query-limits';

/**
 * Refuses, before execution, an operation that breaks any limit with its
 * variables (the cost depends on them; the structure was checked before
 * parsing by `useGraphqlRequestLimits`, and is checked again here, with the
 * schema, for any other way in): HTTP 400, code `QUERY_LIMIT_EXCEEDED`.
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request: { variables } }) {
          if (!operation) return;
          const measure = createOperationMeasurer(schema, document, variables ?? {})(operation);
          const refusal = checkQueryLimits(measure, limits);
          if (refusal) throw queryLimitError(refusal);
        },
      };
    },
  };
}
