// Work-item list benchmark: pages of `workItems` over 10,000 items, each with
// its theme and two ordered lead units (to-many joins, where an N+1 would
// show), on SQLite and PostgreSQL. Prints SQL statements per page (goal ≤ 3)
// and the median time of the GraphQL query (a whole request: token, campaign,
// the page) and of the service call against the same three statements written
// by hand and sent through the raw driver, in turns.
// Run: npm run bench (builds first; this file uses dist/).
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import * as core from '../dist/index.js';
import { freshDatabase, pgReachable, runBench } from './bench-kit';

const ITEMS = 10_000;
const UNITS = 80;
const REPEAT = Number(process.env.BENCH_REPEAT || 21);
const PAGES = [
  { skip: 0, take: 20 },
  { skip: 5_000, take: 20 },
  { skip: 9_900, take: 100 },
];
const LIST = `query($c: ID!, $skip: Int, $take: Int) { workItems(campaignId: $c, options: { skip: $skip, take: $take }) {
  totalItems items { id number text progress theme { code title } leadUnits { code name } } } }`;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

interface Row {
  database: string;
  skip: number;
  take: number;
  statements: number;
  graphqlMs: number;
  serviceMs: number;
  bareMs: number;
}

type Bare = (sql: string, params: unknown[]) => Promise<unknown>;

// The three statements the list needs, by hand: the page joined to its theme, the count, the page's lead units.
async function bareList(
  bare: Bare,
  p: (i: number) => string,
  campaignId: number,
  skip: number,
  take: number,
): Promise<unknown> {
  const [page] = await Promise.all([
    bare(
      `SELECT i.id, i.number, i.text, i.progress, t.code, t.title FROM work_item i INNER JOIN theme t ON t.id = i.theme_id
       WHERE i.campaign_id = ${p(1)} ORDER BY t.number ASC, i.number ASC, i.id ASC LIMIT ${p(2)} OFFSET ${p(3)}`,
      [campaignId, take, skip],
    ) as Promise<{ id: number }[]>,
    bare(`SELECT COUNT(*) AS n FROM work_item i WHERE i.campaign_id = ${p(1)}`, [campaignId]),
  ]);
  const ids = page.map((row) => Number(row.id));
  return bare(
    `SELECT l.work_item_id, l.position, u.code, u.name FROM work_item_lead_unit l INNER JOIN unit u ON u.id = l.unit_id WHERE l.work_item_id IN (${ids.map((_, k) => p(k + 1)).join(', ') || 'NULL'})`,
    ids,
  );
}

async function runOn(
  database: string,
  env: Record<string, string | undefined>,
  seed: (sql: string, rows: unknown[][]) => Promise<void>,
  bare: Bare,
  p: (i: number) => string,
): Promise<Row[]> {
  const config = core.loadConfig({
    NODE_ENV: 'production',
    PINGYI_SECRET: 'bench-secret-0123456789abcdef0123456789',
    PORT: '0',
    PINGYI_DEMO: '0',
    PINGYI_ADMIN_PASSWORD: 'bench-admin-password',
    ...env,
  });
  const counter = new core.StatementCounter();
  const server = await core.bootstrap(config, { host: '127.0.0.1', logLevels: ['error'], sqlLogger: counter });
  try {
    const gql = async (query: string, variables: Record<string, unknown>, token?: string): Promise<string> => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.text();
    };
    const token = JSON.parse(
      await gql(
        'mutation { login(username: "admin", password: "bench-admin-password") { ... on LoginSuccess { token } } }',
        {},
      ),
    ).data.login.token as string;
    const phases = [
      { code: 'mobilization', label: '动员部署', start: '2026-06-18', end: '2026-06-30' },
      { code: 'implementation', label: '组织实施', start: '2026-07-01', end: '2026-10-15' },
    ];
    const policy = {
      version: 1,
      scale: [
        { code: 'satisfied', points: 100 },
        { code: 'unknown', points: null },
      ],
      strategy: { code: 'weighted-mean' },
    };
    const created = JSON.parse(
      await gql(
        'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { message } } }',
        {
          input: {
            year: 2026,
            name: 'Benchmark',
            phases,
            guidingPrinciple: '基准',
            objectives: [],
            requirements: [],
            evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 10 }],
            policyJson: JSON.stringify(policy),
          },
        },
        token,
      ),
    );
    const campaignId = Number(created.data.createCampaign.id);
    const units = [
      { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
      ...Array.from({ length: UNITS }, (_, u) => ({
        code: `unit-${u + 1}`,
        name: `单位${u + 1}`,
        parentCode: 'bureau',
        appraised: true,
      })),
    ];
    await gql(
      'mutation($c: ID!, $u: [UnitInput!]!) { setUnits(campaignId: $c, units: $u) { __typename } }',
      { c: campaignId, u: units },
      token,
    );
    const themes = Array.from({ length: 10 }, (_, t) => ({
      code: `theme-${t + 1}`,
      number: t + 1,
      title: `主题${t + 1}`,
    }));
    await gql(
      'mutation($c: ID!, $t: [ThemeInput!]!) { setThemes(campaignId: $c, themes: $t) { __typename } }',
      { c: campaignId, t: themes },
      token,
    );
    const bureauId = Number((await server.dataSource.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id);
    const themeIds = (
      await server.dataSource.query(`SELECT id FROM theme WHERE campaign_id = ${campaignId} ORDER BY number`)
    ).map((r: { id: number }) => Number(r.id));
    const unitIds = (
      await server.dataSource.query(
        `SELECT id FROM unit WHERE campaign_id = ${campaignId} AND appraised = ${database === 'postgres' ? 'true' : '1'} ORDER BY sort_order`,
      )
    ).map((r: { id: number }) => Number(r.id));
    await seed(
      'work_item',
      Array.from({ length: ITEMS }, (_, i) => [
        bureauId,
        campaignId,
        themeIds[i % 10],
        Math.floor(i / 10) + 1,
        `重点工作 ${i + 1}`,
        i % 101,
      ]),
    );
    const itemIds = (
      await server.dataSource.query(`SELECT id FROM work_item WHERE campaign_id = ${campaignId} ORDER BY id`)
    ).map((r: { id: number }) => Number(r.id));
    await seed(
      'work_item_lead_unit',
      itemIds.flatMap((id: number, i: number) => [
        [id, unitIds[i % UNITS], 0],
        [id, unitIds[(i + 7) % UNITS], 1],
      ]),
    );
    const ctx = core.RequestContext.system({
      id: 1,
      username: 'admin',
      bureauId,
      roles: [core.Role.admin],
      unitCode: null,
    });
    const service = server.app.get(core.WorkItemService);
    const rows: Row[] = [];
    for (const { skip, take } of PAGES) {
      counter.reset();
      const answer = JSON.parse(await gql(LIST, { c: campaignId, skip, take }, token));
      if (answer.data?.workItems?.totalItems !== ITEMS)
        throw new Error(`workItems: ${JSON.stringify(answer).slice(0, 300)}`);
      // the token lookup and the campaign are per request, not per page
      const statements = counter.statements.filter((s) => /work_item/.test(s.sql)).length;
      if (process.env.BENCH_SHOW_SQL) for (const s of counter.statements) console.log(s.sql.slice(0, 200));
      const samples = { graphql: [] as number[], service: [] as number[], bare: [] as number[] };
      for (let i = 0; i < REPEAT + 2; i += 1) {
        let start = performance.now();
        await gql(LIST, { c: campaignId, skip, take }, token);
        if (i >= 2) samples.graphql.push(performance.now() - start);
        start = performance.now();
        await service.list(ctx, campaignId, { skip, take });
        if (i >= 2) samples.service.push(performance.now() - start);
        start = performance.now();
        await bareList(bare, p, campaignId, skip, take);
        if (i >= 2) samples.bare.push(performance.now() - start);
      }
      rows.push({
        database,
        skip,
        take,
        statements,
        graphqlMs: median(samples.graphql),
        serviceMs: median(samples.service),
        bareMs: median(samples.bare),
      });
    }
    return rows;
  } finally {
    await server.close();
  }
}

const COLUMNS: Record<string, string> = {
  work_item: 'bureau_id, campaign_id, theme_id, number, text, progress, elided, source_gaps',
  work_item_lead_unit: 'work_item_id, unit_id, position',
};

async function sqlite(): Promise<Row[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-items-'));
  let db: Database.Database | undefined;
  const open = () => (db ??= new Database(path.join(dataDir, 'pingyi.sqlite')));
  try {
    return await runOn(
      'sqlite',
      { PINGYI_DATA_DIR: dataDir },
      async (table, rows) => {
        const conn = open();
        conn.pragma('busy_timeout = 10000');
        const extra = table === 'work_item' ? ", 0, '[]'" : '';
        const width = (rows[0]?.length ?? 0) as number;
        const insert = conn.prepare(
          `INSERT INTO ${table} (${COLUMNS[table]}) VALUES (${Array.from({ length: width }, () => '?').join(', ')}${extra})`,
        );
        conn.transaction(() => rows.forEach((row) => insert.run(...row)))();
        conn.exec('ANALYZE');
      },
      async (sql, params) =>
        open()
          .prepare(sql)
          .all(...params),
      () => '?',
    );
  } finally {
    db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Row[] | string> {
  if (!(await pgReachable())) return 'PostgreSQL is unreachable; set PG_TEST_URL to run it';
  const pg = await freshDatabase('postgres');
  const client = new Client({ connectionString: pg.url });
  try {
    await client.connect();
    return await runOn(
      'postgres',
      { DATABASE_URL: pg.url as string, PINGYI_DATA_DIR: pg.dataDir },
      async (table, rows) => {
        const width = (rows[0]?.length ?? 0) as number;
        const columns = Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));
        const types =
          table === 'work_item' ? ['int[]', 'int[]', 'int[]', 'int[]', 'text[]', 'int[]'] : ['int[]', 'int[]', 'int[]'];
        const extra = table === 'work_item' ? ", false, '[]'" : '';
        await client.query(
          `INSERT INTO ${table} (${COLUMNS[table]}) SELECT *${extra} FROM unnest(${types.map((t, i) => `$${i + 1}::${t}`).join(', ')})`,
          columns,
        );
        await client.query('ANALYZE');
      },
      async (sql, params) => (await client.query(sql, params)).rows,
      (i) => `$${i}`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await pg.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `Work items: ${ITEMS.toLocaleString('en')} items with theme and 2 lead units each; medians of ${REPEAT} runs in turns`,
  );
  const rows = await sqlite();
  const pg = await postgres();
  if (typeof pg === 'string') console.log(`  skipping PostgreSQL: ${pg}`);
  else rows.push(...pg);
  console.log(
    '\n| database | skip / take | statements per page | `workItems` over GraphQL ms | service ms | bare SQL ms | service ÷ bare |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.database} | ${r.skip.toLocaleString('en')} / ${r.take} | ${r.statements} | ${r.graphqlMs.toFixed(2)} | ${r.serviceMs.toFixed(2)} | ${r.bareMs.toFixed(2)} | ${(r.serviceMs / r.bareMs).toFixed(2)}× |`,
    );
  }
  const worst = Math.max(...rows.map((r) => r.statements));
  console.log(`\nGoal ≤ 3 statements per page: ${worst <= 3 ? 'met' : 'NOT met'} (most ${worst})`);
}

runBench('work-items', main);
