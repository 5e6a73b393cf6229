import { GraphQLError } from 'graphql';
import { type OperationMeasure } from './operation-measure';

/**
 * Limits on one GraphQL request. The first three bound the work before the
 * document is parsed (body and document size, tokens); the rest are measured
 * on the parsed document, fragments counted where they are spread, before it
 * is validated (structure) and before it runs (cost, which needs the variables).
 */
export interface QueryLimits {
  /** Largest JSON body of a request to `/graphql`, in bytes (refused while reading). */
  readonly maxBodyBytes: number;
  /** Largest query document, in UTF-8 bytes (comments and strings included). */
  readonly maxDocumentBytes: number;
  /** Largest query document, in lexical tokens (graphql-js `maxTokens`). */
  readonly maxTokens: number;
  /** Deepest nesting of fields (introspection fields excepted). */
  readonly maxDepth: number;
  /** Aliased fields in the operation (aliases can repeat an expensive field or a login). */
  readonly maxAliases: number;
  /** Directives in the operation (`@skip`, `@include`, unknown ones too). */
  readonly maxDirectives: number;
  /** Fields at the root of the operation, through fragments and inline fragments. */
  readonly maxRootFields: number;
  /** Estimated cost: every field costs 1 for each item of the lists around it. */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxBodyBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024,
  maxTokens: 5_000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxRootFields: 20,
  maxCost: 20_000,
};

/** The code of every refusal by a limit (the console translates it). */
export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

/** A refusal by a limit, answered with HTTP `status` (400 unless said). */
export function queryLimitError(message: string, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_LIMIT_EXCEEDED, http: { status } } });
}

/** Which measures {@link checkQueryLimits} compares: the structure alone (no variables yet) or everything. */
export type LimitScope = 'structure' | 'all';

/** The first limit an operation breaks, as a message naming the limit and its value, else `null`. */
export function checkQueryLimits(
  measure: OperationMeasure,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
  scope: LimitScope = 'all',
): string | null {
  if (measure.depth > limits.maxDepth)
    return `Query is too deep: ${measure.depth} levels, the limit is ${limits.maxDepth}`;
  if (measure.aliases > limits.maxAliases)
    return `Query uses too many aliases: ${measure.aliases}, the limit is ${limits.maxAliases}`;
  if (measure.directives > limits.maxDirectives)
    return `Query uses too many directives: ${measure.directives}, the limit is ${limits.maxDirectives}`;
  if (measure.rootFields > limits.maxRootFields)
    return `Query asks for too many root fields: ${measure.rootFields}, the limit is ${limits.maxRootFields}`;
  if (scope === 'all' && measure.cost > limits.maxCost)
    return `Query is too expensive: estimated cost ${measure.cost}, the limit is ${limits.maxCost}`;
  return null;
}
