import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { type GqlContextType } from '@nestjs/graphql';
import { isPingyiError } from '@pingyi/domain';
import { RestErrorFilter } from './rest-error.filter';

/**
 * The platform's exception filter. Hands GraphQL errors back to Apollo
 * untouched, where `formatGraphqlError` shows expected ones and masks and
 * logs the rest. On HTTP routes an expected PingyiError (a guard's refusal,
 * RATE_LIMITED in a flood) is answered by {@link RestErrorFilter} and not
 * logged: Nest's default handler would log each one with a stack trace, so a
 * flood of refused requests would fill the log. An unexpected error is
 * logged once with an id and answered 500 with that id; Nest's own HTTP
 * exceptions keep its default handling.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly rest = new RestErrorFilter();

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    // Nest's own answers (an unknown route's 404, a body parser's 413) keep their shape
    if (exception instanceof HttpException && !isPingyiError(exception)) return super.catch(exception, host);
    return this.rest.catch(exception, host);
  }
}
