import { messageText, PingyiError } from '@pingyi/domain';
import * as net from 'node:net';
import { passwordProblem } from '../common/password-policy';
import * as path from 'node:path';

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly file: string }
  | {
      readonly type: 'postgres';
      readonly url: string;
      /** Read replicas (`DATABASE_READ_URLS`, hot standbys): tallies and console lists may read them; everything else reads the primary. */
      readonly readUrls?: readonly string[];
    };

/**
 * The server's typed configuration. Built from the environment by
 * {@link loadConfig}; the test kit builds it the same way with overrides.
 */
export interface PingyiConfig {
  readonly nodeEnv: 'production' | 'development' | 'test';
  /** Address to listen on (`HOST`): 127.0.0.1 outside production, all interfaces in production. */
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Password for the `admin` user created on first start; generated and printed once when unset. */
  readonly adminPassword: string | undefined;
  readonly introspection: boolean;
  /** Load the demo campaign into an empty database: on by default outside production, only with `PINGYI_DEMO=1` in production. */
  readonly demo: boolean;
  readonly redisUrl: string | undefined;
  /**
   * Server secret for keyed hashes and the sealed ballot box. Required in
   * production; elsewhere, when unset, one is generated once and kept in the
   * data folder (`server-secret`, mode 0600), never in the database.
   */
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
  /**
   * Express `trust proxy`: the addresses / subnets of the reverse proxies whose
   * `X-Forwarded-For` (and `X-Forwarded-Proto`) are believed; `false` believes none.
   */
  readonly trustProxy: false | readonly string[];
  /** Anonymous requests allowed per client address and minute (`PINGYI_ANON_RATE`); 0 turns the limit off. */
  readonly anonymousRatePerMinute: number;
  /** The ballot box's mixer: a batch holds at least this many ballots (`PINGYI_MIX_MIN_BATCH`)... */
  readonly mixMinBatch: number;
  /** ...or whatever waited this long (`PINGYI_MIX_INTERVAL`, milliseconds). */
  readonly mixIntervalMs: number;
  /** JSON log level (`PINGYI_LOG_LEVEL`): `debug`, `info` (one line per request), `warn`, `error`, `silent`. */
  readonly logLevel: LogLevelName;
  /** Bearer token of `GET /metrics` (`PINGYI_METRICS_TOKEN`, ≥ 16 characters); unset: metrics off (404). */
  readonly metricsToken: string | undefined;
  /**
   * Pieces of background work (paper checking and import) one instance runs at once (`PINGYI_WORKERS`, default 2).
   * 0, with `REDIS_URL`, makes an instance that only answers requests while others do the work.
   */
  readonly workers: number;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

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
export function parseIntegerEnv(
  variable: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
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

/** Parses a short duration such as `45`, `45s` or `2m` into milliseconds, within `[minMs, maxMs]`. */
export function parseShortDurationEnv(
  variable: string,
  raw: string | undefined,
  fallbackMs: number,
  minMs: number,
  maxMs: number,
): number {
  if (raw === undefined || raw.trim() === '') return fallbackMs;
  const match = /^(\d+)\s*(ms|s|m)?$/.exec(raw.trim());
  const ms = match ? Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 }[match[2] ?? 's'] ?? 1000) : Number.NaN;
  if (!(ms >= minMs && ms <= maxMs))
    return invalid(
      variable,
      `must be a duration like 45s or 2m, between ${minMs / 1000} s and ${maxMs / 60_000} minutes`,
      raw,
    );
  return ms;
}

function parseDatabaseUrl(raw: string, variable = 'DATABASE_URL'): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(variable, 'must be a URL like postgres://user:password@host:5432/database', redactUrl(raw));
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return invalid(
      variable,
      'must start with postgres:// or postgresql:// (leave it unset for SQLite)',
      redactUrl(raw),
    );
  }
  if (url.pathname.length <= 1) return invalid(variable, 'must name a database after the host', redactUrl(raw));
  return raw;
}

/** `DATABASE_READ_URLS`: comma-separated PostgreSQL URLs of read replicas; only beside a PostgreSQL `DATABASE_URL`. */
function parseReadUrls(raw: string | undefined, primary: string | undefined): readonly string[] {
  const urls = (raw ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  if (urls.length === 0) return [];
  if (primary === undefined)
    return invalid('DATABASE_READ_URLS', 'needs DATABASE_URL: read replicas are PostgreSQL standbys', '***');
  if (urls.length > 8) return invalid('DATABASE_READ_URLS', 'takes at most 8 replicas', String(urls.length));
  return urls.map((url) => parseDatabaseUrl(url, 'DATABASE_READ_URLS'));
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
  const readUrls = parseReadUrls(optionalString(env.DATABASE_READ_URLS), databaseUrl);
  const database: DatabaseConfig = databaseUrl
    ? { type: 'postgres', url: parseDatabaseUrl(databaseUrl), ...(readUrls.length ? { readUrls } : {}) }
    : { type: 'sqlite', file: path.join(dataDir, 'pingyi.sqlite') };
  const adminPassword = optionalString(env.PINGYI_ADMIN_PASSWORD);
  const adminPasswordRefusal = adminPassword === undefined ? null : passwordProblem(adminPassword);
  const adminPasswordProblem =
    adminPasswordRefusal && messageText(adminPasswordRefusal.key, adminPasswordRefusal.params);
  if (adminPasswordProblem !== null) invalid('PINGYI_ADMIN_PASSWORD', adminPasswordProblem, '***');
  const secret = optionalString(env.PINGYI_SECRET);
  if (secret !== undefined && secret.length < 32)
    invalid('PINGYI_SECRET', 'must be at least 32 characters long', '***');
  // a secret the server made for itself would sit beside the data it protects
  if (secret === undefined && nodeEnv === 'production') {
    invalid(
      'PINGYI_SECRET',
      'is required when NODE_ENV=production (at least 32 random characters, the same for every instance; it is never stored in the database)',
      '',
    );
  }
  const redisUrl = optionalString(env.REDIS_URL);
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    invalid('REDIS_URL', 'must start with redis:// or rediss://', redactUrl(redisUrl));
  }
  const consoleDirRaw = optionalString(env.PINGYI_CONSOLE_DIR);
  return {
    nodeEnv,
    host: parseHost(env.HOST, nodeEnv),
    port: parseIntegerEnv('PORT', env.PORT, 3000, 0, 65535),
    dataDir,
    database,
    adminPassword,
    introspection: parseBooleanEnv('PINGYI_INTROSPECTION', env.PINGYI_INTROSPECTION, nodeEnv !== 'production'),
    demo: parseBooleanEnv('PINGYI_DEMO', env.PINGYI_DEMO, nodeEnv !== 'production'),
    redisUrl,
    secret,
    tokenTtlSeconds: parseDurationEnv('PINGYI_TOKEN_TTL', env.PINGYI_TOKEN_TTL, 12 * 3600),
    smallCellK: parseIntegerEnv('PINGYI_SMALL_CELL_K', env.PINGYI_SMALL_CELL_K, 5, 1, 1000),
    consoleDir: consoleDirRaw ? path.resolve(cwd, consoleDirRaw) : defaults.consoleDir,
    synchronize: false,
    trustProxy: parseTrustProxy(env.PINGYI_TRUST_PROXY),
    anonymousRatePerMinute: parseIntegerEnv(
      'PINGYI_ANON_RATE',
      env.PINGYI_ANON_RATE,
      DEFAULT_ANONYMOUS_RATE,
      0,
      1_000_000,
    ),
    mixMinBatch: parseIntegerEnv('PINGYI_MIX_MIN_BATCH', env.PINGYI_MIX_MIN_BATCH, 50, 1, 100_000),
    mixIntervalMs: parseShortDurationEnv('PINGYI_MIX_INTERVAL', env.PINGYI_MIX_INTERVAL, 45_000, 500, 30 * 60_000),
    logLevel: parseLogLevel(env.PINGYI_LOG_LEVEL),
    metricsToken: parseMetricsToken(env.PINGYI_METRICS_TOKEN),
    workers: parseWorkers(env.PINGYI_WORKERS, redisUrl),
  };
}

function parseMetricsToken(raw: string | undefined): string | undefined {
  const value = optionalString(raw);
  if (value !== undefined && value.length < 16)
    invalid('PINGYI_METRICS_TOKEN', 'must be at least 16 characters long', '***');
  return value;
}

function parseLogLevel(raw: string | undefined): LogLevelName {
  const value = optionalString(raw);
  if (value === undefined) return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value))
    invalid('PINGYI_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`, value);
  return value as LogLevelName;
}

/** Anonymous requests per address and minute by default: 300 evaluators behind one NAT casting within the hour stay far below. */
export const DEFAULT_ANONYMOUS_RATE = 600;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4/IPv6 address, optionally with a `/prefix`, or one of proxy-addr's names. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `PINGYI_TRUST_PROXY`: off, or a comma-separated list of the reverse proxies'
 * addresses or subnets (`loopback`, `10.0.0.5`, `10.0.0.0/8`, `fd00::/8`). A hop
 * count or "trust everyone" is refused: it would believe the `X-Forwarded-For` of
 * any client that reaches the port directly.
 */
function parseTrustProxy(raw: string | undefined): false | readonly string[] {
  if (raw === undefined || raw.trim() === '' || FALSE.has(raw.trim().toLowerCase())) return false;
  const entries = raw
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (entries.every((entry) => /^\d+$/.test(entry) || TRUE.has(entry))) {
    return invalid(
      'PINGYI_TRUST_PROXY',
      'must list the addresses or subnets of your reverse proxies (e.g. loopback, 10.0.0.5, 10.0.0.0/8), or be off; a hop count or "on" would believe the X-Forwarded-For of any client that reaches the port directly',
      raw,
    );
  }
  const bad = entries.find((entry) => !isProxyAddress(entry));
  if (bad !== undefined)
    return invalid(
      'PINGYI_TRUST_PROXY',
      `"${bad}" is not an IP address, a subnet like 10.0.0.0/8, loopback, linklocal or uniquelocal`,
      raw,
    );
  return entries;
}

/** `HOST`: an IP address or a host name to listen on. */
function parseHost(raw: string | undefined, nodeEnv: PingyiConfig['nodeEnv']): string {
  const fallback = nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1';
  if (raw === undefined || raw.trim() === '') return fallback;
  const host = raw.trim();
  if (net.isIP(host) === 0 && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(host)) {
    return invalid(
      'HOST',
      'must be an IP address (0.0.0.0 for every interface, 127.0.0.1 for this machine only) or a host name',
      raw,
    );
  }
  return host;
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

// Without Redis the work waits in this process: an instance with no worker would never do it.
function parseWorkers(raw: string | undefined, redisUrl: string | undefined): number {
  const workers = parseIntegerEnv('PINGYI_WORKERS', raw, 2, 0, 64);
  if (workers === 0 && redisUrl === undefined)
    invalid('PINGYI_WORKERS', 'may be 0 only with REDIS_URL (another instance then does the work)', String(raw));
  return workers;
}
