// Apollo against Mercurius for castBallot's request (issue 15), in the same
// run: the same code-first field and an 80-rating input on a bare Nest app
// (graphql-driver-server.ts), each in its own process, driven by autocannon
// with 50 connections as fast as it answers, in turns (apollo, mercurius,
// apollo, mercurius...). Reports requests per second and p50/p99 per driver,
// and what the layer costs per request (1 / rate): set beside castBallot's
// own cost (online-casting.bench.ts) to decide whether a switch pays.
// Run: npm run bench.
import * as path from 'node:path';
import { median, runBench, writeReport } from './bench-kit';
import { autocannon, RATINGS, startProcess, stopProcess } from './load-kit';

const ROUNDS = Number(process.env.BENCH_DRIVER_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_DRIVER_SECONDS ?? 8);
const BODY = JSON.stringify({
  query: 'mutation($input: CastBallotInput!) { castBallot(input: $input) { receiptNumber } }',
  variables: { input: { code: 'ABCD-EFGH-JKLM', ratings: RATINGS } },
});

interface Sample {
  driver: 'apollo' | 'mercurius';
  round: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(driver: Sample['driver'], round: number): Promise<Sample> {
  const server = await startProcess('graphql-driver-server.ts', {
    GRAPHQL_DRIVER: driver,
    // the bench's tsconfig: decorators on (tsx reads the package's, which covers src and test only)
    TSX_TSCONFIG_PATH: path.join(__dirname, 'tsconfig.json'),
  });
  try {
    const check = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    const answer = (await check.json()) as { data?: { castBallot?: { receiptNumber?: string } } };
    if (answer.data?.castBallot?.receiptNumber !== '14-80') throw new Error(`${driver}: ${JSON.stringify(answer)}`);
    const result = await (
      autocannon as unknown as (
        options: object,
      ) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number }>
    )({
      url: `${server.url}/graphql`,
      connections: 50,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BODY,
    });
    const sample = {
      driver,
      round,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
    };
    console.log(
      `  round ${round} ${driver}: ${sample.perSecond.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms`,
    );
    return sample;
  } finally {
    await stopProcess(server.child);
  }
}

async function main(): Promise<void> {
  const samples: Sample[] = [];
  for (let round = 1; round <= ROUNDS; round += 1)
    for (const driver of round % 2 ? (['apollo', 'mercurius'] as const) : (['mercurius', 'apollo'] as const))
      samples.push(await measure(driver, round));
  const of = (driver: Sample['driver']) => {
    const mine = samples.filter((s) => s.driver === driver);
    return {
      perSecond: median(mine.map((s) => s.perSecond)),
      p50: median(mine.map((s) => s.p50)),
      p99: median(mine.map((s) => s.p99)),
    };
  };
  const apollo = of('apollo');
  const mercurius = of('mercurius');
  console.log(`\ncastBallot's GraphQL layer, an 80-rating input, medians of ${ROUNDS} rounds of ${SECONDS} s:`);
  console.log(
    `  Apollo (Express): ${apollo.perSecond.toFixed(0)} req/s (${(1000 / apollo.perSecond).toFixed(2)} ms of the server per request), p50 ${apollo.p50} ms, p99 ${apollo.p99} ms`,
  );
  console.log(
    `  Mercurius (Fastify): ${mercurius.perSecond.toFixed(0)} req/s (${(1000 / mercurius.perSecond).toFixed(2)} ms), p50 ${mercurius.p50} ms, p99 ${mercurius.p99} ms`,
  );
  console.log(`  Mercurius / Apollo: ${(mercurius.perSecond / apollo.perSecond).toFixed(2)}× the rate`);
  if (samples.some((s) => s.non2xx > 0)) throw new Error('some requests failed');
  writeReport('graphql-driver', {
    measuredAt: new Date().toISOString(),
    node: process.version,
    rounds: ROUNDS,
    seconds: SECONDS,
    samples,
    apollo,
    mercurius,
  });
}

runBench('graphql-driver', main);
