// Responsiveness during long writes: p99 latency of /health and of a
// `standings` query (1) while the mixer counts 10,000 ballots waiting in the
// ballot box (800,000 ratings) and (2) while a 30,000-ballot paper batch
// (2.4 million ratings) is checked and written into the box, against the
// same probes with nothing written, in the same run on the same server. The server runs in its own process (server-process.ts),
// so a blocked event loop there shows in the probes' latency here.
// Goal: p99 during the import ≤ 3× p99 without it.
// Run: npm run bench (builds first; server-process.ts uses dist/).
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ADMIN_PASSWORD,
  benchCampaign,
  boxEmptied,
  freshDatabase,
  gql,
  LEVEL_LABELS,
  login,
  pgReachable,
  runBench,
  UNIT_CODES,
  writeReport,
} from './bench-kit';

const levelOf = (row: number, unit: number): number => (row * 31 + unit * 7) % 6;
// at most this many probes of a kind in flight, as a monitoring client would
// hold: a slow answer delays the next probe (its latency still counts from
// when it was due) instead of opening ever more sockets
const MAX_IN_FLIGHT = 4;
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount standings { unitCode score rank } } }`;
const IMPORT_BALLOTS = Number(process.env.BENCH_IMPORT_BALLOTS ?? 30_000);
const SEED_BALLOTS = 10_000;

function csvOf(ballots: number): string {
  const lines = [`group,${UNIT_CODES.join(',')}`];
  for (let r = 0; r < ballots; r += 1)
    lines.push(
      `${r % 4 === 0 ? '企业代表' : '城乡居民'},${UNIT_CODES.map((_, u) => LEVEL_LABELS[levelOf(r, u)]).join(',')}`,
    );
  return `${lines.join('\n')}\n`;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, path.resolve(__dirname, 'server-process.ts')], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PINGYI_DEMO: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child };
}

async function importBatch(
  url: string,
  token: string,
  campaignId: string,
  code: string,
  ballots: number,
): Promise<number> {
  const batch = await gql<{ createPaperBatch: { id: string } }>(
    url,
    `mutation($c: ID!, $code: String!) { createPaperBatch(campaignId: $c, code: $code) { ... on PaperBatch { id } ... on ErrorResult { errorCode message } } }`,
    { c: campaignId, code },
    token,
  );
  const start = performance.now();
  // node:http, not fetch: a 30,000-ballot import answered after it is written can take longer than fetch's 5-minute header timeout
  const body = Buffer.from(csvOf(ballots));
  const text = await new Promise<string>((resolve, reject) => {
    const request = http.request(
      `${url}/paper-batches/${batch.createPaperBatch.id}/keyings/1?name=${code}.csv&wait=1`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': body.length },
      },
    );
    request.on('response', (response) => {
      let chunks = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => (chunks += chunk))
        .on('end', () => resolve(chunks));
    });
    request.on('error', reject);
    request.end(body);
  });
  const answer = JSON.parse(text) as { batch?: { state: string; ballots: number } };
  if (answer.batch?.state !== 'imported' || answer.batch.ballots !== ballots)
    throw new Error(`import failed: ${JSON.stringify(answer).slice(0, 400)}`);
  return performance.now() - start;
}

/**
 * Latencies of probes sent on a fixed schedule (measured from when each was
 * due) until `until` settles; a probe that fails counts as a timeout (10 s).
 */
async function probe(every: number, send: () => Promise<unknown>, until: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  const inFlight = new Set<Promise<void>>();
  let due = performance.now();
  while (!done) {
    const sentAt = due;
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const sent: Promise<void> = send().then(
      () => void latencies.push(performance.now() - sentAt),
      () => void latencies.push(Math.max(10_000, performance.now() - sentAt)),
    );
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
    due += every;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(inFlight);
  return latencies;
}

const p99 = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] ?? NaN;

interface Probed {
  idleP99: number;
  mixingP99: number;
  importP99: number;
  mixingSamples: number;
  importSamples: number;
}

interface Result {
  database: string;
  mixMs: number;
  importMs: number;
  health: Probed;
  standings: Probed;
}

async function runCase(kind: 'sqlite' | 'postgres'): Promise<Result> {
  const db = await freshDatabase(kind);
  // a 10 s mix slice (45 s by default) so the last ballots of the seed are counted soon
  // and no anonymous rate limit: /health is probed 50 times a second from one address
  const { url, child } = await startServer({ ...db.env, PINGYI_MIX_INTERVAL: '10s', PINGYI_ANON_RATE: '0' });
  try {
    const token = await login(url);
    const campaignId = await benchCampaign(url, token);
    const phase = (what: string): void => console.error(`[${kind}] ${new Date().toISOString().slice(11, 19)} ${what}`);
    const health = (): Promise<unknown> => fetch(`${url}/health`).then((r) => r.text());
    const standings = (): Promise<unknown> => gql(url, STANDINGS, { c: campaignId }, token);
    phase(`seeding ${SEED_BALLOTS} ballots; probing while the mixer counts them`);
    await importBatch(url, token, campaignId, 'seed', SEED_BALLOTS);
    const mixStarted = performance.now();
    const mixed = boxEmptied(db);
    const [mixHealth, mixStandings] = await Promise.all([probe(20, health, mixed), probe(1000, standings, mixed)]);
    const mixMs = performance.now() - mixStarted;
    phase('probing with nothing written');
    await standings();
    const idleFor = sleep(8_000);
    const [idleHealth, idleStandings] = await Promise.all([
      probe(20, health, idleFor),
      probe(1000, standings, idleFor),
    ]);
    phase(`probing while ${IMPORT_BALLOTS} ballots are imported`);
    const started = performance.now();
    const writing = importBatch(url, token, campaignId, 'big', IMPORT_BALLOTS);
    const [busyHealth, busyStandings] = await Promise.all([
      probe(20, health, writing),
      probe(1000, standings, writing),
    ]);
    const importMs = performance.now() - started;
    await writing;
    const probed = (idle: number[], mixing: number[], importing: number[]): Probed => ({
      idleP99: p99(idle),
      mixingP99: p99(mixing),
      importP99: p99(importing),
      mixingSamples: mixing.length,
      importSamples: importing.length,
    });
    return {
      database: kind,
      mixMs,
      importMs,
      health: probed(idleHealth, mixHealth, busyHealth),
      standings: probed(idleStandings, mixStandings, busyStandings),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await db.drop();
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_DATABASE; // sqlite | postgres: one of them only
  const results: Result[] = [];
  if (only !== 'postgres') results.push(await runCase('sqlite'));
  if (only !== 'sqlite' && (await pgReachable())) results.push(await runCase('postgres'));
  console.log(
    `\nResponsiveness while the mixer counts ${SEED_BALLOTS.toLocaleString('en')} boxed ballots and while a ${IMPORT_BALLOTS.toLocaleString('en')}-ballot paper batch is checked and written (probes: /health every 20 ms, standings every second)\n`,
  );
  console.log('database  probe      p99 idle ms  mixing ms  ratio  importing ms  ratio  (mix s, import s)');
  for (const r of results) {
    for (const [name, m] of [
      ['/health', r.health],
      ['standings', r.standings],
    ] as const) {
      console.log(
        [
          r.database.padEnd(8),
          name.padEnd(9),
          m.idleP99.toFixed(1).padStart(11),
          m.mixingP99.toFixed(1).padStart(9),
          `${(m.mixingP99 / m.idleP99).toFixed(2)}x`.padStart(5),
          m.importP99.toFixed(1).padStart(12),
          `${(m.importP99 / m.idleP99).toFixed(2)}x`.padStart(5),
          `(${(r.mixMs / 1000).toFixed(1)}, ${(r.importMs / 1000).toFixed(1)})`,
        ].join('  '),
      );
    }
  }
  console.log('\nGoal: p99 while mixing and while importing ≤ 3× p99 idle.');
  writeReport('import-responsiveness', { measuredAt: new Date().toISOString(), node: process.version, results });
}

runBench('import-responsiveness', main);
