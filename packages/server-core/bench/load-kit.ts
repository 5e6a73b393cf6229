// What the load benchmarks share: the server in its own process (so load
// generator and server do not share a thread), autocannon (as fast as answered)
// and the open loop (a fixed arrival rate), a ballot rating all
// 80 units, and access codes issued through the API.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { gql, LEVEL_CODES, UNIT_CODES } from './bench-kit';
import { openLoop, type OpenLoopResult } from './open-loop';

export interface AutocannonResult {
  duration: number;
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { total: number };
}
export interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
export type Autocannon = (options: {
  url: string;
  connections: number;
  overallRate: number;
  amount: number;
  timeout: number;
  requests: {
    method: string;
    path: string;
    headers: Record<string, string>;
    setupRequest: (request: AutocannonRequest) => AutocannonRequest | null;
    onResponse: (status: number, body: string) => void;
  }[];
}) => Promise<AutocannonResult>;
export const autocannon = createRequire(__filename)('autocannon') as Autocannon;

/** A bench script (`server-process.ts`, `raw-cast-server.ts`) in its own process; resolves once it prints "LISTENING <url>". */
export function startProcess(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...process.execArgv, path.resolve(__dirname, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}):\n${output}`)));
  });
}

/** SIGTERM, then SIGKILL after 5 s. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  child.kill('SIGKILL');
}

/** A ballot rating every one of the 80 units. */
export const RATINGS = UNIT_CODES.map((unit, u) => ({ unit, level: LEVEL_CODES[u % 6] as string }));
export const CAST =
  'mutation($input: CastBallotInput!) { castBallot(input: $input) { __typename ... on BallotReceipt { receiptNumber } ... on ErrorResult { errorCode } } }';

/** `n` fresh access codes of the residents' group. */
export async function issueCodes(url: string, token: string, campaignId: string, n: number): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < n) {
    const data = await gql<{ issueAccessCodes: { codes: string[] } }>(
      url,
      'mutation($c: ID!, $n: Int!) { issueAccessCodes(campaignId: $c, group: "residents", count: $n) { ... on IssuedAccessCodes { codes } ... on ErrorResult { errorCode message } } }',
      { c: campaignId, n: Math.min(20_000, n - codes.length) },
      token,
    );
    codes.push(...data.issueAccessCodes.codes);
  }
  return codes;
}

/**
 * castBallot at a fixed arrival rate for `seconds` against `url`, one fresh
 * code of `codes` per request, evenly spaced over at most `connections`
 * keep-alive connections ({@link openLoop}); counts receipts and everything else.
 */
export function castLoad(options: {
  readonly url: string;
  readonly rate: number;
  readonly seconds: number;
  readonly connections: number;
  readonly codes: readonly string[];
}): Promise<OpenLoopResult> {
  return openLoop({
    url: `${options.url}/graphql`,
    rate: options.rate,
    seconds: options.seconds,
    connections: options.connections,
    body: (i) => {
      const code = options.codes[i];
      if (!code) throw new Error('ran out of codes');
      return JSON.stringify({ query: CAST, variables: { input: { code, ratings: RATINGS } } });
    },
    accept: (body) => body.includes('"BallotReceipt"'),
  });
}
