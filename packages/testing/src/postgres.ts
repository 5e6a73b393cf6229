import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server tests use: `PG_TEST_URL`, by default the local `test` database. */
export const DEFAULT_PG_TEST_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function pgTestUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.PG_TEST_URL?.trim() || DEFAULT_PG_TEST_URL;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database name no other test run uses. */
export function uniqueDatabaseName(prefix = 'pingyi_test'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the server of `url` and returns its URL. */
export async function createPostgresDatabase(url: string, name = uniqueDatabaseName()): Promise<string> {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name ${name}`);
  await withAdminClient(url, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(url, name);
}

/** Drops a database made by {@link createPostgresDatabase}, closing leftover connections. */
export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name ${name}`);
  await withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const probes = new Map<string, { ok: boolean; reason: string }>();

/**
 * Whether the PostgreSQL server at `url` accepts connections. Synchronous
 * (a child process tries to connect, 3 s at most) so test files can decide
 * at collection time; the answer is cached per URL.
 */
export function probePostgres(url: string = pgTestUrl()): { ok: boolean; reason: string } {
  const cached = probes.get(url);
  if (cached) return cached;
  const script = `
    const { Client } = require('pg');
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.query('SELECT 1')).then(() => c.end()).then(
      () => process.exit(0),
      (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, url], { encoding: 'utf8', timeout: 8_000, cwd: __dirname });
  const probe =
    result.status === 0
      ? { ok: true, reason: '' }
      : { ok: false, reason: (result.stderr || result.error?.message || 'no answer').trim() };
  probes.set(url, probe);
  return probe;
}

/** `true` when PostgreSQL at `PG_TEST_URL` is reachable. */
export function postgresAvailable(url: string = pgTestUrl()): boolean {
  return probePostgres(url).ok;
}
