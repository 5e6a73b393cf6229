// A full campaign for the benchmarks: the seed's nine evaluator groups and
// quotas (10,000 ballots), 80 appraised units, deterministic ratings, and the
// way the contenders are timed (in turns, medians).
import { performance } from 'node:perf_hooks';

export const UNITS = 80;
export const LEVELS = [
  'satisfied',
  'fairlySatisfied',
  'basicallySatisfied',
  'notVerySatisfied',
  'dissatisfied',
  'unknown',
];
export const GROUPS = [
  ['partyCongressDeputies', '党代表', 500, 1.5],
  ['peoplesCongressDeputies', '人大代表', 500, 1.5],
  ['cppccMembers', '政协委员', 500, 1.5],
  ['retiredCadres', '离退休干部', 800, 1],
  ['supervisorsAndJournalists', '监督员/记者', 400, 1],
  ['grassrootsLeaders', '基层负责人', 1300, 1.5],
  ['professionals', '专业技术人员', 1000, 1],
  ['enterpriseRepresentatives', '企业代表', 1500, 1],
  ['residents', '城乡居民', 3500, 3],
] as const;

export const unitCode = (u: number): string => `unit-${String(u + 1).padStart(2, '0')}`;

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Runs the contenders in turns (a, b, c, a, b, ...) so a busy machine slows them alike; two warm-up runs each; medians. */
export async function timeInTurns(
  works: Readonly<Record<string, () => Promise<unknown>>>,
  repeat: number,
): Promise<Record<string, number>> {
  const names = Object.keys(works);
  for (const name of names) for (let i = 0; i < 2; i += 1) await works[name]?.();
  const samples = new Map(names.map((name) => [name, [] as number[]]));
  for (let i = 0; i < repeat; i += 1) {
    for (const name of names) {
      const start = performance.now();
      await works[name]?.();
      samples.get(name)?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])]));
}

/** 10,000 deterministic ballots, each rating all 80 units; unit i is liked less the higher i is. */
export function* ballots(): Generator<{ id: string; group: string; levels: string[] }> {
  let state = 20_251_016;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  let n = 0;
  for (const [group, , quota] of GROUPS) {
    for (let i = 0; i < quota; i += 1, n += 1) {
      const levels = Array.from({ length: UNITS }, (_, u) => {
        const r = random();
        const satisfied = 0.6 - (0.3 * u) / UNITS;
        if (r < satisfied) return 'satisfied';
        if (r < satisfied + 0.2) return 'fairlySatisfied';
        if (r < satisfied + 0.3) return 'basicallySatisfied';
        if (r < satisfied + 0.34) return 'notVerySatisfied';
        if (r < satisfied + 0.37) return 'dissatisfied';
        return LEVELS[5] as string;
      });
      yield { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, group, levels };
    }
  }
}

/** The full campaign's policy: the seed's scale, the nine groups with their weights, group-weighted mean, three tiers. */
export const FULL_POLICY = {
  version: 1,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'fairlySatisfied', label: '比较满意', points: 85 },
    { code: 'basicallySatisfied', label: '基本满意', points: 70 },
    { code: 'notVerySatisfied', label: '不太满意', points: 55 },
    { code: 'dissatisfied', label: '不满意', points: 40 },
    { code: 'unknown', label: '不了解', points: null },
  ],
  groups: GROUPS.map(([code, label, , weight]) => ({ code, label, weight })),
  strategy: { code: 'group-weighted-mean', args: {} },
  minCounted: 30,
  tiers: [
    { code: 'satisfied', label: '满意', min: 85 },
    { code: 'basicallySatisfied', label: '基本满意', min: 60 },
    { code: 'dissatisfied', label: '不满意', min: null },
  ],
};

/** `createCampaign`'s input for the full campaign, with its phases and name. */
export function fullCampaignInput(
  phases: readonly { code: string; label: string; start: string; end: string }[],
  name: string,
): Record<string, unknown> {
  return {
    year: Number(phases[0]?.start.slice(0, 4)),
    name,
    phases,
    guidingPrinciple: '基准测试',
    objectives: [{ number: 1, title: '目标', text: '基准' }],
    requirements: [{ number: 1, title: '要求', text: '基准' }],
    evaluatorGroups: GROUPS.map(([code, label, quota]) => ({ code, label, quota })),
    policyJson: JSON.stringify(FULL_POLICY),
  };
}

/** `setUnits`' input: the bureau and the 80 appraised units under it, named by `name(u)`. */
export function fullCampaignUnits(name: (u: number) => string): Record<string, unknown>[] {
  return [
    { code: 'bureau', name: '市公安局', parentCode: null, appraised: false },
    ...Array.from({ length: UNITS }, (_, u) => ({
      code: unitCode(u),
      name: name(u),
      parentCode: 'bureau',
      appraised: true,
    })),
  ];
}
