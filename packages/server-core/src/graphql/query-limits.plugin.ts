import { type ApolloServerPlugin } from '@apollo/server';
import { Kind, type ValidationRule } from 'graphql';
import { createOperationMeasurer } from './operation-measure';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, queryLimitError, type QueryLimits } from './query-limits';

/**
 * A validation rule that refuses a document breaking the structural limits
 * (depth, aliases, directives, root fields) or holding a fragment cycle. It
 * acts when the validator enters the document, so it throws before any other
 * rule walks it (graphql-js stops validating on a thrown error): a hostile
 * document costs one linear measure, never a full validation.
 */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context) => ({
    Document(document) {
      const measure = createOperationMeasurer(context.getSchema(), document);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const problem = checkQueryLimits(measure(definition), limits, 'structure');
        if (problem) throw queryLimitError(problem);
      }
    },
  });
}

/**
 * Refuses, before execution, an operation that breaks any limit with its
 * variables (the cost depends on them; a document served from Apollo's cache
 * skipped validation, so the structure is checked again): HTTP 400, code
 * `QUERY_LIMIT_EXCEEDED`.
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
