import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { isPingyiError, messageOf, messageText } from '@pingyi/domain';
import { randomBytes } from 'node:crypto';
import { describeError } from '../logging/describe-error';

/** HTTP status of each expected error code on REST routes. */
const STATUS: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PHASE_CLOSED: 409,
  DUPLICATE_FILE: 409,
  BATCH_NOT_OPEN: 409,
  RATE_LIMITED: 429,
};

interface JsonResponse {
  status(code: number): JsonResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
  headersSent?: boolean;
}

/**
 * For REST routes: an expected `PingyiError` (also the guard's
 * UNAUTHENTICATED/FORBIDDEN/RATE_LIMITED) becomes its HTTP status with
 * `{ errorCode, message, path }`, and is not logged; anything else is logged
 * with an id and answered 500 without details. The platform filter
 * ({@link GraphqlExceptionFilter}) applies it to every REST route: a
 * controller adds no filter of its own, and a new code's status goes in `STATUS`.
 */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('REST');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<JsonResponse>();
    if (res.headersSent) return;
    if (isPingyiError(exception)) {
      const status = STATUS[exception.code] ?? 400;
      const retryAfter = exception.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      const sentence = messageOf(exception.details);
      res.status(status).json({
        // what the error names (the batch a duplicate file belongs to, the minutes to wait), as in GraphQL's extensions
        ...(exception.details ?? {}),
        errorCode: exception.code,
        message: exception.message,
        path: exception.path ?? null,
        ...(sentence ? { messageKey: sentence.messageKey, params: sentence.params } : {}),
      });
      return;
    }
    if (exception instanceof HttpException) {
      res.status(exception.getStatus()).json({ errorCode: 'HTTP_ERROR', message: exception.message, path: null });
      return;
    }
    const id = randomBytes(6).toString('hex');
    this.logger.error(`Internal error ${id}: ${describeError(exception)}`);
    res.status(500).json({
      errorCode: 'INTERNAL',
      message: messageText('internalError', { id }),
      path: null,
      messageKey: 'internalError',
      params: { id },
    });
  }
}
