import { type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { type PingyiConfig, redactUrl } from './config/pingyi-config';
import { GRAPHQL_PATH } from './graphql/graphql-options';
import { useGraphqlRequestLimits } from './graphql/request-limits';
import { useSecurityHeaders } from './http/security-headers';
import { PingyiServerModule, type PingyiServerOptions } from './pingyi-server.module';

/** A started server. */
export interface RunningServer {
  readonly app: INestApplication;
  /** `http://HOST:PORT` (the address and port actually bound, also for PORT=0; 127.0.0.1 when bound to every interface). */
  readonly url: string;
  /** The TypeORM connection (tests and scripts; the server itself uses repositories). */
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

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
    const isApi = req.path.startsWith(GRAPHQL_PATH) || req.path.startsWith('/health');
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
  const app = await NestFactory.create<NestExpressApplication>(PingyiServerModule.forRoot(config, options), {
    logger: options.logLevels ?? ['log', 'warn', 'error'],
    bodyParser: false,
  });
  app.set('trust proxy', config.trustProxy === false ? false : [...config.trustProxy]);
  useGraphqlRequestLimits(app, options.queryLimits);
  useSecurityHeaders(app, config);
  useConsole(app, config.consoleDir, logger);
  const host = options.host ?? config.host;
  await app.listen(config.port, host);
  const address = app.getHttpServer().address() as { port: number; address: string } | string | null;
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${urlHostOf(typeof address === 'object' && address ? address.address : host)}:${port}`;
  const where = config.database.type === 'sqlite' ? config.database.file : redactUrl(config.database.url);
  logger.log(`Pingyi is listening on ${url} (GraphQL ${url}${GRAPHQL_PATH}, database ${config.database.type} ${where})`);
  return { app, url, dataSource: app.get(DataSource), close: () => app.close() };
}
