// Rectification dashboard benchmark: the dashboard aggregates (rate by unit,
// overdue, due-soon, supervised, look-back and supervision-report counts) over
// 50,000 items in ~80 units, on SQLite and PostgreSQL. Times, in one run on the
// same database: the service (RectificationDashboardService.dashboard: campaign
// lookup, "today" in the campaign's time zone, the aggregate through TypeORM,
// mapping), the same query as a GraphQL request over HTTP, and the bare SQL
// aggregate (the identical statement) through the raw driver. Medians of runs
// taken in turns; goal:
// service ≤ 1.5 × bare SQL. Run: npm run bench (builds first; this file uses dist/).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { addDays, localDateOf, type RectificationState } from '@pingyi/domain';
import * as core from '../dist/index.js';
import { freshDatabase, pgReachable, runBench } from './bench-kit';

const ITEMS = 50_000;
const UNITS = 80;
const REPEAT = 30;
const ADMIN_PASSWORD = 'bench-admin-password-1';

interface Result {
  database: string;
  seedMs: number;
  serviceMs: number;
  graphqlMs: number;
  bareMs: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Medians of `REPEAT` runs of each job, taken in turns so a busy moment of the machine hits them all alike. */
async function timeInTurns(jobs: Record<string, () => Promise<unknown>>): Promise<Record<string, number>> {
  const names = Object.keys(jobs);
  for (const name of names) for (let i = 0; i < 3; i += 1) await jobs[name]?.(); // warm-up
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]]));
  for (let i = 0; i < REPEAT; i += 1) {
    for (const name of names) {
      const start = performance.now();
      await jobs[name]?.();
      samples[name]?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name] ?? [])]));
}

/** A realistic mix: most items in progress or accepted, deadlines a month either side of today, some supervised, some sub-items. */
function* items(bureauId: number, campaignId: number, today: string): Generator<unknown[]> {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const mix: [RectificationState, number][] = [
    ['identified', 0.04],
    ['verified', 0.05],
    ['planned', 0.1],
    ['inProgress', 0.33],
    ['rectified', 0.1],
    ['accepted', 0.33],
    ['dismissed', 0.05],
  ];
  for (let i = 0; i < ITEMS; i += 1) {
    let r = random();
    const state = (mix.find(([, share]) => (r -= share) < 0) ?? mix[3])[0];
    const planned = !['identified', 'verified', 'dismissed'].includes(state);
    const open = !['accepted', 'dismissed'].includes(state);
    const supervised = open && random() < 0.08;
    const deadline = planned ? addDays(today, Math.floor(random() * 61) - 30) : null;
    // one item in ten is a sub-item of the item before it
    const parentId = i > 0 && random() < 0.1 ? 'PREVIOUS' : null;
    yield [
      bureauId,
      campaignId,
      parentId,
      `unit-${String(Math.floor(random() * UNITS)).padStart(2, '0')}`,
      `整改项目 ${i}`,
      '',
      state,
      deadline,
      supervised,
      supervised ? '王惠敏' : null,
      supervised ? 7 : null,
      supervised ? addDays(today, Math.floor(random() * 15) - 7) : null,
      state === 'accepted' ? addDays(today, Math.floor(random() * 61) - 30) : null,
      addDays(today, -40),
      state === 'accepted' ? addDays(today, -5) : null,
    ];
  }
}

const COLUMNS =
  'bureau_id, campaign_id, parent_id, unit_code, title, description, state, deadline, supervised, supervising_leader, reporting_interval_days, supervision_report_due, look_back_due, opened_on, closed_on, evidence';

async function runOn(
  database: 'sqlite' | 'postgres',
  config: core.PingyiConfig,
  bare: (sql: string, params: unknown[]) => Promise<unknown[]>,
  bulkInsert: (rows: unknown[][]) => Promise<void>,
): Promise<Result> {
  const server = await core.bootstrap(config, { host: '127.0.0.1', logLevels: ['error'] });
  try {
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the benchmark reads a few known fields
      return (await response.json()) as { data: any; errors?: unknown[] };
    };
    const login = await gql(
      'mutation($p: String!) { login(username: "admin", password: $p) { ... on LoginSuccess { token } } }',
      { p: ADMIN_PASSWORD },
    );
    const token = login.data.login.token as string;
    const year = 2026;
    const created = await gql(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { message } } }`,
      {
        input: {
          year,
          name: '基准评议',
          phases: [
            { code: 'mobilization', label: '动员部署', start: `${year}-01-01`, end: `${year}-06-30` },
            { code: 'implementation', label: '组织实施', start: `${year}-07-01`, end: `${year}-10-15` },
            { code: 'appraisal', label: '接受评议', start: `${year}-10-16`, end: `${year}-11-15` },
            { code: 'rectification', label: '整改提高', start: `${year}-11-16`, end: `${year}-12-31` },
          ],
          guidingPrinciple: '指导思想',
          objectives: [{ number: 1, title: '目标', text: '正文' }],
          requirements: [{ number: 1, title: '要求', text: '正文' }],
          evaluatorGroups: [{ code: 'residents', label: '城乡居民', quota: 100 }],
          policyJson: JSON.stringify({
            version: 1,
            scale: [
              { code: 'satisfied', label: '满意', points: 100 },
              { code: 'unknown', label: '不了解', points: null },
            ],
            strategy: { code: 'weighted-mean', args: {} },
            tiers: [{ code: 'ok', label: '满意', min: null }],
          }),
        },
      },
      token,
    );
    if (created.data?.createCampaign?.__typename !== 'Campaign')
      throw new Error(`createCampaign: ${JSON.stringify(created)}`);
    const campaignId = Number(created.data.createCampaign.id);
    // the items name units the campaign has (their references are checked at commit)
    const units = [
      { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
      ...Array.from({ length: UNITS }, (_, i) => ({
        code: `unit-${String(i).padStart(2, '0')}`,
        name: `单位${i + 1}`,
        parentCode: 'bureau',
        appraised: true,
      })),
    ];
    const set = await gql(
      'mutation($c: ID!, $u: [UnitInput!]!) { setUnits(campaignId: $c, units: $u) { __typename ... on ErrorResult { message } } }',
      { c: String(campaignId), u: units },
      token,
    );
    if (set.data?.setUnits?.message) throw new Error(`setUnits: ${set.data.setUnits.message}`);
    const bureauId = Number(
      ((await server.dataSource.query(`SELECT id FROM bureau WHERE code = 'default'`)) as { id: number }[])[0]?.id,
    );
    const today = localDateOf(new Date(), 'Asia/Shanghai');

    const seedStart = performance.now();
    let batch: unknown[][] = [];
    let previousId = 0;
    let nextId = 1;
    for (const row of items(bureauId, campaignId, today)) {
      if (row[2] === 'PREVIOUS') row[2] = previousId;
      previousId = nextId;
      nextId += 1;
      batch.push([...row.map((v) => (typeof v === 'boolean' && database === 'sqlite' ? Number(v) : v)), '[]']);
      if (batch.length === 1000) {
        await bulkInsert(batch);
        batch = [];
      }
    }
    if (batch.length) await bulkInsert(batch);
    if (database === 'postgres') await bare('ANALYZE rectification_item', []);
    else await bare('ANALYZE', []);
    const seedMs = performance.now() - seedStart;

    const service = server.app.get(core.RectificationDashboardService);
    const ctx = core.RequestContext.system({
      id: 1,
      username: 'admin',
      bureauId,
      roles: [core.Role.office],
      unitCode: null,
    });
    const statement = core.dashboardStatement(database, {
      bureauId,
      campaignId,
      today,
      dueSoonDays: core.DUE_SOON_DAYS,
      unitCode: null,
    });
    const QUERY = `query($c: ID!) { rectificationDashboard(campaignId: $c) { today overall { items closed total rate overdue dueSoon supervised lookBacksDue supervisionReportsDue } byUnit { unitCode items closed total rate overdue dueSoon supervised lookBacksDue supervisionReportsDue } } }`;

    // the three do the same work and agree
    const fromService = await service.dashboard(ctx, campaignId);
    const fromBare = (await bare(statement.sql, statement.parameters)) as {
      unitCode: string;
      overdue: number | string;
    }[];
    const fromGraphql = await gql(QUERY, { c: String(campaignId) }, token);
    if (fromService.overall.items !== ITEMS || fromService.byUnit.length !== UNITS || fromBare.length !== UNITS)
      throw new Error('the aggregate does not cover the seeded items');
    if (fromBare.reduce((sum, row) => sum + Number(row.overdue), 0) !== fromService.overall.overdue)
      throw new Error('service and bare SQL disagree');
    if (fromGraphql.data?.rectificationDashboard?.overall?.overdue !== fromService.overall.overdue)
      throw new Error(`GraphQL disagrees: ${JSON.stringify(fromGraphql.errors)}`);
    console.log(
      `[${database}] ${ITEMS} items, ${UNITS} units, today ${today}: rate ${(fromService.overall.rate ?? 0).toFixed(3)}, overdue ${fromService.overall.overdue}, due soon ${fromService.overall.dueSoon}, supervised ${fromService.overall.supervised}, look-backs due ${fromService.overall.lookBacksDue}`,
    );

    const medians = await timeInTurns({
      service: () => service.dashboard(ctx, campaignId),
      bare: () => bare(statement.sql, statement.parameters),
      graphql: () => gql(QUERY, { c: String(campaignId) }, token),
    });
    return {
      database,
      seedMs,
      serviceMs: medians.service ?? NaN,
      graphqlMs: medians.graphql ?? NaN,
      bareMs: medians.bare ?? NaN,
    };
  } finally {
    await server.close();
  }
}

async function onSqlite(): Promise<Result[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-rect-'));
  try {
    const config = core.loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      PINGYI_DATA_DIR: dir,
      PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PINGYI_DEMO: '0',
    });
    if (config.database.type !== 'sqlite') throw new Error('expected SQLite');
    const file = config.database.file;
    let db: Database.Database | undefined;
    const connection = () => (db ??= new Database(file));
    const insert = async (rows: unknown[][]) => {
      const statement = connection().prepare(
        `INSERT INTO rectification_item (${COLUMNS}) VALUES (${rows[0]?.map(() => '?').join(', ')})`,
      );
      connection().transaction(() => rows.forEach((row) => statement.run(...row)))();
    };
    try {
      const bare = async (sql: string, params: unknown[]) => {
        const statement = connection().prepare(sql);
        if (statement.reader) return statement.all(...params);
        statement.run(...params);
        return [];
      };
      return [await runOn('sqlite', config, bare, insert)];
    } finally {
      db?.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Result[]> {
  if (!(await pgReachable())) return [];
  const pg = await freshDatabase('postgres');
  const client = new Client({ connectionString: pg.url });
  try {
    const config = core.loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: pg.url as string,
      PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PINGYI_DEMO: '0',
      PINGYI_DATA_DIR: os.tmpdir(),
    });
    const insert = async (rows: unknown[][]) => {
      const width = rows[0]?.length ?? 0;
      const values = rows
        .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`)
        .join(', ');
      await client.query(`INSERT INTO rectification_item (${COLUMNS}) VALUES ${values}`, rows.flat());
    };
    await client.connect();
    const bare = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows;
    return [await runOn('postgres', config, bare, insert)];
  } finally {
    await client.end().catch(() => undefined);
    await pg.drop();
  }
}

async function main(): Promise<void> {
  const results = [...(await onSqlite()), ...(await onPostgres())];
  console.log(
    `\nRectification dashboard over ${ITEMS.toLocaleString('en')} items in ${UNITS} units (medians of ${REPEAT} runs taken in turns)\n`,
  );
  console.log('database  seed s  service ms  GraphQL ms  bare SQL ms  service/bare  GraphQL/bare');
  for (const r of results) {
    console.log(
      [
        r.database.padEnd(8),
        (r.seedMs / 1000).toFixed(1).padStart(6),
        r.serviceMs.toFixed(2).padStart(10),
        r.graphqlMs.toFixed(2).padStart(10),
        r.bareMs.toFixed(2).padStart(11),
        `${(r.serviceMs / r.bareMs).toFixed(2)}x`.padStart(12),
        `${(r.graphqlMs / r.bareMs).toFixed(2)}x`.padStart(12),
      ].join('  '),
    );
  }
  const worst = Math.max(...results.map((r) => r.serviceMs / r.bareMs));
  console.log(`\nService against bare SQL: at most ${worst.toFixed(2)}x (goal ≤ 1.5x).`);
  fs.mkdirSync('reports', { recursive: true });
  fs.writeFileSync(
    'reports/bench-rectification-dashboard.json',
    JSON.stringify({ items: ITEMS, units: UNITS, repeat: REPEAT, results }, null, 2),
  );
  if (worst > 1.5) process.exitCode = 1;
}

runBench('rectification-dashboard', main);
