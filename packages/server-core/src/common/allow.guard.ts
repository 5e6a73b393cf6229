import { type CanActivate, type ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { isPingyiError, refusal } from '@pingyi/domain';
import { ANONYMOUS_RATE_LIMIT, type AnonymousRateLimit, rateLimitedError } from '../rate-limit/anonymous-rate-limit';
import { ALLOW_METADATA_KEY } from './allow.decorator';
import { AUDIT_SINK, type AuditSink } from './audit-sink';
import { AUTHENTICATOR, type Authenticator } from './authenticator';
import { requestContextOf, requestOf } from './ctx.decorator';
import { Authenticated, type Permission, Public } from './roles';

/** Extracts the token of an `Authorization: Bearer TOKEN` header. */
export function bearerTokenOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** `Mutation.createUser` or `HealthController.check`, for messages and logs. */
export function operationNameOf(context: ExecutionContext): string {
  if (context.getType<GqlContextType>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string }; fieldName: string }>();
    return `${info.parentType.name}.${info.fieldName}`;
  }
  return `${context.getClass().name}.${context.getHandler().name}`;
}

/**
 * The global guard: authenticates the bearer token, then lets the call
 * through only when the handler (or its class) declares `@Allow` and the
 * caller has one of the listed roles. No `@Allow` means refused.
 */
@Injectable()
export class AllowGuard implements CanActivate {
  private readonly logger = new Logger('AllowGuard');
  private readonly warned = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Optional() @Inject(AUDIT_SINK) private readonly audit?: AuditSink,
    @Optional() @Inject(ANONYMOUS_RATE_LIMIT) private readonly anonymousLimit?: AnonymousRateLimit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.decide(context);
    } catch (error) {
      // a flood is counted by the limiter, not written to the audit log request by request
      if (!isPingyiError(error, 'RATE_LIMITED')) await this.recordRefusedMutation(context, error);
      throw error;
    }
  }

  private async decide(context: ExecutionContext): Promise<boolean> {
    const permissions = this.reflector.getAllAndOverride<Permission[] | undefined>(ALLOW_METADATA_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const operation = operationNameOf(context);
    if (!permissions || permissions.length === 0) {
      if (!this.warned.has(operation)) {
        this.warned.add(operation);
        this.logger.warn(`${operation} declares no @Allow(...): refused (deny by default)`);
      }
      throw refusal('FORBIDDEN', 'closedToAll', { operation });
    }
    await this.authenticate(context);
    if (permissions.includes(Public)) return true;
    const ctx = requestContextOf(context);
    if (!ctx.user) {
      throw refusal('UNAUTHENTICATED', 'signInFirst', {});
    }
    if (permissions.includes(Authenticated)) return true;
    if (ctx.user.roles.some((role) => permissions.includes(role))) return true;
    throw refusal('FORBIDDEN', 'roleNeeded', {
      operation,
      roles: permissions.join(', '),
      yours: ctx.user.roles.join(', ') || 'none',
    });
  }

  private async recordRefusedMutation(context: ExecutionContext, error: unknown): Promise<void> {
    if (!this.audit || context.getType<GqlContextType>() !== 'graphql') return;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return;
    const errorCode = isPingyiError(error) ? error.code : 'INTERNAL';
    await this.audit.record(requestContextOf(context), {
      operation: info.fieldName,
      args: gql.getArgs(),
      success: false,
      errorCode,
    });
  }

  // Once per request: sibling root fields run in parallel, so they share one promise.
  private authenticate(context: ExecutionContext): Promise<void> {
    const req = requestOf(context) as ReturnType<typeof requestOf> & {
      pingyiAuth?: Promise<void>;
      res?: { setHeader(name: string, value: string): void };
    };
    req.pingyiAuth ??= (async () => {
      const ctx = requestContextOf(context);
      const token = bearerTokenOf(req.headers.authorization);
      if (token && !ctx.user) {
        const user = await this.authenticator.authenticate(token);
        if (user) req.pingyiContext = ctx.withUser(user);
      }
      if (req.pingyiContext?.user) return;
      const refusal = await this.anonymousLimit?.hit(ctx.ip);
      if (!refusal) return;
      req.res?.setHeader('Retry-After', String(refusal.retryAfterSeconds));
      if (refusal.firstInWindow) {
        await this.audit?.record(ctx, {
          operation: 'anonymousRateLimit',
          args: { operation: operationNameOf(context) },
          success: false,
          errorCode: 'RATE_LIMITED',
        });
      }
      throw rateLimitedError(refusal);
    })();
    return req.pingyiAuth;
  }
}
