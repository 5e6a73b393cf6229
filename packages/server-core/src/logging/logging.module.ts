import { type DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import { type LogLevelName } from '../config/pingyi-config';
import { graphqlOperationOf, pathOf } from './graphql-operation';

/** The request id header: a caller's own (letters, digits, `.`, `_`, `-`, up to 64) is kept, else a fresh UUID; it is sent back. */
export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_ID = /^[\w.-]{1,64}$/;

interface LoggedRequest {
  url?: string;
  id?: string;
  originalUrl?: string;
  body?: unknown;
}

/** A request's id as the log gives it (pino-http sets `req.id`). */
export function requestIdOfRequest(req: {
  id?: unknown;
  headers: Record<string, string | string[] | undefined>;
}): string | undefined {
  if (typeof req.id === 'string') return req.id;
  const header = req.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && VALID_ID.test(header) ? header : undefined;
}

export interface LoggingOptions {
  readonly level: LogLevelName;
  /** Where the JSON lines go (default stdout). */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * Structured JSON logs (pino through nestjs-pino): one line per request with
 * its id, method, path (no query string), GraphQL operation, status and time,
 * and every Nest `Logger` line with the request id it ran under. Deliberately
 * absent: headers (tokens), bodies and variables (codes, ballots, passwords,
 * opinion texts) and the client's address (a voter's address never goes in a
 * log; failed attempts are traced in the audit log instead).
 */
@Module({})
export class PingyiLoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: PingyiLoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: options.level,
              base: { service: 'pingyi' },
              messageKey: 'msg',
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const header = req.headers[REQUEST_ID_HEADER];
                const id = typeof header === 'string' && VALID_ID.test(header) ? header : randomUUID();
                res.setHeader(REQUEST_ID_HEADER, id);
                return id;
              },
              autoLogging: {
                ignore: (req: IncomingMessage) => pathOf(req) === '/health' || pathOf(req) === '/health/ready',
              },
              quietReqLogger: true,
              serializers: {
                req: (req: { raw?: LoggedRequest; id?: string; method?: string }) => {
                  const raw = req.raw;
                  const path = raw ? pathOf(raw) : '';
                  return {
                    id: req.id,
                    method: req.method,
                    path,
                    ...(path === '/graphql' && raw ? { operation: graphqlOperationOf(raw.body) } : {}),
                  };
                },
                res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
                err: (error: Error) => ({ type: error.name, message: error.message }),
              },
            },
            // synchronous to stdout: lines keep their order with the composition root's console lines and none is lost at exit
            options.destination ?? pino.destination({ dest: 1, sync: true }),
          ] as never,
        }),
      ],
    };
  }
}
