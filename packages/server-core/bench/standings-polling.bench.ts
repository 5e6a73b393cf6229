// Standings polled while ballots are cast (issue 15): 10 clients each asking
// for `standings` once a second must leave casting's p99 within 1.5× of
// casting with nobody polling. A campaign of 80 units holds 10,000 counted
// ballots (800,000 ratings, imported on paper and mixed); castBallot then runs
// at a fixed, evenly spaced arrival rate (open-loop.ts) with the default mixer, in turns:
// nobody polling; 10 pollers (the counted tally comes from memory while the
// tally stamp holds); 10 pollers that delete the stamp before each poll, so
// every poll counts the 800,000 ratings again (the cache defeated: the
// baseline that shows what it buys). Also standings alone, warm against cold.
// Run: npm run bench (builds first; the server comes from dist/).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  ADMIN_PASSWORD,
  benchCampaign,
  boxEmptied,
  type BenchDatabase,
  freshDatabase,
  gql,
  LEVEL_LABELS,
  login,
  median,
  pgReachable,
  runBench,
  UNIT_CODES,
  writeReport,
} from './bench-kit';
import { castLoad, issueCodes, startProcess, stopProcess } from './load-kit';

const RATE = Number(process.env.BENCH_POLL_CAST_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_POLL_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_POLL_ROUNDS ?? 2);
const POLLERS = 10;
const BALLOTS = 10_000;
const CONNECTIONS = 50;
const STANDINGS = `query($c: ID!) { standings(campaignId: $c) { ratingCount standings {
  unitCode unitName ballots counted valid score rank tier tierLabel rates { level value } explanation { scoreText textZh } } } }`;

type Mode = 'no polling' | 'polling' | 'polling, no cache';
interface Phase {
  database: string;
  mode: Mode;
  round: number;
  achieved: number;
  failures: number;
  castP50: number;
  castP99: number;
  polls: number;
  pollMedianMs: number | null;
}

const csvOf = (ballots: number): string => {
  const lines = [`group,${UNIT_CODES.join(',')}`];
  for (let r = 0; r < ballots; r += 1)
    lines.push(
      `${r % 4 === 0 ? '企业代表' : '城乡居民'},${UNIT_CODES.map((_, u) => LEVEL_LABELS[(r * 31 + u * 7) % 6]).join(',')}`,
    );
  return `${lines.join('\n')}\n`;
};

/** Deletes the campaign's tally stamp beside the server (its next tally counts every rating), or writes a new one. */
function stampEraser(
  db: BenchDatabase,
  campaignId: string,
): { erase(): Promise<void>; restamp(): Promise<void>; close(): Promise<void> } {
  const id = Number(campaignId);
  const restamp = (): string => `INSERT INTO tally_stamp (campaign_id, stamp) VALUES (${id}, '${randomUUID()}')
    ON CONFLICT (campaign_id) DO UPDATE SET stamp = excluded.stamp`;
  if (db.kind === 'sqlite') {
    const file = new Database(path.join(db.dataDir, 'pingyi.sqlite'));
    file.pragma('busy_timeout = 10000');
    const erase = file.prepare('DELETE FROM tally_stamp WHERE campaign_id = ?');
    return {
      erase: async () => void erase.run(id),
      restamp: async () => void file.exec(restamp()),
      close: async () => void file.close(),
    };
  }
  const pool = new Pool({ connectionString: db.url, max: 4 });
  return {
    erase: async () => void (await pool.query('DELETE FROM tally_stamp WHERE campaign_id = $1', [id])),
    restamp: async () => void (await pool.query(restamp())),
    close: () => pool.end(),
  };
}

async function runOn(kind: 'sqlite' | 'postgres'): Promise<{ phases: Phase[]; warmMs: number; coldMs: number }> {
  const db = await freshDatabase(kind);
  const server = await startProcess('server-process.ts', {
    NODE_ENV: 'test',
    PORT: '0',
    PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PINGYI_DEMO: '0',
    PINGYI_SECRET: 'bench-secret-for-keyed-hashes-0123456789',
    PINGYI_ANON_RATE: '0',
    ...db.env,
  });
  let stamps: ReturnType<typeof stampEraser> | undefined;
  try {
    const token = await login(server.url);
    const campaignId = await benchCampaign(server.url, token);
    stamps = stampEraser(db, campaignId);
    const eraser = stamps;
    const batch = await gql<{ createPaperBatch: { id: string } }>(
      server.url,
      `mutation($c: ID!) { createPaperBatch(campaignId: $c, code: "seed") { ... on PaperBatch { id } ... on ErrorResult { errorCode message } } }`,
      { c: campaignId },
      token,
    );
    const seeded = await fetch(
      `${server.url}/paper-batches/${batch.createPaperBatch.id}/keyings/1?name=seed.csv&wait=1`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: new TextEncoder().encode(csvOf(BALLOTS)),
      },
    );
    if (seeded.status !== 202 && seeded.status !== 200)
      throw new Error(`seeding: ${seeded.status} ${await seeded.text()}`);
    await boxEmptied(db);
    const standings = async (): Promise<number> => {
      const started = performance.now();
      const data = await gql<{ standings: { ratingCount: number } }>(server.url, STANDINGS, { c: campaignId }, token);
      if (data.standings.ratingCount < BALLOTS * UNIT_CODES.length) throw new Error('standings: ratings missing');
      return performance.now() - started;
    };

    // standings alone, in turns: from memory (a new stamp, counted once, then kept), and counted (no stamp)
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      await eraser.restamp();
      await standings();
      warm.push(await standings());
      await eraser.erase();
      cold.push(await standings());
    }
    await eraser.restamp(); // as the mixer leaves it

    const phases: Phase[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const mode of ['no polling', 'polling', 'polling, no cache'] as const) {
        const codes = await issueCodes(server.url, token, campaignId, RATE * SECONDS + CONNECTIONS);
        let casting = true;
        const pollTimes: number[] = [];
        const pollers =
          mode === 'no polling'
            ? []
            : Array.from({ length: POLLERS }, async (_, p) => {
                await new Promise((resolve) => setTimeout(resolve, (p * 1000) / POLLERS)); // spread over the second
                while (casting) {
                  const started = performance.now();
                  if (mode === 'polling, no cache') await eraser.erase();
                  pollTimes.push(await standings());
                  await new Promise((resolve) =>
                    setTimeout(resolve, Math.max(0, 1000 - (performance.now() - started))),
                  );
                }
              });
        const cast = await castLoad({
          url: server.url,
          rate: RATE,
          seconds: SECONDS,
          connections: CONNECTIONS,
          codes,
        });
        casting = false;
        await Promise.all(pollers);
        const phase: Phase = {
          database: kind,
          mode,
          round,
          achieved: cast.ok / Math.max(cast.seconds, SECONDS),
          failures: cast.failed,
          castP50: cast.p50,
          castP99: cast.p99,
          polls: pollTimes.length,
          pollMedianMs: pollTimes.length ? median(pollTimes) : null,
        };
        phases.push(phase);
        console.log(
          `  ${kind} round ${round}, ${mode}: cast p50 ${phase.castP50} ms, p99 ${phase.castP99} ms, ${phase.achieved.toFixed(0)}/s, ${phase.failures} failed; ${phase.polls} polls${phase.pollMedianMs === null ? '' : `, median ${phase.pollMedianMs.toFixed(0)} ms`}`,
        );
      }
    }
    return { phases, warmMs: median(warm), coldMs: median(cold) };
  } finally {
    await stamps?.close().catch(() => undefined);
    await stopProcess(server.child);
    await db.drop();
  }
}

/** Median over rounds of the round's p99 with `mode` ÷ its p99 with nobody polling. */
function perRound(phases: readonly Phase[], mode: Mode): number {
  const rounds = [...new Set(phases.map((phase) => phase.round))];
  return median(
    rounds.map((round) => {
      const of = (m: Mode) => phases.find((phase) => phase.round === round && phase.mode === m)?.castP99 ?? NaN;
      return of(mode) / of('no polling');
    }),
  );
}

async function main(): Promise<void> {
  const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
  const results: { database: string; phases: Phase[]; warmMs: number; coldMs: number }[] = [];
  for (const database of ['sqlite', 'postgres'] as const) {
    if (!databases.includes(database) || (database === 'postgres' && !(await pgReachable()))) continue;
    console.log(
      `${database}: ${BALLOTS.toLocaleString('en')} counted ballots × 80 units, casting at ${RATE}/s for ${SECONDS} s per phase`,
    );
    results.push({ database, ...(await runOn(database)) });
  }
  console.log(
    `\nStandings polled by ${POLLERS} clients once a second while casting at ${RATE}/s (p99 medians over ${ROUNDS} rounds; ratios per round, then their median):`,
  );
  const summary = results.map(({ database, phases, warmMs, coldMs }) => {
    const p99 = (mode: Mode) => median(phases.filter((p) => p.mode === mode).map((p) => p.castP99));
    const p50 = (mode: Mode) => median(phases.filter((p) => p.mode === mode).map((p) => p.castP50));
    const row = {
      database,
      standingsWarmMs: warmMs,
      standingsColdMs: coldMs,
      warmOverCold: warmMs / coldMs,
      castP50: { none: p50('no polling'), polling: p50('polling'), noCache: p50('polling, no cache') },
      castP99: { none: p99('no polling'), polling: p99('polling'), noCache: p99('polling, no cache') },
      // per round (the same minute of a noisy machine), then the median over rounds
      pollingOverNone: perRound(phases, 'polling'),
      noCacheOverNone: perRound(phases, 'polling, no cache'),
    };
    console.log(
      `  ${database}: standings ${warmMs.toFixed(0)} ms from memory, ${coldMs.toFixed(0)} ms counted (${row.warmOverCold.toFixed(2)}×); ` +
        `cast p99 ${row.castP99.none} ms nobody polling, ${row.castP99.polling} ms polled (${row.pollingOverNone.toFixed(2)}×, goal ≤ 1.5×), ` +
        `${row.castP99.noCache} ms polled without the cache (${row.noCacheOverNone.toFixed(2)}×)`,
    );
    return row;
  });
  writeReport('standings-polling', {
    measuredAt: new Date().toISOString(),
    node: process.version,
    rate: RATE,
    seconds: SECONDS,
    pollers: POLLERS,
    results,
    summary,
  });
  if (results.some((r) => r.phases.some((p) => p.failures > 0))) throw new Error('some casts failed');
}

runBench('standings-polling', main);
