import { type ArgumentsHost, Catch } from '@nestjs/common';
import { isPingyiError } from '@pingyi/domain';
import { RestErrorFilter } from '../common/rest-error.filter';

// Codes of the paper upload route whose HTTP status differs from the shared 400.
const STATUS: Readonly<Record<string, number>> = { DUPLICATE_FILE: 409, BATCH_NOT_OPEN: 409 };

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
  headersSent?: boolean;
}

/** The REST error filter of the server, with 409 for a duplicate file or a batch that is not open. */
@Catch()
export class PaperUploadErrorFilter extends RestErrorFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const status = isPingyiError(exception) ? STATUS[exception.code] : undefined;
    const res = host.switchToHttp().getResponse<JsonResponse>();
    if (status === undefined || !isPingyiError(exception) || res.headersSent) {
      super.catch(exception, host);
      return;
    }
    res.status(status).json({
      errorCode: exception.code,
      message: exception.message,
      path: exception.path ?? null,
      ...(exception.details ?? {}),
    });
  }
}
