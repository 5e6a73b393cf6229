import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { isPingyiError } from '@pingyi/domain';
import { from, type Observable, mergeMap, catchError, throwError } from 'rxjs';
import { AUDIT_SINK, type AuditOptions, type AuditSink } from '../common/audit-sink';
import { requestContextOf } from '../common/ctx.decorator';
import { ErrorResultBase } from '../common/error-result';
import { AUDIT_METADATA_KEY } from './audit.decorator';

/**
 * Writes every root mutation to the audit log after it ran: success, an
 * error result (its code) or a thrown error (its code, or INTERNAL).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUDIT_SINK) private readonly sink: AuditSink,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const options = this.reflector.get<AuditOptions | undefined>(AUDIT_METADATA_KEY, context.getHandler()) ?? {};
    const args = gql.getArgs<Record<string, unknown>>();
    const write = (success: boolean, errorCode: string | null) =>
      // the context is read after the handler: sign-in names its user on it
      this.sink.record(requestContextOf(context), { operation: info.fieldName, args, success, errorCode }, options);
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(
          write(!(result instanceof ErrorResultBase), result instanceof ErrorResultBase ? result.errorCode : null).then(
            () => result,
          ),
        ),
      ),
      catchError((error: unknown) =>
        from(write(false, isPingyiError(error) ? error.code : 'INTERNAL')).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
    );
  }
}
