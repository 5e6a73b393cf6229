// castBallot at 100, 200 and 400 ballots/s on one and on two server instances
// sharing one PostgreSQL (issue 15), each instance in its own process. With
// two, the open loop drives each instance at half the rate at the same time, as a
// round-robin proxy would, and the worse instance's p99 is reported. Same run,
// same machine: the one-instance figures are the baseline of the two-instance
// ones. The throttles are per address and off for this load (PINGYI_ANON_RATE=0).
// Run: npm run bench (builds first; the server comes from dist/).
import { Client } from 'pg';
import {
  ADMIN_PASSWORD,
  benchCampaign,
  boxEmptied,
  freshDatabase,
  login,
  pgReachable,
  runBench,
  writeReport,
} from './bench-kit';
import { castLoad, issueCodes, startProcess, stopProcess } from './load-kit';

const RATES = (process.env.BENCH_RATES ?? '100,200,400').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_CAST_SECONDS ?? 10);
const CONNECTIONS = 50; // per instance

interface Run {
  instances: number;
  rate: number;
  achieved: number;
  failures: number;
  p50: number;
  p99: number;
}

const load = (url: string, rate: number, codes: readonly string[]) =>
  castLoad({ url, rate, seconds: SECONDS, connections: CONNECTIONS, codes });

async function main(): Promise<void> {
  if (!(await pgReachable())) return;
  const db = await freshDatabase('postgres');
  const env = {
    NODE_ENV: 'test',
    PORT: '0',
    PINGYI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PINGYI_DEMO: '0',
    PINGYI_SECRET: 'bench-secret-for-keyed-hashes-0123456789',
    PINGYI_ANON_RATE: '0',
    ...db.env,
  };
  const servers = [await startProcess('server-process.ts', env)];
  const runs: Run[] = [];
  try {
    servers.push(await startProcess('server-process.ts', env)); // the same database, migrated by the first
    const [first] = servers;
    if (!first) throw new Error('no server');
    const token = await login(first.url);
    const campaignId = await benchCampaign(first.url, token);
    for (const rate of RATES) {
      for (const instances of [1, 2]) {
        const targets = servers.slice(0, instances);
        const share = rate / instances;
        const codes = await issueCodes(first.url, token, campaignId, rate * SECONDS + CONNECTIONS * instances);
        const parts = await Promise.all(
          targets.map((server, i) =>
            load(
              server.url,
              share,
              codes.slice(i * (share * SECONDS + CONNECTIONS), (i + 1) * (share * SECONDS + CONNECTIONS)),
            ),
          ),
        );
        const ok = parts.reduce((sum, part) => sum + part.ok, 0);
        const duration = Math.max(SECONDS, ...parts.map((part) => part.seconds));
        const run: Run = {
          instances,
          rate,
          achieved: ok / duration,
          failures: parts.reduce((sum, part) => sum + part.failed, 0),
          p50: Math.max(...parts.map((part) => part.p50)),
          p99: Math.max(...parts.map((part) => part.p99)),
        };
        runs.push(run);
        console.log(
          `  ${instances} instance${instances > 1 ? 's' : ''} @${rate}/s: ${run.achieved.toFixed(0)}/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ${run.failures} failed`,
        );
        await boxEmptied(db); // the next run starts with the box counted
      }
    }
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const used = Number(
        (await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM access_code WHERE state = 'used'")).rows[0]?.n,
      );
      const ballots = Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM ballot')).rows[0]?.n);
      if (used !== ballots) throw new Error(`${used} codes used but ${ballots} ballots counted`);
      console.log(`  every used code is one counted ballot (${ballots})`);
    } finally {
      await client.end();
    }
  } finally {
    for (const server of servers) await stopProcess(server.child);
    await db.drop();
  }
  console.log('\ncastBallot on PostgreSQL, one against two instances (the worse instance p99), same run:');
  for (const rate of RATES) {
    const one = runs.find((run) => run.rate === rate && run.instances === 1);
    const two = runs.find((run) => run.rate === rate && run.instances === 2);
    if (one && two)
      console.log(
        `  @${rate}/s: one ${one.achieved.toFixed(0)}/s p50 ${one.p50} ms p99 ${one.p99} ms; two ${two.achieved.toFixed(0)}/s p50 ${two.p50} ms p99 ${two.p99} ms (p99 two / one ${(two.p99 / Math.max(1, one.p99)).toFixed(2)}×; goal p99 < 250 ms at 200/s)`,
      );
  }
  writeReport('casting-instances', {
    measuredAt: new Date().toISOString(),
    node: process.version,
    seconds: SECONDS,
    runs,
  });
}

runBench('casting-instances', main);
