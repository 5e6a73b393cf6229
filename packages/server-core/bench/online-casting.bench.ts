// Online casting under load on loopback: castBallot through the real server
// (GraphQL, guard, throttle, audit, one transaction) against a minimal
// node:http handler doing the same transaction with the raw driver, each in
// its own process, driven at fixed, evenly spaced arrival rates for 10 s (open-loop.ts).
// Every request casts a fresh code rating all 80 units. After each run the
// database must hold exactly one ballot per success (counted, or waiting in
// the ballot box): zero lost, zero doubled. Handlers: castBallot (redeem and a
// sealed box entry; the mixer counts later), raw (the bare handler writing
// ballot and ratings directly, as castBallot did before the box), rawBox (the
// bare handler writing the box entry). Then the delay from cast to counted at
// 10 ballots/s with the default mixer settings.
// Run: npm run bench (builds first; the server comes from dist/).
import { type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Client } from 'pg';
import {
  ADMIN_PASSWORD,
  benchCampaign,
  freshDatabase,
  gql,
  login,
  pgReachable,
  runBench,
  writeReport,
} from './bench-kit';
import { CAST, issueCodes, RATINGS, startProcess, stopProcess } from './load-kit';
import { openLoop } from './open-loop';

// BENCH_RATES=100,200 and BENCH_DATABASES=postgres narrow a run
const RATES = (process.env.BENCH_RATES ?? '100,200,400,800,1600').split(',').map(Number);
const DURATION_S = 10;
const CONNECTIONS = 100;
const SECRET = 'bench-secret-for-keyed-hashes-0123456789';

interface Run {
  database: 'sqlite' | 'postgres';
  handler: 'castBallot' | 'raw' | 'rawBox';
  rate: number;
  achieved: number;
  successes: number;
  failures: number;
  p50: number;
  p99: number;
  stored: number;
  lost: number;
  doubled: number;
  unacknowledged: number;
}

// stored = counted, or waiting in the ballot box: one statement, so a batch mixed meanwhile is counted once
const STORED = 'SELECT (SELECT COUNT(*) FROM ballot) + (SELECT COUNT(*) FROM ballot_box) AS n';
const countBallots = (query: (sql: string) => Promise<number>): Promise<number> => query(STORED);
// used codes minus stored ballots, in one statement: 0 unless a code cast two ballots or none
const UNBALANCED =
  "SELECT (SELECT COUNT(*) FROM access_code WHERE state = 'used') - (SELECT COUNT(*) FROM ballot) - (SELECT COUNT(*) FROM ballot_box) AS n";

/** Cast → counted at a low fixed rate with the default mixer: how long ballots wait in the box. */
interface Delay {
  database: 'sqlite' | 'postgres';
  rate: number;
  seconds: number;
  /** Per ballot k (in the order sent): when k ballots were counted minus when the k-th was sent (request latency included). */
  medianMs: number;
  maxMs: number;
  /** After the last receipt, until the box was empty. */
  drainMs: number;
}
const DELAY_RATE = 10;
const DELAY_SECONDS = Number(process.env.BENCH_DELAY_SECONDS ?? 60);
const delays: Delay[] = [];

async function castToCounted(
  database: 'sqlite' | 'postgres',
  url: string,
  codes: string[],
  counter: (sql: string) => Promise<number>,
): Promise<Delay> {
  const started = Date.now();
  const receipts: number[] = [];
  const counted: { at: number; n: number }[] = [];
  const base = await counter('SELECT COUNT(*) AS n FROM ballot');
  let casting = true;
  const sampler = (async () => {
    for (;;) {
      const n = (await counter('SELECT COUNT(*) AS n FROM ballot')) - base;
      counted.push({ at: Date.now(), n });
      if (!casting && n >= receipts.length) return;
      if (Date.now() - started > (DELAY_SECONDS + 180) * 1000)
        throw new Error('the box was not emptied within 3 minutes of the last cast');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < DELAY_RATE * DELAY_SECONDS; i += 1) {
    const due = started + (i * 1000) / DELAY_RATE;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    const sentAt = Date.now();
    sends.push(
      gql<{ castBallot: { __typename: string } }>(url, CAST, { input: { code: codes[i], ratings: RATINGS } }).then(
        (data) => {
          if (data.castBallot.__typename === 'BallotReceipt') receipts.push(sentAt);
        },
      ),
    );
  }
  await Promise.all(sends);
  const last = Date.now();
  casting = false;
  await sampler;
  receipts.sort((a, b) => a - b);
  const waits = receipts
    .map((at, k) => Math.max(0, (counted.find((sample) => sample.n >= k + 1)?.at ?? at) - at))
    .sort((a, b) => a - b);
  const delay = {
    database,
    rate: DELAY_RATE,
    seconds: DELAY_SECONDS,
    medianMs: waits[Math.floor(waits.length / 2)] ?? 0,
    maxMs: waits[waits.length - 1] ?? 0,
    drainMs: Math.max(0, (counted.find((sample) => sample.n >= receipts.length)?.at ?? last) - last),
  };
  console.log(
    `${database} cast → counted at ${DELAY_RATE}/s for ${DELAY_SECONDS} s (default mixer): median ${delay.medianMs} ms, max ${delay.maxMs} ms, box empty ${delay.drainMs} ms after the last answer`,
  );
  return delay;
}

async function runOn(kind: 'sqlite' | 'postgres'): Promise<Run[]> {
  const db = await freshDatabase(kind);
  const env = {
    NODE_ENV: 'test',
    PORT: '0',
    PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PINGYI_DEMO: '0',
    PINGYI_SECRET: SECRET,
    PINGYI_ANON_RATE: '0',
    ...db.env,
  };
  const server = await startProcess('server-process.ts', env);
  let pg: Client | undefined;
  let pgConnected: Promise<void> | undefined;
  const counter = async (sql: string): Promise<number> => {
    if (kind === 'postgres') {
      pg ??= new Client({ connectionString: db.url });
      pgConnected ??= pg.connect();
      await pgConnected;
      return Number((await pg.query<{ n: string }>(sql)).rows[0]?.n);
    }
    const Database = createRequire(__filename)('better-sqlite3') as new (
      file: string,
      options: { readonly: boolean },
    ) => { prepare(sql: string): { get(): { n: number } }; close(): void };
    const handle = new Database(path.join(db.dataDir, 'pingyi.sqlite'), { readonly: true });
    try {
      return Number(handle.prepare(sql).get().n);
    } finally {
      handle.close();
    }
  };
  const runs: Run[] = [];
  let raw: { child: ChildProcess; url: string } | undefined;
  try {
    const token = await login(server.url);
    const campaignId = await benchCampaign(server.url, token);
    const bureauId = 1;
    const issue = (n: number): Promise<string[]> => issueCodes(server.url, token, campaignId, n);
    raw = await startProcess('raw-cast-server.ts', {
      ...env,
      BENCH_CAMPAIGN_ID: campaignId,
      BENCH_BUREAU_ID: String(bureauId),
    });
    for (const handler of ['castBallot', 'raw', 'rawBox'] as const) {
      for (const rate of RATES) {
        const codes = await issue(rate * DURATION_S + CONNECTIONS * 2);
        const before = await countBallots(counter);
        const target = handler === 'castBallot' ? server.url : raw.url;
        const result = await openLoop({
          url: `${target}${handler === 'castBallot' ? '/graphql' : handler === 'raw' ? '/cast' : '/cast-box'}`,
          rate,
          seconds: DURATION_S,
          connections: CONNECTIONS,
          timeoutMs: 10_000,
          body: (i) => {
            const code = codes[i];
            if (!code) throw new Error('ran out of codes');
            return JSON.stringify(
              handler === 'castBallot'
                ? { query: CAST, variables: { input: { code, ratings: RATINGS } } }
                : { code, ratings: RATINGS },
            );
          },
          accept: (body) => handler !== 'castBallot' || body.includes('"BallotReceipt"'),
        });
        const { sent, ok: successes, firstFailure } = result;
        // requests the load generator gave up on may still be running: let them end
        await new Promise((resolve) => setTimeout(resolve, 3000));
        const total = await countBallots(counter);
        const stored = total - before;
        const unbalanced = await counter(UNBALANCED);
        runs.push({
          database: kind,
          handler,
          rate,
          achieved: successes / Math.max(result.seconds, DURATION_S),
          successes,
          failures: result.failed,
          p50: result.p50,
          p99: result.p99,
          stored,
          // every acknowledged ballot is stored, and no code cast two (ballots = used codes, all runs so far).
          // A request the load generator gave up on (timeout) may still have been stored once: that is
          // neither lost nor doubled, and is reported apart.
          lost: Math.max(successes - stored, 0),
          doubled: Math.abs(unbalanced),
          unacknowledged: Math.max(stored - successes, 0),
        });
        const last = runs[runs.length - 1] as Run;
        console.log(
          `${kind} ${handler} @${rate}/s: ${last.achieved.toFixed(0)}/s over ${result.seconds.toFixed(1)} s, p99 ${last.p99} ms, ${sent} sent, ${last.failures} failed, stored ${stored} (lost ${last.lost}, doubled ${last.doubled}, stored after the client gave up ${last.unacknowledged})${firstFailure ? `; first failure: ${firstFailure}` : ''}`,
        );
        // past saturation a higher rate tells nothing more
        if (last.achieved < rate * 0.8) break;
      }
    }
    delays.push(await castToCounted(kind, server.url, await issue(DELAY_RATE * DELAY_SECONDS + 10), counter));
  } finally {
    if (raw) await stopProcess(raw.child);
    await stopProcess(server.child);
    await pg?.end().catch(() => undefined);
    await db.drop();
  }
  return runs;
}

/** The highest rate served at ≥ 95 % of its target with no failure, and its p99. */
function sustained(runs: readonly Run[]): Run | undefined {
  return runs.filter((run) => run.achieved >= run.rate * 0.95 && run.failures === 0).sort((a, b) => b.rate - a.rate)[0];
}

async function main(): Promise<void> {
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
  const runs = databases.includes('sqlite') ? [...(await runOn('sqlite'))] : [];
  if (databases.includes('postgres') && (await pgReachable())) runs.push(...(await runOn('postgres')));
  console.log(
    `\nOnline casting: ${CONNECTIONS} connections, fixed arrival rate, ${DURATION_S} s per rate, 80 ratings per ballot\n`,
  );
  console.log('database  handler     rate/s  achieved/s  p50 ms  p99 ms  failed  stored  lost  doubled');
  for (const r of runs) {
    console.log(
      [
        r.database.padEnd(8),
        r.handler.padEnd(10),
        String(r.rate).padStart(6),
        r.achieved.toFixed(0).padStart(10),
        String(r.p50).padStart(6),
        String(r.p99).padStart(6),
        String(r.failures).padStart(6),
        String(r.stored).padStart(6),
        String(r.lost).padStart(4),
        String(r.doubled).padStart(7),
      ].join('  '),
    );
  }
  const summary = (['sqlite', 'postgres'] as const).flatMap((database) => {
    const server = sustained(runs.filter((r) => r.database === database && r.handler === 'castBallot'));
    const raw = sustained(runs.filter((r) => r.database === database && r.handler === 'raw'));
    const rawBox = sustained(runs.filter((r) => r.database === database && r.handler === 'rawBox'));
    if (!server && !raw) return [];
    const peak = (handler: Run['handler']): number =>
      Math.max(0, ...runs.filter((r) => r.database === database && r.handler === handler).map((r) => r.achieved));
    return [
      {
        database,
        castBallot: server?.rate ?? 0,
        castBallotP99: server?.p99 ?? null,
        raw: raw?.rate ?? 0,
        rawP99: raw?.p99 ?? null,
        sustainedRatio: raw && server ? server.rate / raw.rate : null,
        castBallotPeak: peak('castBallot'),
        rawPeak: peak('raw'),
        peakRatio: peak('raw') > 0 ? peak('castBallot') / peak('raw') : null,
        rawBox: rawBox?.rate ?? 0,
        rawBoxP99: rawBox?.p99 ?? null,
        rawBoxPeak: peak('rawBox'),
        boxOverDirectPeak: peak('raw') > 0 ? peak('rawBox') / peak('raw') : null,
        castBallotP99At200:
          runs.find((r) => r.database === database && r.handler === 'castBallot' && r.rate === 200)?.p99 ?? null,
      },
    ];
  });
  console.log(
    '\nSustained = the highest rate served at ≥ 95 % with no failure; peak = the most ballots per second any run achieved:',
  );
  for (const s of summary) {
    console.log(
      `  ${s.database}: castBallot sustains ${s.castBallot}/s (p99 ${s.castBallotP99} ms), peaks at ${s.castBallotPeak.toFixed(0)}/s; raw sustains ${s.raw}/s (p99 ${s.rawP99} ms), peaks at ${s.rawPeak.toFixed(0)}/s; ` +
        `ratio ${s.sustainedRatio === null ? '-' : `${s.sustainedRatio.toFixed(2)}x`} sustained, ${s.peakRatio === null ? '-' : `${s.peakRatio.toFixed(2)}x`} peak (goal ≥ 0.8x); ` +
        `the bare handler writing the box sustains ${s.rawBox}/s (p99 ${s.rawBoxP99} ms), peaks at ${s.rawBoxPeak.toFixed(0)}/s: box / direct write ${s.boxOverDirectPeak === null ? '-' : `${s.boxOverDirectPeak.toFixed(2)}x`} peak; ` +
        `castBallot p99 at 200/s ${s.castBallotP99At200 ?? '-'} ms (goal < 250 ms)`,
    );
  }
  for (const d of delays)
    console.log(
      `  ${d.database}: cast → counted at ${d.rate}/s: median ${(d.medianMs / 1000).toFixed(1)} s, max ${(d.maxMs / 1000).toFixed(1)} s (goal < 60 s)`,
    );
  const broken = runs.filter((r) => r.lost > 0 || r.doubled > 0);
  if (broken.length > 0) throw new Error(`ballots lost or doubled: ${JSON.stringify(broken)}`);
  writeReport('online-casting', {
    measuredAt: new Date().toISOString(),
    node: process.version,
    connections: CONNECTIONS,
    durationSeconds: DURATION_S,
    runs,
    summary,
    delays,
  });
}

runBench('online-casting', main);
