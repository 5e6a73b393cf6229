import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, repoRoot, run, scoreText } from '../../test/cli-harness.js';

const example = (name: string) => join(repoRoot, 'examples', name);
const policy = JSON.stringify({
  version: 1,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'dissatisfied', label: '不满意', points: 0 },
  ],
  strategy: { code: 'weighted-mean' },
  rankWithin: 'series',
  rankTiers: [
    { code: 'top', label: '优秀', top: 1 },
    { code: 'low', label: '一般', bottom: 1 },
  ],
  tiers: [{ code: 'ok', label: '合格', min: null }],
});
// Scores: a 90, b 80, c 80 (series X); d 70, e 60 (series Y); f 50 (none).
const tally = [
  'unit,level,count,series',
  ...Object.entries({ a: [9, 'X'], b: [8, 'X'], c: [8, 'X'], d: [7, 'Y'], e: [6, 'Y'], f: [5, ''] }).flatMap(
    ([unit, [n, series]]) => [
      `${unit},satisfied,${n},${series}`,
      `${unit},dissatisfied,${10 - (n as number)},${series}`,
    ],
  ),
].join('\n');

describe('pingyi score: series and rank tiers (CONTRACTS.md §1–§3)', () => {
  it('prints series, rank within the series, overall rank and rank tiers; ties at the bottom all included', async () => {
    const result = await scoreText(policy, tally);
    expect(result.stderr).toBe('');
    const { standings } = JSON.parse(result.stdout) as { standings: Record<string, unknown>[] };
    expect(
      standings.map(({ unit, series, rank, overallRank, tier }) => [unit, series, rank, overallRank, tier]),
    ).toEqual([
      ['a', 'X', 1, 1, 'top'],
      ['b', 'X', 2, 2, 'low'],
      ['c', 'X', 2, 2, 'low'],
      ['d', 'Y', 1, 4, 'top'],
      ['e', 'Y', 2, 5, 'low'],
      ['f', null, 1, 6, 'top'],
    ]);
  });

  it('adds series and overall_rank columns to CSV and the table when there are series', async () => {
    const csv = await scoreText(policy, tally, '--format', 'csv');
    expect(csv.stdout.split('\n').slice(0, 2)).toEqual([
      'unit,series,ballots,counted,valid,score,rank,overall_rank,tier,rate_satisfied,rate_dissatisfied',
      'a,X,10,10,true,90.00,1,1,top,90.00,10.00',
    ]);
    const table = await scoreText(policy, tally, '--format', 'table');
    expect(table.stdout).toMatch(/排名\s+序列\s+单位\s+得分\s+总排名\s+等次/);
    expect(table.stdout).toMatch(/2\s+X\s+b\s+80\.00\s+2\s+一般/);
  });

  it('scores the example files: three series, a group below the minimum response rate reported but not scored', async () => {
    const result = await run(
      'score',
      '--explain',
      '--tally',
      example('series-tally.csv'),
      '--policy',
      example('series-policy.json'),
      '--participation',
      example('participation.csv'),
    );
    expect(result.code).toBe(0);
    const { standings } = JSON.parse(result.stdout) as {
      standings: {
        unit: string;
        series: string;
        rank: number;
        tier: string;
        explanation: { excludedGroups?: { group: string }[]; text: { zh: string } };
      }[];
    };
    expect(new Set(standings.map((s) => s.series))).toEqual(new Set(['law-enforcement', 'service', 'supervision']));
    expect(standings.filter((s) => s.rank === 1).map((s) => s.tier)).toEqual(['excellent', 'excellent', 'excellent']);
    expect(standings[0]?.explanation.excludedGroups?.map((g) => g.group)).toEqual(['supervisorsAndJournalists']);
    expect(standings[0]?.explanation.text.zh).toContain('监督员/记者回收率 36.80%，低于最低要求 60%');
    // without the participation file every group is scored, so the score differs
    const without = await run(
      'score',
      '--explain',
      '--tally',
      example('series-tally.csv'),
      '--policy',
      example('series-policy.json'),
    );
    const first = (JSON.parse(without.stdout) as { standings: typeof standings }).standings.find(
      (s) => s.unit === standings[0]?.unit,
    );
    expect(first?.explanation.excludedGroups).toBeUndefined();
    expect(first?.explanation.text.zh).not.toBe(standings[0]?.explanation.text.zh);
  });

  it.each([
    [
      'a unit in two series',
      { 't.csv': 'unit,level,count,series\na,satisfied,1,X\na,dissatisfied,1,Y\n' },
      /t\.csv: line 3: unit a is in series "Y" here but in series "X" on line 2/,
    ],
    [
      'a bad participation row',
      { 't.csv': tally, 'r.csv': 'group,received,distributed\ng,5,x\n' },
      /r\.csv: line 2: distributed "x" is not a whole number/,
    ],
  ])('exits 2 on %s, naming the file and line', async (_name, contents, message) => {
    const input = files({ 'p.json': policy, ...contents });
    const extra = input['r.csv'] ? ['--participation', input['r.csv']] : [];
    const result = await run(
      'score',
      '--tally',
      input['t.csv'] as string,
      '--policy',
      input['p.json'] as string,
      ...extra,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
