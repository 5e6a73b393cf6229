import { type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { type PingyiConfig, redactUrl } from './config/pingyi-config';
import { GRAPHQL_PATH } from './graphql/graphql-options';
import { useGraphqlRequestLimits } from './graphql/request-limits';
import { PingyiServerModule, type PingyiServerOptions } from './pingyi-server.module';

/** A started server. */
export interface RunningServer {
  readonly app: INestApplication;
  /** `http://127.0.0.1:PORT` (the port actually bound, also for PORT=0). */
  readonly url: string;
  /** The TypeORM connection (tests and scripts; the server itself uses repositories). */
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export interface BootstrapOptions extends PingyiServerOptions {
  /** Nest log levels; default: log, warn, error (quieter in tests). */
  readonly logLevels?: LogLevel[];
  /** Host to bind; default all interfaces. */
  readonly host?: string;
}

interface ExpressLike {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ExpressResponseLike {
  setHeader(name: string, value: string): void;
  sendFile(file: string): void;
}

function useSecurityHeaders(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use((_req: unknown, res: ExpressResponseLike, next: () => void) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
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
  app.set('trust proxy', config.trustProxy);
  useGraphqlRequestLimits(app, options.queryLimits);
  useSecurityHeaders(app);
  useConsole(app, config.consoleDir, logger);
  await app.listen(config.port, options.host ?? '0.0.0.0');
  const address = app.getHttpServer().address() as { port: number } | string | null;
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  const where = config.database.type === 'sqlite' ? config.database.file : redactUrl(config.database.url);
  logger.log(`Pingyi is listening on ${url} (GraphQL ${url}${GRAPHQL_PATH}, database ${config.database.type} ${where})`);
  return { app, url, dataSource: app.get(DataSource), close: () => app.close() };
}
