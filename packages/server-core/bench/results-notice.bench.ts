// The results notice (测评结果通报) of a full campaign: 10,000 ballots × 80
// units × 9 evaluator groups, published, then issued as DOCX and PDF over HTTP.
// Timed against the `standings` GraphQL query on the same server in the same
// run (the notice reads the published snapshot, participation and the
// comparison with last year, then renders), medians of runs taken in turns;
// prints the ratios and the documents' sizes. SQLite: the rendering does not
// depend on the database.
// Run: npm run bench (builds first; this file uses dist/).
/* eslint-disable @typescript-eslint/no-explicit-any -- the benchmark reads GraphQL answers of known shape */
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '../dist/index.js';
import { ballots, fullCampaignInput, fullCampaignUnits, GROUPS, timeInTurns, UNITS, unitCode } from './full-campaign';
import { runBench } from './bench-kit';

const REPEAT = Number(process.env.BENCH_REPEAT || 11);
const PASSWORD = 'bench-admin-password';
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount standings { unitCode unitName score rank tier tierLabel rates { level value } } } }`;

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-bench-notice-'));
  const config = core.loadConfig({
    NODE_ENV: 'production',
    PINGYI_SECRET: 'bench-secret-0123456789abcdef0123456789',
    PORT: '0',
    PINGYI_DEMO: '0',
    PINGYI_ADMIN_PASSWORD: PASSWORD,
    PINGYI_DATA_DIR: dataDir,
  });
  const server = await core.bootstrap(config, { host: '127.0.0.1', logLevels: ['error'] });
  try {
    // a kept-alive connection the server closed while the ballots were seeded fails once: retried
    const gql = async (
      query: string,
      variables: Record<string, unknown>,
      token?: string,
      retry = true,
    ): Promise<{ data: Record<string, any>; errors?: unknown[] }> => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      }).catch((error: unknown) => {
        if (retry) return null;
        throw error;
      });
      if (!response) return gql(query, variables, token, false);
      return (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
    };
    const token = (
      await gql(`mutation { login(username: "admin", password: "${PASSWORD}") { ... on LoginSuccess { token } } }`, {})
    ).data.login.token as string;
    // today falls in the rectification phase, so the results can be published
    const phases = [
      { code: 'mobilization', label: '动员部署', start: day(-150), end: day(-121) },
      { code: 'implementation', label: '组织实施', start: day(-120), end: day(-61) },
      { code: 'appraisal', label: '接受评议', start: day(-60), end: day(-2) },
      { code: 'rectification', label: '整改提高', start: day(-1), end: day(40) },
    ];
    const created = await gql(
      'mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Campaign { id } ... on ErrorResult { message } } }',
      {
        input: fullCampaignInput(phases, '民主评议机关工作（基准测试）'),
      },
      token,
    );
    if (created.data?.createCampaign?.__typename !== 'Campaign')
      throw new Error(`createCampaign: ${JSON.stringify(created)}`);
    const campaignId = Number(created.data.createCampaign.id);
    const units = fullCampaignUnits((u) => `第${u + 1}支队`);
    await gql(
      'mutation($c: ID!, $u: [UnitInput!]!) { setUnits(campaignId: $c, units: $u) { __typename } }',
      { c: campaignId, u: units },
      token,
    );
    const bureauId = Number((await server.dataSource.query("SELECT id FROM bureau WHERE code = 'default'"))[0].id);
    const db = new Database(path.join(dataDir, 'pingyi.sqlite'));
    db.pragma('busy_timeout = 10000');
    const ballot = db.prepare(
      "INSERT INTO ballot (id, bureau_id, campaign_id, evaluator_group_code, channel, cast_on, is_demo) VALUES (?, ?, ?, ?, 'online', ?, 0)",
    );
    const rating = db.prepare(
      'INSERT INTO rating (ballot_id, unit_code, campaign_id, evaluator_group_code, level_code) VALUES (?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const b of ballots()) {
        ballot.run(b.id, bureauId, campaignId, b.group, day(-10));
        b.levels.forEach((level, u) => rating.run(b.id, unitCode(u), campaignId, b.group, level));
      }
    })();
    db.exec('ANALYZE');
    db.close();
    const t0 = Date.now();
    const published = await gql(
      'mutation($c: ID!) { publishResults(campaignId: $c) { __typename ... on ErrorResult { message } } }',
      { c: campaignId },
      token,
    );
    console.log(`  published in ${Date.now() - t0} ms`);
    if (published.data.publishResults.__typename !== 'ResultSnapshot')
      throw new Error(`publishResults: ${JSON.stringify(published)}`);

    const download = async (format: 'docx' | 'pdf') => {
      const response = await fetch(`${server.url}/documents/${campaignId}/results-notice?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`notice ${format}: ${response.status} ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    };
    const docx = await download('docx');
    const pdf = await download('pdf');
    const ctx = core.RequestContext.system({
      id: 1,
      username: 'admin',
      bureauId,
      roles: [core.Role.admin],
      unitCode: null,
    });
    const documents = server.app.get(core.DocumentsService);
    const medians = await timeInTurns(
      {
        standings: () => gql(STANDINGS, { c: campaignId }, token),
        content: () => documents.resultsNotice(ctx, campaignId),
        docx: () => download('docx'),
        pdf: () => download('pdf'),
      },
      REPEAT,
    );
    const base = medians.standings ?? NaN;
    console.log(
      `Results notice of a published campaign: ${UNITS} units × ${GROUPS.length} groups, 10,000 ballots; median of ${REPEAT} runs in turns (SQLite)\n`,
    );
    console.log('| what | median ms | ratio to `standings` (GraphQL) |');
    console.log('|---|---|---|');
    console.log(`| \`standings\` over GraphQL (baseline: the tally scored now) | ${base.toFixed(1)} | 1.00× |`);
    console.log(
      `| notice content (snapshot, participation, comparison) | ${(medians.content ?? NaN).toFixed(1)} | ${((medians.content ?? NaN) / base).toFixed(2)}× |`,
    );
    console.log(
      `| notice as DOCX over HTTP | ${(medians.docx ?? NaN).toFixed(1)} | ${((medians.docx ?? NaN) / base).toFixed(2)}× |`,
    );
    console.log(
      `| notice as PDF over HTTP | ${(medians.pdf ?? NaN).toFixed(1)} | ${((medians.pdf ?? NaN) / base).toFixed(2)}× |`,
    );
    console.log(
      `\nSizes: DOCX ${(docx.length / 1024).toFixed(1)} KiB, PDF ${(pdf.length / 1024).toFixed(1)} KiB (CJK font embedded as a subset)`,
    );
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

runBench('results-notice', main);
