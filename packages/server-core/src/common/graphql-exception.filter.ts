import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { type GqlContextType } from '@nestjs/graphql';

/**
 * Hands GraphQL errors back to Apollo untouched, where `formatGraphqlError`
 * shows expected ones and masks and logs the rest (Nest's default handler
 * would log every expected PingyiError with a stack trace). HTTP routes keep
 * Nest's default handling.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
