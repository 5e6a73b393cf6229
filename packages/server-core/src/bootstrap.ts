import { type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { type PingyiConfig, redactUrl } from './config/pingyi-config';
import { GRAPHQL_PATH } from './graphql/graphql-options';
import { useGraphqlRequestLimits } from './graphql/request-limits';
import { useSecurityHeaders } from './http/security-headers';
import { ServerLifecycle } from './health/server-lifecycle';
import { useGraphqlMetrics } from './metrics/use-metrics';
import { PingyiServerModule, type PingyiServerOptions } from './pingyi-server.module';

/** A started server. */
export interface RunningServer {
  readonly app: INestApplication;
  /** `http://HOST:PORT` (the address and port actually bound, also for PORT=0; 127.0.0.1 when bound to every interface). */
  readonly url: string;
  /** The TypeORM connection (tests and scripts; the server itself uses repositories). */
  readonly dataSource: DataSource;
  /** Stops at once: open requests are cut when the pool closes (tests). */
  close(): Promise<void>;
  /**
   * Graceful stop (SIGTERM): readiness answers 503, the port stops accepting,
   * requests in flight finish (up to `timeoutMs`, default 25 s; then their
   * connections are cut), the mixer finishes its batch, then the pool closes.
   * A paper import still running is left to the heartbeat: it shows
   * `interrupted` within 20 s and nothing of it was stored.
   */
  shutdown(options?: { readonly timeoutMs?: number }): Promise<void>;
}

/** How long a graceful stop waits for requests in flight. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

export interface BootstrapOptions extends PingyiServerOptions {
  /** Nest log levels; default: log, warn, error (quieter in tests). */
  readonly logLevels?: LogLevel[];
  /** Address to listen on; default `config.host` (`HOST`). */
  readonly host?: string;
}

interface ExpressLike {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ExpressResponseLike {
  sendFile(file: string): void;
}

/** Serves the built console at `/` with a fallback to index.html for client-side routes. */
function useConsole(app: NestExpressApplication, consoleDir: string | undefined, logger: Logger): void {
  const index = consoleDir ? path.join(consoleDir, 'index.html') : undefined;
  if (!consoleDir || !index || !fs.existsSync(index)) {
    logger.log(`No built console${consoleDir ? ` in ${consoleDir}` : ''}; serving the API only`);
    return;
  }
  app.useStaticAssets(consoleDir, { index: 'index.html', fallthrough: true });
  app.use((req: ExpressLike, res: ExpressResponseLike, next: () => void) => {
    const accept = String(req.headers.accept ?? '');
    const isApi = req.path.startsWith(GRAPHQL_PATH) || req.path.startsWith('/health') || req.path === '/metrics';
    if (req.method === 'GET' && !isApi && !path.extname(req.path) && accept.includes('text/html')) res.sendFile(index);
    else next();
  });
  logger.log(`Serving the console from ${consoleDir}`);
}

/** The host part of a URL that reaches `address` from this machine (`0.0.0.0` and `::` are reached at 127.0.0.1). */
function urlHostOf(address: string): string {
  if (address === '0.0.0.0' || address === '::' || address === '') return '127.0.0.1';
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * Creates the Nest application for `config`, runs the migrations, serves
 * `/graphql`, `/health` and the console, and listens on `config.port`.
 */
export async function bootstrap(config: PingyiConfig, options: BootstrapOptions = {}): Promise<RunningServer> {
  const logger = new Logger('Pingyi');
  // Nest's own lines and every Logger go to the JSON log (PINGYI_LOG_LEVEL); a caller's logLevels without 'log' means warnings and errors only
  const quiet = options.logLevels !== undefined && !options.logLevels.includes('log');
  const logLevel =
    options.logLevel ??
    (quiet && (config.logLevel === 'debug' || config.logLevel === 'info') ? 'warn' : config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(
    PingyiServerModule.forRoot(config, { ...options, logLevel }),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(PinoLogger));
  app.set('trust proxy', config.trustProxy === false ? false : [...config.trustProxy]);
  useGraphqlMetrics(app);
  useGraphqlRequestLimits(app, options.queryLimits);
  useSecurityHeaders(app, config);
  useConsole(app, config.consoleDir, logger);
  const host = options.host ?? config.host;
  await app.listen(config.port, host);
  const address = app.getHttpServer().address() as { port: number; address: string } | string | null;
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${urlHostOf(typeof address === 'object' && address ? address.address : host)}:${port}`;
  const replicas = config.database.type === 'postgres' ? (config.database.readUrls ?? []) : [];
  const where =
    config.database.type === 'sqlite'
      ? config.database.file
      : `${redactUrl(config.database.url)}${replicas.length ? `, read replicas ${replicas.map(redactUrl).join(', ')}` : ''}`;
  logger.log(
    `Pingyi is listening on ${url} (GraphQL ${url}${GRAPHQL_PATH}, database ${config.database.type} ${where})`,
  );
  const httpServer = app.getHttpServer() as import('node:http').Server;
  const shutdown = async (shutdownOptions: { readonly timeoutMs?: number } = {}): Promise<void> => {
    app.get(ServerLifecycle).draining = true;
    // stop accepting; requests in flight go on; idle keep-alive connections close now
    const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), shutdownOptions.timeoutMs ?? SHUTDOWN_TIMEOUT_MS)),
    );
    if ((await Promise.race([drained, timedOut])) === 'timeout') {
      logger.warn('requests still open after the shutdown timeout: their connections are closed');
      httpServer.closeAllConnections();
    }
    clearTimeout(timer);
    logger.log('no request in flight: stopping the mixer and closing the database');
    await app.close();
  };
  return { app, url, dataSource: app.get(DataSource), close: () => app.close(), shutdown };
}
