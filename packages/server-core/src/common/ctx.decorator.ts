import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { requestIdOfRequest } from '../logging/logging.module';
import { RequestContext } from './request-context';

/** The per-request state kept on the GraphQL context / Express request. */
export interface PingyiGraphqlContext {
  req: HttpRequestLike;
}

/** The parts of an Express request the platform reads (no dependency on Express' types). */
export interface HttpRequestLike {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly ip?: string;
  readonly method?: string;
  pingyiContext?: RequestContext;
}

/** Reads (or creates, anonymous) the {@link RequestContext} of an execution. */
export function requestContextOf(context: ExecutionContext): RequestContext {
  const req = requestOf(context);
  req.pingyiContext ??= RequestContext.anonymous(requestIdOf(req), req.ip ?? 'unknown');
  return req.pingyiContext;
}

/** The Express request behind an HTTP or GraphQL execution. */
export function requestOf(context: ExecutionContext): PingyiGraphqlContext['req'] {
  if (context.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<PingyiGraphqlContext>().req;
  }
  return context.switchToHttp().getRequest<PingyiGraphqlContext['req']>();
}

let sequence = 0;
function requestIdOf(req: HttpRequestLike): string {
  // the log's id (pino-http sets req.id), so an audit row and the request's log lines share it
  const logged = requestIdOfRequest(req as HttpRequestLike & { id?: unknown });
  if (logged) return logged;
  sequence = (sequence + 1) % 1_000_000;
  return `${Date.now().toString(36)}-${sequence.toString(36)}`;
}

/** Injects the caller's {@link RequestContext}: `method(@Ctx() ctx: RequestContext, ...)`. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context));
