import {
  bootstrap,
  loadConfig,
  type PingyiConfig,
  type PingyiFeature,
  type QueryLimits,
  type RunningServer,
  Role,
  StatementCounter,
} from '@pingyi/server-core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPostgresDatabase, dropPostgresDatabase, pgTestUrl, uniqueDatabaseName } from './postgres';

export type TestDatabase = 'sqlite' | 'postgres';

export interface TestServerOptions {
  /** Default `sqlite` (a temporary file); `postgres` makes a fresh database on `PG_TEST_URL`. */
  readonly database?: TestDatabase;
  /** Extra environment for {@link loadConfig} (NODE_ENV, PINGYI_INTROSPECTION...). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Extra features (plugins, test-only modules). */
  readonly plugins?: readonly PingyiFeature[];
  /** Build the schema from the entities instead of running the migrations. */
  readonly synchronize?: boolean;
  readonly queryLimits?: QueryLimits;
  /** Keep an existing data directory / database instead of a fresh one (restart tests). */
  readonly reuse?: { readonly dataDir?: string; readonly databaseUrl?: string };
}

/** A GraphQL error as the server sends it. */
export interface GqlError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly [key: string]: unknown };
}

/** What `gql()` returns: the HTTP status and the GraphQL body. */
export interface GqlResponse {
  readonly status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary result shapes
  readonly data: any;
  readonly errors: readonly GqlError[] | undefined;
}

/** A user made by {@link TestServer.createUser}. */
export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
}

/** The password of `admin` in every test server. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';
const TEST_USER_PASSWORD = 'test-user-password-1';

let userSequence = 0;

/** A running Pingyi server for one test file, spoken to over HTTP like any client. */
export class TestServer {
  /** Every SQL statement the server sends (reset it before measuring). */
  readonly sql: StatementCounter;
  private adminTokenCache: string | undefined;
  private readonly roleTokens = new Map<string, string>();

  constructor(
    private readonly running: RunningServer,
    readonly config: PingyiConfig,
    sql: StatementCounter,
    private readonly cleanup: () => Promise<void>,
  ) {
    this.sql = sql;
  }

  get url(): string {
    return this.running.url;
  }

  get app(): RunningServer['app'] {
    return this.running.app;
  }

  get dataSource(): RunningServer['dataSource'] {
    return this.running.dataSource;
  }

  /** The server's data directory (attachments, printed files, the SQLite file). */
  get dataDir(): string {
    return this.config.dataDir;
  }

  /** A Nest provider of the running server (a service a fixture calls directly). */
  get<T>(type: new (...args: never[]) => T): T {
    return this.running.app.get(type);
  }

  /** Sends a raw HTTP request to the server, with `Authorization: Bearer token` when given. */
  fetch(pathname: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
    const { token, headers, ...rest } = init;
    if (!token) return fetch(`${this.url}${pathname}`, init);
    return fetch(`${this.url}${pathname}`, {
      ...rest,
      headers: { ...(headers as Record<string, string> | undefined), authorization: `Bearer ${token}` },
    });
  }

  /** POSTs one GraphQL operation to `/graphql`, with `Authorization: Bearer token` when given. */
  async gql(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse> {
    const response = await this.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: GqlError[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors };
  }

  /**
   * The data of an operation that must not fail as a request: throws on
   * GraphQL errors (an error result such as `InvalidTransitionError` is data).
   */
  async gqlData(query: string, variables: Record<string, unknown>, token?: string): Promise<GqlResponse['data']> {
    const answer = await this.gql(query, variables, token);
    if (answer.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }

  /**
   * The data of an operation that must succeed: throws, naming the operation,
   * on GraphQL errors and on any error result among the root fields.
   */
  async gqlOk<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> {
    const { data, errors } = await this.gql(query, variables, token);
    if (errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(errors)}`);
    for (const value of Object.values(data ?? {})) {
      const result = value as { errorCode?: string; __typename?: string } | null;
      if (result?.errorCode || result?.__typename?.endsWith('Error'))
        throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(value)}`);
    }
    return data as T;
  }

  /** Signs in and returns the token; throws with the server's answer when refused. */
  async login(username: string, password: string): Promise<string> {
    const { data, errors } = await this.gql(
      `mutation Login($username: String!, $password: String!) {
        login(username: $username, password: $password) {
          __typename
          ... on LoginSuccess { token }
          ... on ErrorResult { errorCode message }
        }
      }`,
      { username, password },
    );
    const token = data?.login?.token as string | undefined;
    if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(errors ?? data)}`);
    return token;
  }

  /** The token of the first-start `admin` (roles admin and office) of the host bureau. */
  async adminToken(): Promise<string> {
    this.adminTokenCache ??= await this.login('admin', TEST_ADMIN_PASSWORD);
    return this.adminTokenCache;
  }

  /** Creates a user through `createUser` (as `token`'s admin, by default the host admin). */
  async createUser(input: {
    roles: Role[];
    username?: string;
    /** Default: the username (a supervising leader is named by it). */
    displayName?: string;
    unitCode?: string | null;
    password?: string;
    token?: string;
  }): Promise<TestUser> {
    userSequence += 1;
    const username = input.username ?? `user-${input.roles.join('-')}-${userSequence}`;
    const password = input.password ?? TEST_USER_PASSWORD;
    const { data, errors } = await this.gql(
      `mutation CreateUser($input: CreateUserInput!) {
        createUser(input: $input) {
          __typename
          ... on User { id username }
          ... on ErrorResult { errorCode message }
        }
      }`,
      {
        input: {
          username,
          displayName: input.displayName ?? username,
          password,
          roles: input.roles,
          unitCode: input.unitCode ?? null,
        },
      },
      input.token ?? (await this.adminToken()),
    );
    if (data?.createUser?.__typename !== 'User')
      throw new Error(`createUser ${username} failed: ${JSON.stringify(errors ?? data)}`);
    return { id: data.createUser.id as string, username, password };
  }

  /**
   * A token for a user with one role in the host bureau (created on first use,
   * then cached); a liaison acts for `unitCode` (default `unit-a`).
   */
  async loginAs(who: Role | { username: string; password: string }, unitCode = 'unit-a'): Promise<string> {
    if (typeof who === 'object') return this.login(who.username, who.password);
    const key = who === Role.liaison ? `${who}:${unitCode}` : who;
    const cached = this.roleTokens.get(key);
    if (cached) return cached;
    const user = await this.createUser({ roles: [who], unitCode: who === Role.liaison ? unitCode : null });
    const token = await this.login(user.username, user.password);
    this.roleTokens.set(key, token);
    return token;
  }

  /** Adds another bureau with its admin; returns the admin's token (for isolation tests). */
  async createBureau(code: string): Promise<{ bureauId: string; adminUsername: string; adminToken: string }> {
    const adminUsername = `${code}-admin`;
    const { data, errors } = await this.gql(
      `mutation CreateBureau($input: CreateBureauInput!) {
        createBureau(input: $input) { __typename ... on Bureau { id } ... on ErrorResult { errorCode message } }
      }`,
      { input: { code, name: `Bureau ${code}`, adminUsername, adminPassword: TEST_ADMIN_PASSWORD } },
      await this.adminToken(),
    );
    if (data?.createBureau?.__typename !== 'Bureau')
      throw new Error(`createBureau ${code} failed: ${JSON.stringify(errors ?? data)}`);
    return {
      bureauId: data.createBureau.id as string,
      adminUsername,
      adminToken: await this.login(adminUsername, TEST_ADMIN_PASSWORD),
    };
  }

  /** Stops the server and deletes its database (temporary SQLite file or PostgreSQL database). */
  async close(options: { keepData?: boolean } = {}): Promise<void> {
    await this.running.close();
    if (!options.keepData) await this.cleanup();
  }
}

/**
 * Starts the real Pingyi server (Nest, GraphQL, migrations) on an ephemeral
 * port with a throwaway database: a temporary SQLite file, or a uniquely named
 * PostgreSQL database on `PG_TEST_URL` that is dropped on `close()`.
 */
export async function createTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? 'sqlite';
  const dataDir = options.reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-test-'));
  let databaseUrl = options.reuse?.databaseUrl;
  let databaseName: string | undefined;
  if (database === 'postgres' && !databaseUrl) {
    databaseName = uniqueDatabaseName();
    databaseUrl = await createPostgresDatabase(pgTestUrl(), databaseName);
  }
  const cleanup = async (): Promise<void> => {
    if (databaseName) await dropPostgresDatabase(pgTestUrl(), databaseName);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const env: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    PORT: '0',
    PINGYI_DATA_DIR: dataDir,
    PINGYI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    PINGYI_DEMO: '0',
    ...options.env,
    DATABASE_URL: databaseUrl,
  };
  const config: PingyiConfig = { ...loadConfig(env), synchronize: options.synchronize ?? false };
  const sql = new StatementCounter();
  try {
    const running = await bootstrap(config, {
      plugins: options.plugins ?? [],
      sqlLogger: sql,
      logLevels: ['warn', 'error'],
      ...(options.queryLimits ? { queryLimits: options.queryLimits } : {}),
    });
    return new TestServer(running, config, sql, cleanup);
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}
