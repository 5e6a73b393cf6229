import { type NestExpressApplication } from '@nestjs/platform-express';
import { GRAPHQL_PATH } from './graphql-options';
import { checkDocument } from './document-limits';
import { DEFAULT_QUERY_LIMITS, QUERY_LIMIT_EXCEEDED, type QueryLimits } from './query-limits';

interface RequestLike {
  readonly body?: unknown;
  readonly query?: Record<string, unknown>;
  readonly originalUrl?: string;
}
interface ResponseLike {
  status(code: number): ResponseLike;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
}
/** What body-parser passes on when it refuses a body (http-errors). */
interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly length?: unknown;
  readonly message?: unknown;
}

const sendError = (res: ResponseLike, status: number, code: string, message: string): void => {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

const mebibytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/**
 * The limits checked while a request to `/graphql` is read, before Apollo sees
 * it: the JSON body size (body-parser stops reading past it, or refuses at once
 * on a larger `Content-Length`: HTTP 413), one operation per request (a batch,
 * a JSON array, is refused whole, none of it run) and the query document
 * (size, tokens, structure: see {@link checkDocument}), so neither Apollo's
 * parser nor its validation ever walks a hostile document. Refusals are GraphQL-shaped (`{ errors: [{ message,
 * extensions: { code: 'QUERY_LIMIT_EXCEEDED' } }] }`); a body that is not
 * JSON is `BAD_REQUEST`.
 */
export function useGraphqlRequestLimits(app: NestExpressApplication, limits: QueryLimits = DEFAULT_QUERY_LIMITS): void {
  // the only JSON the server reads is GraphQL's (files are uploaded as raw bodies)
  app.useBodyParser('json', { limit: limits.maxBodyBytes });
  app.use((error: BodyParserError, req: RequestLike, res: ResponseLike, next: (error?: unknown) => void) => {
    if (error?.type === 'entity.too.large') {
      const length = typeof error.length === 'number' ? `${error.length} bytes, ` : '';
      // close the connection rather than read (and throw away) the rest of the body
      res.setHeader('Connection', 'close');
      sendError(
        res,
        413,
        QUERY_LIMIT_EXCEEDED,
        `Request body too large: ${length}the limit is ${limits.maxBodyBytes} bytes (${mebibytes(limits.maxBodyBytes)})`,
      );
    } else if (
      typeof error?.type === 'string' &&
      typeof error.status === 'number' &&
      error.status >= 400 &&
      error.status < 500
    ) {
      sendError(res, error.status, 'BAD_REQUEST', `Request body refused: ${String(error.message)}`);
    } else next(error);
  });
  app.use(GRAPHQL_PATH, (req: RequestLike, res: ResponseLike, next: () => void) => {
    if (Array.isArray(req.body)) {
      sendError(
        res,
        400,
        QUERY_LIMIT_EXCEEDED,
        `Batched requests are not accepted: ${req.body.length} operations in one request, the limit is 1`,
      );
      return;
    }
    const body = req.body as { query?: unknown } | undefined;
    const document = typeof body?.query === 'string' ? body.query : req.query?.query;
    const refusal = typeof document === 'string' ? checkDocument(document, limits) : null;
    if (refusal) sendError(res, 400, refusal.code, refusal.message);
    else next();
  });
}
