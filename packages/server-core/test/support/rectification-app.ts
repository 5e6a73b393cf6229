import { type DynamicModule, Global, Module } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { describe, it } from 'vitest';
import { bootstrap, definePingyiFeature, loadConfig, type RunningServer, Role } from '../../src';
import { RECTIFICATION_CLOCK, type RectificationClock } from '../../src/rectification/rectification-clock';

// graphql ships CommonJS and ESM builds. Nest loads the CommonJS one, and the
// sources these tests run must share it (two copies of graphql refuse each
// other's types), so each e2e file starts with (vitest hoists it):
//   vi.mock('graphql', async () => (await import('node:module')).createRequire(__filename)('graphql'));

// Boots the real server from this package's sources (the test kit depends on
// server-core, so server-core's own e2e tests cannot depend on it), with a
// clock the test sets, and speaks GraphQL to it over HTTP like any client.

export type TestDb = 'sqlite' | 'postgres';

export const PG_URL = process.env.PG_TEST_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
const ADMIN_PASSWORD = 'test-admin-password-1';
const USER_PASSWORD = 'test-user-password-1';

/** A clock the test moves: `clock.set('2026-12-01T04:00:00Z')`. */
export class TestClock implements RectificationClock {
  private instant: Date;

  constructor(iso: string) {
    this.instant = new Date(iso);
  }

  set(iso: string): void {
    this.instant = new Date(iso);
  }

  now(): Date {
    return new Date(this.instant.getTime());
  }
}

@Global()
@Module({})
class TestClockModule {
  static with(clock: TestClock): DynamicModule {
    return {
      module: TestClockModule,
      providers: [{ provide: RECTIFICATION_CLOCK, useValue: clock }],
      exports: [RECTIFICATION_CLOCK],
    };
  }
}

const admin = (url: string) => new DataSource({ type: 'postgres', url, connectTimeoutMS: 3000 });

let reachable: boolean | undefined;

/**
 * `describe` for a suite on PostgreSQL: skipped with a printed reason when
 * `PG_TEST_URL` does not answer, except under `CI`, where PostgreSQL is
 * required and the suite fails instead (as the test kit's describeOnPostgres).
 */
export function describeOnPostgres(name: string, suite: () => void): void {
  if (postgresReachable()) {
    describe(`${name} [postgres]`, suite);
  } else if (process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') {
    describe(`${name} [postgres]`, () => {
      it('needs PostgreSQL (required in CI)', () => {
        throw new Error(`CI is set but PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable`);
      });
    });
  } else {
    describe.skip(`${name} [postgres] (skipped: PostgreSQL unreachable)`, suite);
  }
}

/**
 * True when PostgreSQL answers at `PG_TEST_URL`. Synchronous (a child process
 * tries to connect) so a test file can decide at collection time; when it
 * does not answer, the reason is printed and the PostgreSQL suites are skipped.
 */
export function postgresReachable(): boolean {
  if (reachable !== undefined) return reachable;
  const script = `const { Client } = require('pg');
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); });`;
  const probe = spawnSync(process.execPath, ['-e', script, PG_URL], {
    encoding: 'utf8',
    timeout: 8000,
    cwd: __dirname,
  });
  reachable = probe.status === 0;
  if (!reachable) {
    console.warn(
      `Skipping the PostgreSQL suites: ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is unreachable (${(probe.stderr || probe.error?.message || 'no answer').trim()})`,
    );
  }
  return reachable;
}

/** A GraphQL answer. */
export interface Gql {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary shapes
  readonly data: any;
  readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;
}

/** The seed plan's four phases in `year`, rectification to the year's end. */
export function seedPhases(year: number) {
  return [
    { code: 'mobilization', label: '动员部署', start: `${year}-06-18`, end: `${year}-06-30` },
    { code: 'implementation', label: '组织实施', start: `${year}-07-01`, end: `${year}-10-15` },
    { code: 'appraisal', label: '接受评议', start: `${year}-10-16`, end: `${year}-11-15` },
    { code: 'rectification', label: '整改提高', start: `${year}-11-16`, end: `${year}-12-31` },
  ];
}

/** The units every test campaign has. */
export const TEST_UNITS = [
  'unit-a',
  'unit-b',
  'unit-c',
  'unit-d',
  'unit-e',
  'unit-f',
  'unit-r',
  'unit-t',
  'unit-0',
  'unit-1',
  'unit-2',
  'unit-3',
];

const POLICY = JSON.stringify({
  version: 1,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'dissatisfied', label: '不满意', points: 40 },
    { code: 'unknown', label: '不了解', points: null },
  ],
  strategy: { code: 'weighted-mean', args: {} },
  decimals: 2,
  tiers: [{ code: 'ok', label: '满意', min: null }],
});

/** The real server on a throwaway database, a test clock, and helpers to act as each role. */
export class RectificationApp {
  private readonly tokens = new Map<string, string>();
  private users = 0;

  private constructor(
    private readonly running: RunningServer,
    readonly dataDir: string,
    readonly clock: TestClock,
    readonly database: TestDb,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async start(database: TestDb, now = '2026-12-01T04:00:00Z'): Promise<RectificationApp> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-rect-'));
    let dbName: string | undefined;
    let url: string | undefined;
    if (database === 'postgres') {
      dbName = `pingyi_rect_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      const source = admin(PG_URL);
      await source.initialize();
      await source.query(`CREATE DATABASE "${dbName}"`);
      await source.destroy();
      const parsed = new URL(PG_URL);
      parsed.pathname = `/${dbName}`;
      url = parsed.toString();
    }
    const cleanup = async (): Promise<void> => {
      if (dbName) {
        const source = admin(PG_URL);
        await source.initialize();
        await source.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        await source.destroy();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    const clock = new TestClock(now);
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      PINGYI_DATA_DIR: dataDir,
      PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PINGYI_DEMO: '0',
      DATABASE_URL: url,
    });
    const running = await bootstrap(config, {
      plugins: [definePingyiFeature({ name: 'test-clock', module: TestClockModule.with(clock) })],
      host: '127.0.0.1',
      logLevels: ['error'],
    });
    return new RectificationApp(running, dataDir, clock, database, cleanup);
  }

  get url(): string {
    return this.running.url;
  }

  get dataSource(): DataSource {
    return this.running.dataSource;
  }

  /** Gets a Nest provider (services, for fixtures). */
  get<T>(type: new (...args: never[]) => T): T {
    return this.running.app.get(type);
  }

  async gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Gql> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Gql['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors };
  }

  /** A plain HTTP request with the bearer token. */
  http(pathname: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
    const { token, headers, ...rest } = init;
    return fetch(`${this.url}${pathname}`, {
      ...rest,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string>) },
    });
  }

  /** Like {@link gql} but throws on GraphQL errors. */
  async ok(query: string, variables: Record<string, unknown>, token: string): Promise<Gql['data']> {
    const answer = await this.gql(query, variables, token);
    if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  async login(username: string, password: string): Promise<string> {
    const { data } = await this.gql(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on ErrorResult { message } } }',
      { u: username, p: password },
    );
    if (!data?.login?.token) throw new Error(`login ${username}: ${JSON.stringify(data)}`);
    return data.login.token as string;
  }

  adminToken(): Promise<string> {
    return this.cached('admin', () => this.login('admin', ADMIN_PASSWORD));
  }

  /**
   * A user with these roles (a liaison of `unitCode`), created on first use
   * by `token`'s admin (default: the host admin); `tag` makes a second user
   * with the same roles. Returns a token.
   */
  as(roles: Role | Role[], unitCode: string | null = null, token?: string, tag = ''): Promise<string> {
    const list = Array.isArray(roles) ? roles : [roles];
    const key = `${list.join('+')}:${unitCode ?? ''}:${token ?? ''}:${tag}`;
    return this.cached(key, async () => {
      this.users += 1;
      const username = `u${this.users}-${list.join('-')}`.slice(0, 60);
      return this.createNamedUser(username, username, list, unitCode, token);
    });
  }

  /** Creates a user with a display name (a supervising leader is named by it); returns a token. */
  async createNamedUser(
    username: string,
    displayName: string,
    roles: Role[],
    unitCode: string | null = null,
    token?: string,
  ): Promise<string> {
    const created = await this.gql(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { __typename ... on ErrorResult { message } } }',
      { input: { username, displayName, password: USER_PASSWORD, roles, unitCode } },
      token ?? (await this.adminToken()),
    );
    if (created.data?.createUser?.__typename !== 'User') throw new Error(`createUser: ${JSON.stringify(created)}`);
    return this.login(username, USER_PASSWORD);
  }

  /** A liaison of `unitCode`. */
  liaison(unitCode: string): Promise<string> {
    return this.as(Role.liaison, unitCode);
  }

  /** Adds another bureau; returns its id and its first admin's token. */
  async createBureau(code: string): Promise<{ bureauId: number; adminToken: string }> {
    const adminUsername = `${code}-admin`;
    const data = await this.ok(
      'mutation($input: CreateBureauInput!) { createBureau(input: $input) { __typename ... on Bureau { id } ... on ErrorResult { message } } }',
      { input: { code, name: `Bureau ${code}`, adminUsername, adminPassword: ADMIN_PASSWORD } },
      await this.adminToken(),
    );
    if (data.createBureau.__typename !== 'Bureau') throw new Error(`createBureau: ${JSON.stringify(data)}`);
    return { bureauId: Number(data.createBureau.id), adminToken: await this.login(adminUsername, ADMIN_PASSWORD) };
  }

  /** Creates a campaign (seed phases of `year` unless given) with the units tests use, and returns its id. */
  async createCampaign(
    options: {
      year?: number;
      timeZone?: string;
      token?: string;
      phases?: ReturnType<typeof seedPhases>;
      units?: readonly string[];
    } = {},
  ): Promise<string> {
    const year = options.year ?? 2026;
    const data = await this.ok(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { errorCode message } } }`,
      {
        input: {
          year,
          name: `评议 ${year} ${options.timeZone ?? ''}`.trim(),
          timeZone: options.timeZone ?? null,
          phases: options.phases ?? seedPhases(year),
          guidingPrinciple: '指导思想',
          objectives: [{ number: 1, title: '目标', text: '正文' }],
          requirements: [{ number: 1, title: '要求', text: '正文' }],
          evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 100 }],
          policyJson: POLICY,
        },
      },
      options.token ?? (await this.adminToken()),
    );
    if (data.createCampaign.__typename !== 'Campaign') throw new Error(`createCampaign: ${JSON.stringify(data)}`);
    const id = data.createCampaign.id as string;
    const units = (options.units ?? TEST_UNITS).map((code) => ({
      code,
      name: `单位 ${code}`,
      parentCode: null,
      appraised: true,
    }));
    const set = await this.ok(
      'mutation($c: ID!, $units: [UnitInput!]!) { setUnits(campaignId: $c, units: $units) { __typename ... on ErrorResult { message } } }',
      { c: id, units },
      options.token ?? (await this.adminToken()),
    );
    if (set.setUnits.__typename === undefined || 'message' in set.setUnits)
      throw new Error(`setUnits: ${JSON.stringify(set)}`);
    return id;
  }

  async close(): Promise<void> {
    await this.running.close();
    await this.cleanup();
  }

  private async cached(key: string, make: () => Promise<string>): Promise<string> {
    const known = this.tokens.get(key);
    if (known) return known;
    const token = await make();
    this.tokens.set(key, token);
    return token;
  }
}
