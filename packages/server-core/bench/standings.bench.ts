// Standings benchmark: a full campaign of 10,000 ballots × 80 appraised units
// (800,000 ratings) on SQLite and PostgreSQL. Times the `standings` GraphQL
// query over HTTP (token lookup, campaign and units, the one GROUP BY tally,
// scoring by the campaign's strategy with explanations, JSON) against the bare
// GROUP BY sent through the raw driver (better-sqlite3 / pg) to the same
// database in the same run; medians of several runs taken in turns; prints the ratio (goal
// ≤ 1.5×). Also times the same tally through a join to the ballot table, the
// design rating.campaign_id / evaluator_group_code avoid.
// Run: npm run bench (builds first; this file uses dist/).
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import * as core from '../dist/index.js';
import { freshDatabase, pgReachable, runBench } from './bench-kit';
import { ballots, fullCampaignInput, fullCampaignUnits, timeInTurns, UNITS, unitCode } from './full-campaign';

const REPEAT = Number(process.env.BENCH_REPEAT || 21);
const GROUP_BY = (p: string) =>
  `SELECT unit_code, evaluator_group_code, level_code, COUNT(*) AS n FROM rating WHERE campaign_id = ${p} GROUP BY unit_code, evaluator_group_code, level_code`;
const GROUP_BY_JOIN = (p: string) =>
  `SELECT r.unit_code, b.evaluator_group_code, r.level_code, COUNT(*) AS n FROM rating r JOIN ballot b ON b.id = r.ballot_id WHERE b.campaign_id = ${p} GROUP BY r.unit_code, b.evaluator_group_code, r.level_code`;
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount standings {
  unitCode unitName ballots counted valid score rank tier tierLabel rates { level value } explanation { scoreText textZh } } } }`;

interface Bench {
  database: string;
  ratings: number;
  graphqlMs: number;
  serviceMs: number;
  bareMs: number;
  joinMs: number;
  statements: number;
  /** With the counted tally kept in memory (a tally stamp, as the mixer leaves one). */
  graphqlWarmMs: number;
  serviceWarmMs: number;
}

async function runOn(
  database: 'sqlite' | 'postgres',
  env: Record<string, string | undefined>,
  seed: (campaignId: number, bureauId: number) => Promise<void>,
  bare: (sql: string, campaignId: number) => Promise<unknown>,
): Promise<Bench> {
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
    const login = JSON.parse(
      await gql(
        'mutation { login(username: "admin", password: "bench-admin-password") { ... on LoginSuccess { token } } }',
        {},
      ),
    );
    const token = login.data.login.token as string;
    const year = 2026;
    const phases = [
      { code: 'mobilization', label: '动员部署', start: `${year}-06-18`, end: `${year}-06-30` },
      { code: 'implementation', label: '组织实施', start: `${year}-07-01`, end: `${year}-10-15` },
      { code: 'appraisal', label: '接受评议', start: `${year}-10-16`, end: `${year}-11-15` },
      { code: 'rectification', label: '整改提高', start: `${year}-11-16`, end: `${year}-12-31` },
    ];
    const created = JSON.parse(
      await gql(
        'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { message } } }',
        {
          input: fullCampaignInput(phases, 'Benchmark campaign'),
        },
        token,
      ),
    );
    if (created.data?.createCampaign?.__typename !== 'Campaign')
      throw new Error(`createCampaign: ${JSON.stringify(created)}`);
    const campaignId = Number(created.data.createCampaign.id);
    const units = fullCampaignUnits((u) => `单位${u + 1}`);
    await gql(
      'mutation($c: ID!, $u: [UnitInput!]!) { setUnits(campaignId: $c, units: $u) { __typename } }',
      { c: campaignId, u: units },
      token,
    );
    const bureauId = Number((await server.dataSource.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id);
    const seeding = performance.now();
    await seed(campaignId, bureauId);
    console.log(
      `  ${database}: seeded 10,000 ballots / ${(10_000 * UNITS).toLocaleString('en')} ratings in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const check = JSON.parse(await gql(STANDINGS, { c: campaignId }, token));
    if (check.data?.standings?.ratingCount !== 10_000 * UNITS)
      throw new Error(`standings: ${JSON.stringify(check).slice(0, 400)}`);
    counter.reset();
    await gql(STANDINGS, { c: campaignId }, token);
    const statements = counter.count;
    const ctx = core.RequestContext.system({
      id: 1,
      username: 'admin',
      bureauId,
      roles: [core.Role.admin],
      unitCode: null,
    });
    const service = server.app.get(core.StandingsService);
    const medians = await timeInTurns(
      {
        graphql: () => gql(STANDINGS, { c: campaignId }, token),
        service: () => service.standings(ctx, campaignId),
        bare: () => bare('plain', campaignId),
        join: () => bare('join', campaignId),
      },
      REPEAT,
    );
    // the seed wrote ratings directly, with no tally stamp: every call above counted them; now as the mixer leaves it
    await server.dataSource.query(`INSERT INTO tally_stamp (campaign_id, stamp) VALUES (${campaignId}, 'bench-stamp')`);
    const warm = await timeInTurns(
      {
        graphql: () => gql(STANDINGS, { c: campaignId }, token),
        service: () => service.standings(ctx, campaignId),
      },
      REPEAT,
    );
    return {
      database,
      graphqlWarmMs: warm.graphql ?? NaN,
      serviceWarmMs: warm.service ?? NaN,
      ratings: check.data.standings.ratingCount,
      graphqlMs: medians.graphql ?? NaN,
      serviceMs: medians.service ?? NaN,
      bareMs: medians.bare ?? NaN,
      joinMs: medians.join ?? NaN,
      statements,
    };
  } finally {
    await server.close();
  }
}

async function sqlite(): Promise<Bench> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-standings-'));
  const file = path.join(dataDir, 'pingyi.sqlite');
  let db: Database.Database | undefined;
  const open = () => (db ??= new Database(file));
  try {
    return await runOn(
      'sqlite',
      { PINGYI_DATA_DIR: dataDir },
      async (campaignId, bureauId) => {
        const conn = open();
        conn.pragma('busy_timeout = 10000');
        const ballot = conn.prepare(
          "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, is_demo) VALUES (?, ?, ?, ?, 'online', '2026-10-20', 0)",
        );
        const rating = conn.prepare(
          'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (?, ?, ?, ?, ?)',
        );
        conn.transaction(() => {
          for (const b of ballots()) {
            ballot.run(b.id, bureauId, campaignId, b.group);
            b.levels.forEach((level, u) => rating.run(b.id, unitCode(u), campaignId, b.group, level));
          }
        })();
        conn.exec('ANALYZE');
      },
      async (kind, campaignId) =>
        open()
          .prepare(kind === 'plain' ? GROUP_BY('?') : GROUP_BY_JOIN('?'))
          .all(campaignId),
    );
  } finally {
    db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Bench | string> {
  if (!(await pgReachable())) return 'PostgreSQL is unreachable; set PG_TEST_URL to run it';
  const pg = await freshDatabase('postgres');
  const client = new Client({ connectionString: pg.url });
  try {
    await client.connect();
    return await runOn(
      'postgres',
      { DATABASE_URL: pg.url as string, PINGYI_DATA_DIR: pg.dataDir },
      async (campaignId, bureauId) => {
        let chunk: { ids: string[]; groups: string[] } = { ids: [], groups: [] };
        let ratings: { ids: string[]; units: string[]; groups: string[]; levels: string[] } = {
          ids: [],
          units: [],
          groups: [],
          levels: [],
        };
        const flush = async () => {
          if (chunk.ids.length > 0) {
            await client.query(
              "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, is_demo) SELECT id, $2, $3, g, 'online', DATE '2026-10-20', false FROM unnest($1::varchar[], $4::varchar[]) AS t(id, g)",
              [chunk.ids, bureauId, campaignId, chunk.groups],
            );
          }
          await client.query(
            'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) SELECT b, u, $5, g, l FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[]) AS t(b, u, g, l)',
            [ratings.ids, ratings.units, ratings.groups, ratings.levels, campaignId],
          );
          chunk = { ids: [], groups: [] };
          ratings = { ids: [], units: [], groups: [], levels: [] };
        };
        await client.query('BEGIN');
        for (const b of ballots()) {
          chunk.ids.push(b.id);
          chunk.groups.push(b.group);
          b.levels.forEach((level, u) => {
            ratings.ids.push(b.id);
            ratings.units.push(unitCode(u));
            ratings.groups.push(b.group);
            ratings.levels.push(level);
          });
          if (chunk.ids.length === 500) await flush();
        }
        await flush();
        await client.query('COMMIT');
        await client.query('ANALYZE');
      },
      async (kind, campaignId) => client.query(kind === 'plain' ? GROUP_BY('$1') : GROUP_BY_JOIN('$1'), [campaignId]),
    );
  } finally {
    await client.end().catch(() => undefined);
    await pg.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `Standings of a full campaign: 10,000 ballots × ${UNITS} units, group-weighted mean with explanations; median of ${REPEAT} runs`,
  );
  const results: Bench[] = [await sqlite()];
  const pg = await postgres();
  if (typeof pg === 'string') console.log(`  skipping PostgreSQL: ${pg}`);
  else results.push(pg);
  console.log('');
  console.log(
    '| database | ratings | SQL statements | `standings` over GraphQL ms | service call ms | bare GROUP BY ms | ratio (GraphQL ÷ bare) | GROUP BY via join to ballot ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.database} | ${r.ratings.toLocaleString('en')} | ${r.statements} | ${r.graphqlMs.toFixed(1)} | ${r.serviceMs.toFixed(1)} | ${r.bareMs.toFixed(1)} | ${(r.graphqlMs / r.bareMs).toFixed(2)}× | ${r.joinMs.toFixed(1)} |`,
    );
  }
  console.log('\nWith the counted tally in memory (the stamp unchanged since the last count):');
  for (const r of results)
    console.log(
      `  ${r.database}: \`standings\` over GraphQL ${r.graphqlWarmMs.toFixed(1)} ms (${(r.graphqlWarmMs / r.graphqlMs).toFixed(2)}× of counting), service call ${r.serviceWarmMs.toFixed(1)} ms`,
    );
  const worst = Math.max(...results.map((r) => r.graphqlMs / r.bareMs));
  console.log(`\nGoal ≤ 1.5×: ${worst <= 1.5 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}×)`);
}

runBench('standings', main);
