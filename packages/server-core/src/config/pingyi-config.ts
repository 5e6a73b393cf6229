import { PingyiError } from '@pingyi/domain';
import * as path from 'node:path';

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly file: string }
  | { readonly type: 'postgres'; readonly url: string };

/**
 * The server's typed configuration. Built from the environment by
 * {@link loadConfig}; the test kit builds it the same way with overrides.
 */
export interface PingyiConfig {
  readonly nodeEnv: 'production' | 'development' | 'test';
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Password for the `admin` user created on first start; generated and printed once when unset. */
  readonly adminPassword: string | undefined;
  readonly introspection: boolean;
  readonly demo: boolean;
  readonly redisUrl: string | undefined;
  /** Server secret for HMACs; when unset it is generated once and kept in the database. */
  readonly secret: string | undefined;
  readonly tokenTtlSeconds: number;
  /** Results cells with fewer ballots than this are suppressed (small-cell protection). */
  readonly smallCellK: number;
  /** Directory of the built console served at `/`, when it exists. */
  readonly consoleDir: string | undefined;
  /**
   * Let TypeORM create the schema from the entities instead of running migrations.
   * Only for throwaway test databases; refused when `nodeEnv` is production.
   */
  readonly synchronize: boolean;
  /** Express `trust proxy`: hops of reverse proxies whose X-Forwarded-For is believed (client address for throttling). */
  readonly trustProxy: boolean | number;
}

/** Values that depend on where the caller lives (the composition root knows its own paths). */
export interface ConfigDefaults {
  readonly cwd?: string;
  readonly consoleDir?: string;
}

const invalid = (variable: string, message: string, value: string): never => {
  throw new PingyiError('INVALID_CONFIG', `${message}, got "${value}"`, variable);
};

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** Parses an on/off environment variable; anything else is a startup error naming it. */
export function parseBooleanEnv(variable: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return invalid(variable, 'must be one of 1, true, yes, on, 0, false, no, off', raw);
}

/** Parses an integer environment variable within `[min, max]`. */
export function parseIntegerEnv(variable: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) return invalid(variable, `must be an integer between ${min} and ${max}`, raw);
  const value = Number(raw.trim());
  if (value < min || value > max) return invalid(variable, `must be an integer between ${min} and ${max}`, raw);
  return value;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses a duration such as `3600`, `90s`, `30m`, `12h` or `7d` into seconds. */
export function parseDurationEnv(variable: string, raw: string | undefined, fallbackSeconds: number): number {
  if (raw === undefined || raw.trim() === '') return fallbackSeconds;
  const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  if (!match) return invalid(variable, 'must be a duration like 3600, 90s, 30m, 12h or 7d', raw);
  const seconds = Number(match[1]) * (DURATION_UNITS[match[2] || 's'] ?? 1);
  if (seconds < 60 || seconds > 90 * 86400) return invalid(variable, 'must be between 1 minute and 90 days', raw);
  return seconds;
}

function parseDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid('DATABASE_URL', 'must be a URL like postgres://user:password@host:5432/database', redactUrl(raw));
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return invalid('DATABASE_URL', 'must start with postgres:// or postgresql:// (leave it unset for SQLite)', redactUrl(raw));
  }
  if (url.pathname.length <= 1) return invalid('DATABASE_URL', 'must name a database after the host', redactUrl(raw));
  return raw;
}

/** Hides the password of a connection URL so it can be printed. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function optionalString(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

/**
 * Reads the configuration from environment variables. Every invalid value is a
 * `PingyiError('INVALID_CONFIG')` whose `path` is the variable's name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): PingyiConfig {
  const cwd = defaults.cwd ?? process.cwd();
  const rawEnv = env.NODE_ENV?.trim() || 'development';
  if (rawEnv !== 'production' && rawEnv !== 'development' && rawEnv !== 'test') {
    invalid('NODE_ENV', 'must be production, development or test', rawEnv);
  }
  const nodeEnv = rawEnv as PingyiConfig['nodeEnv'];
  const dataDir = path.resolve(cwd, optionalString(env.PINGYI_DATA_DIR) ?? './data');
  const databaseUrl = optionalString(env.DATABASE_URL);
  const database: DatabaseConfig = databaseUrl
    ? { type: 'postgres', url: parseDatabaseUrl(databaseUrl) }
    : { type: 'sqlite', file: path.join(dataDir, 'pingyi.sqlite') };
  const adminPassword = optionalString(env.PINGYI_ADMIN_PASSWORD);
  if (adminPassword !== undefined && adminPassword.length < 8) {
    invalid('PINGYI_ADMIN_PASSWORD', 'must be at least 8 characters long', '***');
  }
  const secret = optionalString(env.PINGYI_SECRET);
  if (secret !== undefined && secret.length < 32) invalid('PINGYI_SECRET', 'must be at least 32 characters long', '***');
  const redisUrl = optionalString(env.REDIS_URL);
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    invalid('REDIS_URL', 'must start with redis:// or rediss://', redactUrl(redisUrl));
  }
  const consoleDirRaw = optionalString(env.PINGYI_CONSOLE_DIR);
  return {
    nodeEnv,
    port: parseIntegerEnv('PORT', env.PORT, 3000, 0, 65535),
    dataDir,
    database,
    adminPassword,
    introspection: parseBooleanEnv('PINGYI_INTROSPECTION', env.PINGYI_INTROSPECTION, nodeEnv !== 'production'),
    demo: parseBooleanEnv('PINGYI_DEMO', env.PINGYI_DEMO, true),
    redisUrl,
    secret,
    tokenTtlSeconds: parseDurationEnv('PINGYI_TOKEN_TTL', env.PINGYI_TOKEN_TTL, 12 * 3600),
    smallCellK: parseIntegerEnv('PINGYI_SMALL_CELL_K', env.PINGYI_SMALL_CELL_K, 5, 1, 1000),
    consoleDir: consoleDirRaw ? path.resolve(cwd, consoleDirRaw) : defaults.consoleDir,
    synchronize: false,
    trustProxy: parseTrustProxy(env.PINGYI_TRUST_PROXY),
  };
}

function parseTrustProxy(raw: string | undefined): boolean | number {
  if (raw !== undefined && /^\s*\d+\s*$/.test(raw)) {
    const hops = parseIntegerEnv('PINGYI_TRUST_PROXY', raw, 0, 0, 10);
    return hops === 0 ? false : hops;
  }
  return parseBooleanEnv('PINGYI_TRUST_PROXY', raw, false);
}

/** Checks combinations that single variables cannot: e.g. `synchronize` in production. */
export function assertConfigSafe(config: PingyiConfig): void {
  if (config.synchronize && config.nodeEnv === 'production') {
    throw new PingyiError(
      'INVALID_CONFIG',
      'schema synchronize is only for throwaway test databases and is refused in production; migrations run at start',
      'synchronize',
    );
  }
}
