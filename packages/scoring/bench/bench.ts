// `npm run bench`: 50 million ratings (100 units × 9 groups × 6 levels) from
// a fixed-seed PRNG, counted by (a) a bare loop, (b) Tally.fromRatings and
// (c) build + score with each built-in strategy. Median of several runs,
// ratios against the bare loop measured in the same run, memory above idle.
import { SEED_RATING_SCALE } from '@pingyi/domain';
import { parsePolicy, scoreTally, Tally, type ScoringPolicy } from '../src/index.js';

const RATINGS = Number(process.env.PINGYI_BENCH_RATINGS ?? 50_000_000);
const RUNS = Number(process.env.PINGYI_BENCH_RUNS ?? 7);
const UNITS = 100;
const GROUPS = [
  'partyCongressDeputies',
  'peoplesCongressDeputies',
  'cppccMembers',
  'retiredCadres',
  'supervisorsAndJournalists',
  'grassrootsLeaders',
  'professionals',
  'enterpriseRepresentatives',
  'residents',
];
const LEVELS = SEED_RATING_SCALE.length;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

// mulberry32: small, fast, deterministic.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function generate(n: number) {
  const next = prng(20261016);
  const unit = new Uint16Array(n);
  const group = new Uint8Array(n);
  const level = new Uint8Array(n);
  // Skewed towards the better levels, as real appraisals are.
  const levelOf = [0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 5];
  for (let i = 0; i < n; i++) {
    const r = next();
    unit[i] = r % UNITS;
    group[i] = (r >>> 8) % GROUPS.length;
    level[i] = levelOf[(r >>> 16) % levelOf.length] as number;
  }
  return { unit, group, level };
}

// (a) The baseline: the least work that counts the same ratings.
function bareLoop(unit: Uint16Array, group: Uint8Array, level: Uint8Array, counts: Float64Array | Uint32Array): void {
  const G = GROUPS.length;
  for (let i = 0, n = unit.length; i < n; i++)
    counts[((unit[i] as number) * G + (group[i] as number)) * LEVELS + (level[i] as number)]!++;
}

interface Case {
  readonly name: string;
  readonly run: () => unknown;
}

interface Measured {
  readonly name: string;
  readonly median: number;
  readonly heapDelta: number;
  readonly rssDelta: number;
}

function measure(entry: Case): Measured {
  entry.run(); // warm-up: let the JIT settle
  const times: number[] = [];
  let heapDelta = 0;
  let rssDelta = 0;
  for (let r = 0; r < RUNS; r++) {
    gc();
    const before = process.memoryUsage();
    const start = process.hrtime.bigint();
    const result = entry.run();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    const after = process.memoryUsage();
    heapDelta = Math.max(heapDelta, after.heapUsed - before.heapUsed);
    rssDelta = Math.max(rssDelta, after.rss - before.rss);
    times.push(elapsed);
    if (result === undefined) throw new Error(`${entry.name} produced nothing`);
  }
  times.sort((a, b) => a - b);
  return { name: entry.name, median: times[Math.floor(times.length / 2)] as number, heapDelta, rssDelta };
}

function main(): void {
  gc();
  const idle = process.memoryUsage();
  const started = Date.now();
  const { unit, group, level } = generate(RATINGS);
  const dataBytes = unit.byteLength + group.byteLength + level.byteLength;
  const units = Array.from({ length: UNITS }, (_, i) => `unit-${String(i).padStart(3, '0')}`);
  const ratings = { scale: SEED_RATING_SCALE, units, groups: GROUPS, unit, group, level };
  const groups = GROUPS.map((code, i) => ({ code, weight: i === GROUPS.length - 1 ? 3 : 1 }));
  const policy = (strategy: Record<string, unknown>): ScoringPolicy =>
    parsePolicy({
      version: 1,
      scale: SEED_RATING_SCALE,
      groups,
      strategy,
      tiers: [
        { code: 'satisfied', min: 85 },
        { code: 'basicallySatisfied', min: 60 },
        { code: 'dissatisfied', min: null },
      ],
    });
  const strategies = [
    { code: 'weighted-mean' },
    { code: 'satisfaction-rate', args: { levels: ['satisfied', 'fairlySatisfied'] } },
    { code: 'group-weighted-mean' },
    { code: 'trimmed-mean', args: { trim: 0.1 } },
    {
      code: 'majority',
      args: {
        electorate: RATINGS,
        satisfiedLevels: ['satisfied'],
        acceptableLevels: ['satisfied', 'fairlySatisfied'],
        tiers: ['a', 'b', 'c'],
      },
    },
  ];

  // Sanity: the tally counts what the bare loop counts.
  const check = new Float64Array(UNITS * GROUPS.length * LEVELS);
  bareLoop(unit, group, level, check);
  const tally = Tally.fromRatings(ratings);
  if (tally.counts.some((count, i) => count !== check[i]))
    throw new Error('Tally.fromRatings disagrees with the bare loop');

  const cases: Case[] = [
    {
      name: 'baseline: bare loop, Float64Array counts',
      run: () => {
        const counts = new Float64Array(UNITS * GROUPS.length * LEVELS);
        bareLoop(unit, group, level, counts);
        return counts;
      },
    },
    {
      name: 'bare loop, Uint32Array counts',
      run: () => {
        const counts = new Uint32Array(UNITS * GROUPS.length * LEVELS);
        bareLoop(unit, group, level, counts);
        return counts;
      },
    },
    { name: 'Tally.fromRatings', run: () => Tally.fromRatings(ratings) },
    ...strategies.map((strategy) => {
      const parsed = policy(strategy);
      return { name: `build + score: ${strategy.code}`, run: () => scoreTally(Tally.fromRatings(ratings), parsed) };
    }),
  ];

  const results = cases.map(measure);
  const baseline = results[0]?.median as number;
  const peakRss = process.resourceUsage().maxRSS * 1024;

  const header = ['case', 'median ms', 'M ratings/s', '× baseline', 'heap Δ MB', 'RSS Δ MB'];
  const rows = results.map((result) => [
    result.name,
    result.median.toFixed(1),
    (RATINGS / result.median / 1000).toFixed(0),
    (result.median / baseline).toFixed(2),
    mb(result.heapDelta),
    mb(result.rssDelta),
  ]);
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
      .join('  ');

  console.log(
    `Pingyi scoring benchmark: ${RATINGS.toLocaleString('en')} ratings (${UNITS} units × ${GROUPS.length} groups × ${LEVELS} levels)`,
  );
  console.log(
    `median of ${RUNS} runs after a warm-up; Node ${process.version}, ${process.arch}; goal ≤ 1.50 × baseline\n`,
  );
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log(
    `\nmemory: idle RSS ${mb(idle.rss)} MB, heap ${mb(idle.heapUsed)} MB; rating arrays ${mb(dataBytes)} MB; ` +
      `peak RSS ${mb(peakRss)} MB (${mb(peakRss - idle.rss)} MB above idle, of which the arrays are ${mb(dataBytes)} MB)`,
  );
  const worst = Math.max(...results.slice(2).map((result) => result.median / baseline));
  console.log(
    `worst ratio ${worst.toFixed(2)} × baseline: ${worst <= 1.5 ? 'within' : 'ABOVE'} the 1.5 × goal; ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  );
}

main();
