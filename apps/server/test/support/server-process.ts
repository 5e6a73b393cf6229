import { TEST_ADMIN_PASSWORD, type TestServer } from '@pingyi/testing';
import { type ChildProcess, spawn } from 'node:child_process';
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
): Promise<{ data: JsonObject; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await response.json()) as { data: JsonObject; errors?: unknown[] };
}

/** A server process as the fixtures' `TestServer`: its `gql` only, over HTTP. */
export const clientAt = (url: string): TestServer =>
  ({
    gql: async (query: string, variables: Record<string, unknown>, bearer?: string) => ({
      status: 200,
      ...(await gqlAt(url, query, variables, bearer)),
    }),
  }) as unknown as TestServer;
