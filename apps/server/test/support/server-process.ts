import { TEST_ADMIN_PASSWORD, TestServer } from '@pingyi/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { Client } from 'pg';
import { type JsonObject } from './ballot-fixtures';
import * as path from 'node:path';

const APP_DIR = path.resolve(__dirname, '../..');

/** The real server (apps/server src/main.ts, the composition root) in a child process. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hook runs. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `src/main.ts` with `env` on a free port and waits for "Pingyi is running at".
 * `detached` starts it in a session of its own, without a controlling terminal (as a service runs).
 */
export function startServerProcess(
  env: Record<string, string | undefined>,
  options: { detached?: boolean } = {},
): Promise<ServerProcess> {
  // node itself runs the server (with tsx's loader), so a signal reaches the server, not a wrapper
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: APP_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      PINGYI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      PINGYI_DEMO: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Pingyi is running at (http:\/\/\S+?)\/ /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1].replace('localhost', '127.0.0.1'),
          child,
          output: () => output,
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it started:\n${output}`));
    });
  });
}

/** A small GraphQL client for a server process. */
export async function gqlAt(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  timeoutMs = 30_000,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: JsonObject; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data: JsonObject; errors?: unknown[] };
  return { status: response.status, ...body };
}

/**
 * A server process as the fixtures' `TestServer`: its `gql` over HTTP (and
 * what the kit builds on it, `gqlOk`). `url` is read at each call, so a
 * client made before a restart speaks to the restarted server.
 */
export const clientAt = (url: string | (() => string)): TestServer =>
  Object.assign(Object.create(TestServer.prototype) as TestServer, {
    gql: (query: string, variables: Record<string, unknown>, bearer?: string, headers: Record<string, string> = {}) =>
      gqlAt(typeof url === 'string' ? url : url(), query, variables, bearer, 30_000, headers),
  });

/** The host admin's token on a server process. */
export async function adminTokenAt(url: string): Promise<string> {
  const login = await gqlAt(
    url,
    'mutation($p: String!) { login(username: "admin", password: $p) { ... on LoginSuccess { token } } }',
    { p: TEST_ADMIN_PASSWORD },
  );
  return login.data.login.token as string;
}

// better-sqlite3 has no type declarations here; this is the part the tests use
interface SqliteReader {
  prepare(sql: string): { get(): unknown };
  close(): void;
}
const Database = createRequire(__filename)('better-sqlite3') as new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => SqliteReader;

/**
 * The first column of the first row of each query, read beside the server
 * (not through it): PostgreSQL at `databaseUrl`, else the SQLite file in
 * `dataDir`, read-only (SQLite's WAL lets a reader in during the server's write).
 */
export async function readBeside(
  where: { readonly databaseUrl?: string | undefined; readonly dataDir: string },
  sql: readonly string[],
): Promise<unknown[]> {
  if (where.databaseUrl) {
    const client = new Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      const results = await Promise.all(sql.map((query) => client.query<{ n: unknown }>(query)));
      return results.map((result) => result.rows[0]?.n);
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(where.dataDir, 'pingyi.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return sql.map((query) => (db.prepare(query).get() as { n: unknown } | undefined)?.n);
  } finally {
    db.close();
  }
}
