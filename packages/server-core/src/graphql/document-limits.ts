import { GraphQLError, Kind, Lexer, parse, Source, TokenKind } from 'graphql';
import { createOperationMeasurer } from './operation-measure';
import { checkQueryLimits, DEFAULT_QUERY_LIMITS, QUERY_LIMIT_EXCEEDED, type QueryLimits } from './query-limits';

/** Why a document is refused before it reaches Apollo: the code for `extensions.code`, and a message naming the limit. */
export interface DocumentRefusal {
  readonly code: string;
  readonly message: string;
}

/**
 * The ceilings on a query document, checked in this order so each step's work
 * is bounded by the one before: its size in UTF-8 bytes, its lexical tokens
 * (comments excluded, as graphql-js counts them), then, parsed, the structure
 * of each operation measured once per fragment (depth, aliases, directives,
 * root fields; a fragment cycle is refused). The cost needs the schema and the
 * variables and is checked later (`queryLimitsPlugin`). A document that does
 * not parse is not refused here: Apollo reports the syntax error.
 */
export function checkDocument(source: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS): DocumentRefusal | null {
  const tooLarge = checkDocumentSize(source, limits);
  if (tooLarge) return { code: QUERY_LIMIT_EXCEEDED, message: tooLarge };
  try {
    if (tokensExceed(source, limits.maxTokens)) {
      return {
        code: QUERY_LIMIT_EXCEEDED,
        message: `Query document too long: more than ${limits.maxTokens} tokens, the limit is ${limits.maxTokens}`,
      };
    }
    const document = parse(source, { maxTokens: limits.maxTokens });
    const measure = createOperationMeasurer(undefined, document);
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const problem = checkQueryLimits(measure(definition), limits, 'structure');
      if (problem) return { code: QUERY_LIMIT_EXCEEDED, message: problem };
    }
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const code = error.extensions.code;
    return typeof code === 'string' ? { code, message: error.message } : null; // a fragment cycle, or a syntax error left to Apollo
  }
}

/** The refusal of a document larger than `limits.maxDocumentBytes`, else `null`. */
export function checkDocumentSize(source: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS): string | null {
  // a UTF-16 unit is at most 3 UTF-8 bytes, so short strings need no count
  if (source.length * 3 <= limits.maxDocumentBytes) return null;
  const bytes = Buffer.byteLength(source, 'utf8');
  return bytes > limits.maxDocumentBytes
    ? `Query document too large: ${bytes} bytes, the limit is ${limits.maxDocumentBytes}`
    : null;
}

function tokensExceed(source: string, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(source));
  for (let count = 0; lexer.advance().kind !== TokenKind.EOF; count += 1) {
    if (count >= maxTokens) return true;
  }
  return false;
}
