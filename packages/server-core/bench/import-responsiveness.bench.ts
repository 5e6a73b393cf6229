// Responsiveness during a long write: p99 latency of /health and of a
// `standings` query while a 30,000-ballot paper batch (2.4 million ratings) is
// checked and written, against the same probes with no import, in the same run
// on the same server. The server runs in its own process (server-process.ts),
// so a blocked event loop there shows in the probes' latency here.
// Goal: p99 during the import ≤ 3× p99 without it.
// Run: npm run bench (builds first; server-process.ts uses dist/).
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN_PASSWORD, benchCampaign, freshDatabase, gql, LEVEL_LABELS, login, pgReachable, UNIT_CODES, writeReport } from './bench-kit';

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
  for (let r = 0; r < ballots; r += 1) lines.push(`${r % 4 === 0 ? '企业代表' : '城乡居民'},${UNIT_CODES.map((_, u) => LEVEL_LABELS[levelOf(r, u)]).join(',')}`);
  return `${lines.join('\n')}\n`;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, path.resolve(__dirname, 'server-process.ts')], {
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD, PINGYI_DEMO: '0', ...env },
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

async function importBatch(url: string, token: string, campaignId: string, code: string, ballots: number): Promise<number> {
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
    const request = http.request(`${url}/paper-batches/${batch.createPaperBatch.id}/keyings/1?name=${code}.csv&wait=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': body.length },
    });
    request.on('response', (response) => {
      let chunks = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (chunks += chunk)).on('end', () => resolve(chunks));
    });
    request.on('error', reject);
    request.end(body);
  });
  const answer = JSON.parse(text) as { batch?: { state: string; ballots: number } };
  if (answer.batch?.state !== 'imported' || answer.batch.ballots !== ballots) throw new Error(`import failed: ${JSON.stringify(answer).slice(0, 400)}`);
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

const p99 = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] ?? NaN;

interface Result {
  database: string;
  importMs: number;
  health: { idleP99: number; importP99: number; samples: number };
  standings: { idleP99: number; importP99: number; samples: number };
}

async function runCase(kind: 'sqlite' | 'postgres'): Promise<Result> {
  const db = await freshDatabase(kind);
  const { url, child } = await startServer(db.env);
  try {
    const token = await login(url);
    const campaignId = await benchCampaign(url, token);
    const phase = (what: string): void => console.error(`[${kind}] ${new Date().toISOString().slice(11, 19)} ${what}`);
    phase(`seeding ${SEED_BALLOTS} ballots`);
    await importBatch(url, token, campaignId, 'seed', SEED_BALLOTS);
    phase('probing with no import');
    const health = (): Promise<unknown> => fetch(`${url}/health`).then((r) => r.text());
    const standings = (): Promise<unknown> => gql(url, STANDINGS, { c: campaignId }, token);
    await standings();
    const idleFor = sleep(8_000);
    const [idleHealth, idleStandings] = await Promise.all([probe(20, health, idleFor), probe(1000, standings, idleFor)]);
    phase(`probing while ${IMPORT_BALLOTS} ballots are imported`);
    const started = performance.now();
    const writing = importBatch(url, token, campaignId, 'big', IMPORT_BALLOTS);
    const [busyHealth, busyStandings] = await Promise.all([probe(20, health, writing), probe(1000, standings, writing)]);
    const importMs = performance.now() - started;
    await writing;
    return {
      database: kind,
      importMs,
      health: { idleP99: p99(idleHealth), importP99: p99(busyHealth), samples: busyHealth.length },
      standings: { idleP99: p99(idleStandings), importP99: p99(busyStandings), samples: busyStandings.length },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await db.drop();
  }
}

async function main(): Promise<void> {
  const results: Result[] = [await runCase('sqlite')];
  if (await pgReachable()) results.push(await runCase('postgres'));
  console.log(`\nResponsiveness while a ${IMPORT_BALLOTS.toLocaleString('en')}-ballot paper batch is checked and written (probes: /health every 20 ms, standings every second)\n`);
  console.log('database  import s  probe      p99 idle ms  p99 importing ms  ratio  samples');
  for (const r of results) {
    for (const [name, m] of [['/health', r.health], ['standings', r.standings]] as const) {
      console.log(
        [r.database.padEnd(8), (r.importMs / 1000).toFixed(1).padStart(8), name.padEnd(9), m.idleP99.toFixed(1).padStart(11), m.importP99.toFixed(1).padStart(16), `${(m.importP99 / m.idleP99).toFixed(2)}x`.padStart(5), String(m.samples).padStart(8)].join('  '),
      );
    }
  }
  console.log('\nGoal: p99 while importing ≤ 3× p99 idle.');
  writeReport('import-responsiveness', { measuredAt: new Date().toISOString(), node: process.version, results });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
