// Helpers shared by the ballot benchmarks: a throwaway database, a campaign
// with 80 appraised units through the real GraphQL API, and small clients.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';

export const PG_URL = process.env.PG_TEST_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const ADMIN_PASSWORD = 'bench-admin-password-1';
export const LEVEL_LABELS = ['满意', '比较满意', '基本满意', '不太满意', '不满意', '不了解'];
export const LEVEL_CODES = [
  'satisfied',
  'fairlySatisfied',
  'basicallySatisfied',
  'notVerySatisfied',
  'dissatisfied',
  'unknown',
];

/** A fresh SQLite directory or PostgreSQL database, and how to remove it. */
export interface BenchDatabase {
  readonly env: Record<string, string>;
  readonly kind: 'sqlite' | 'postgres';
  readonly dataDir: string;
  readonly url?: string;
  drop(): Promise<void>;
}

export async function pgReachable(): Promise<boolean> {
  const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    console.warn(
      `PostgreSQL part skipped: ${PG_URL.replace(/:[^:@/]*@/, ':***@')} unreachable (${(error as Error).message})`,
    );
    return false;
  }
}

export async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-'));
  if (kind === 'sqlite')
    return {
      kind,
      dataDir,
      env: { PINGYI_DATA_DIR: dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  const name = `pingyi_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const admin = new Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    url: url.toString(),
    env: { PINGYI_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      const again = new Client({ connectionString: PG_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs one GraphQL operation and fails on any error or error result. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  for (const value of Object.values(body.data ?? {})) {
    if ((value as { errorCode?: string } | null)?.errorCode)
      throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(value)}`);
  }
  return body.data as T;
}

export async function login(url: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    url,
    `mutation($p: String!) { login(username: "admin", password: $p) { ... on LoginSuccess { token } } }`,
    { p: ADMIN_PASSWORD },
  );
  return data.login.token;
}

/** The 80 appraised unit codes of the bench campaign. */
export const UNIT_CODES = Array.from({ length: 80 }, (_, i) => `unit-${String(i + 1).padStart(2, '0')}`);

/** A campaign whose appraisal window holds today, with 80 appraised units and two large groups; returns its id. */
export async function benchCampaign(url: string, token: string): Promise<string> {
  const day = (offset: number): string =>
    new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const phases = [
    { code: 'mobilization', label: '动员部署', start: day(-40), end: day(-31) },
    { code: 'implementation', label: '组织实施', start: day(-30), end: day(-11) },
    { code: 'appraisal', label: '接受评议', start: day(-10), end: day(20) },
    { code: 'rectification', label: '整改提高', start: day(21), end: day(40) },
  ];
  const policy = {
    version: 1,
    scale: LEVEL_CODES.map((code, i) => ({ code, label: LEVEL_LABELS[i], points: i === 5 ? null : 100 - 15 * i })),
    strategy: { code: 'weighted-mean', args: {} },
    tiers: [{ code: 'all', label: '全部', min: null }],
  };
  const created = await gql<{ createCampaign: { id: string } }>(
    url,
    `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ... on Campaign { id } ... on ErrorResult { errorCode message } } }`,
    {
      input: {
        year: Number(phases[0]?.start.slice(0, 4)),
        name: '基准测试评议',
        phases,
        guidingPrinciple: '基准',
        objectives: [{ number: 1, title: '目标', text: '目标' }],
        requirements: [{ number: 1, title: '要求', text: '要求' }],
        evaluatorGroups: [
          { code: 'residents', label: '城乡居民', quota: 200_000 },
          { code: 'enterprises', label: '企业代表', quota: 200_000 },
        ],
        policyJson: JSON.stringify(policy),
      },
    },
    token,
  );
  const id = created.createCampaign.id;
  const units = [
    { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
    ...UNIT_CODES.map((code, i) => ({ code, name: `单位${i + 1}`, parentCode: 'bureau', appraised: true })),
  ];
  await gql(
    url,
    `mutation($c: ID!, $u: [UnitInput!]!) { setUnits(campaignId: $c, units: $u) { ... on ErrorResult { errorCode message } } }`,
    { c: id, u: units },
    token,
  );
  return id;
}

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Writes a report next to the others (reports/bench-*.json). */
export function writeReport(name: string, report: unknown): void {
  const dir = path.resolve(__dirname, '../reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `bench-${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}

/** How many ballots wait in the ballot box, read beside the server (the mixer empties it on its timer). */
export async function boxSize(db: BenchDatabase): Promise<number> {
  if (db.kind === 'sqlite') {
    const file = new Database(path.join(db.dataDir, 'pingyi.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return Number((file.prepare('SELECT COUNT(*) AS n FROM ballot_box').get() as { n: number }).n);
    } finally {
      file.close();
    }
  }
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM ballot_box')).rows[0]?.n);
  } finally {
    await client.end();
  }
}

/** Resolves once the ballot box is empty (polled every half second). */
export async function boxEmptied(db: BenchDatabase): Promise<void> {
  while ((await boxSize(db)) > 0) await new Promise((resolve) => setTimeout(resolve, 500));
}

/**
 * Runs a benchmark's `main` and ends the process with its verdict: 0 when it
 * finished (or the exit code it set), 1 when it threw, and 1 when the event
 * loop ran dry before it settled. That last case is a benchmark stuck on a
 * promise nothing will settle (a server's close after a failed write), which
 * Node would otherwise end with exit code 0, reporting a failure as a pass.
 */
export function runBench(name: string, main: () => Promise<void>): void {
  let settled = false;
  process.on('beforeExit', () => {
    if (settled) return;
    console.error(`${name}: stopped before it finished (it waited on something that never settled)`);
    process.exit(1);
  });
  main().then(
    () => {
      settled = true;
      process.exit(process.exitCode ?? 0);
    },
    (error: unknown) => {
      settled = true;
      console.error(`${name} failed:`, error);
      process.exit(1);
    },
  );
}
