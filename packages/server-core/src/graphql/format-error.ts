import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { isPingyiError, messageText } from '@pingyi/domain';
import { type GraphQLFormattedError } from 'graphql';
import { randomBytes } from 'node:crypto';
import { describeError } from '../logging/describe-error';

// Codes Apollo and graphql-js give to request errors whose message is safe
// and useful to the client (syntax, unknown field, bad variable value...).
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_LIMIT_EXCEEDED',
]);

const logger = new Logger('GraphQL');

function isClientHttpException(error: unknown): boolean {
  const status = (error as { getStatus?: () => unknown } | null)?.getStatus?.();
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Apollo `formatError`: an expected failure (a `PingyiError` thrown by a
 * service or the guard, or a request error) keeps its message and gets its
 * code in `extensions.code` (and `extensions.field` for the argument at
 * fault); anything else is logged with an id and masked as
 * "Internal error (id …)", with no stack trace, SQL or driver message.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isPingyiError(original)) {
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: original.code,
        ...(original.path ? { field: original.path } : {}),
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  // Nest HTTP exceptions below 500 (ForbiddenException...) are deliberate answers too
  if (isClientHttpException(original) && code) {
    return { message: formatted.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code } };
  }
  if (code && CLIENT_ERROR_CODES.has(code)) {
    return {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code },
    };
  }
  const id = randomBytes(6).toString('hex');
  logger.error(`Internal error ${id} at ${formatted.path?.join('.') ?? 'request'}: ${describeError(original)}`);
  return {
    message: messageText('internalError', { id }),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: id },
  };
}
