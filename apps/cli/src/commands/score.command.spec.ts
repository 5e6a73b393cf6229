import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoTally, files, run, scoreText, seedPolicy } from '../../test/cli-harness.js';
import { displayWidth } from '../output/display-width.js';

const policy = readFileSync(seedPolicy, 'utf8');
const smallPolicy = JSON.stringify({
  version: 1,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'dissatisfied', label: '不满意', points: 40 },
    { code: 'unknown', label: '不了解', points: null },
  ],
  strategy: { code: 'weighted-mean' },
  tiers: [
    { code: 'good', label: '好', min: 80 },
    { code: 'bad', label: '差', min: null },
  ],
});
const smallTally =
  'unit,level,count\nb-unit,satisfied,201\nb-unit,dissatisfied,19799\na-unit,satisfied,3\na-unit,unknown,4\n';

describe('pingyi score: output', () => {
  it('prints the contract JSON by default, numbers rounded', async () => {
    const result = await scoreText(smallPolicy, smallTally);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      standings: [
        {
          unit: 'a-unit',
          series: null,
          ballots: 7,
          counted: 3,
          valid: true,
          score: 100,
          rank: 1,
          overallRank: 1,
          tier: 'good',
          rates: { satisfied: 100, dissatisfied: 0 },
        },
        // (201×100 + 19799×40) ÷ 20000 = 40.603 → 40.60; rate 201 ÷ 20000 × 100 = 1.005 → 1.01
        {
          unit: 'b-unit',
          series: null,
          ballots: 20000,
          counted: 20000,
          valid: true,
          score: 40.6,
          rank: 2,
          overallRank: 2,
          tier: 'bad',
          rates: { satisfied: 1.01, dissatisfied: 99 },
        }, // 98.995 → 99
      ],
    });
  });

  it('keeps exactly the contract keys, in order', async () => {
    const result = await run('score', '--tally', demoTally, '--policy', seedPolicy, '--format', 'json');
    const { standings } = JSON.parse(result.stdout) as { standings: Record<string, unknown>[] };
    expect(standings).toHaveLength(10);
    for (const standing of standings)
      expect(Object.keys(standing)).toEqual([
        'unit',
        'series',
        'ballots',
        'counted',
        'valid',
        'score',
        'rank',
        'overallRank',
        'tier',
        'rates',
      ]);
    expect(result.stdout).not.toMatch(/\d\.\d{3,}/);
  });

  it('adds the explanation with --explain', async () => {
    const result = await run('score', '--explain', '--tally', demoTally, '--policy=' + seedPolicy);
    const { standings } = JSON.parse(result.stdout) as {
      standings: { explanation: { text: { zh: string }; groups: object } }[];
    };
    expect(standings[0]?.explanation.text.zh).toMatch(/城乡居民平均分：.*按类别权重加权：/);
    expect(Object.keys(standings[0]?.explanation.groups ?? {})).toHaveLength(9);
  });

  it('prints CSV with one rate column per counted level', async () => {
    const result = await scoreText(smallPolicy, smallTally, '--format', 'csv');
    expect(result.stdout).toBe(
      'unit,ballots,counted,valid,score,rank,tier,rate_satisfied,rate_dissatisfied\n' +
        'a-unit,7,3,true,100.00,1,good,100.00,0.00\n' +
        'b-unit,20000,20000,true,40.60,2,bad,1.01,99.00\n',
    );
  });

  it('prints a table aligned for CJK, with the scale labels as headers', async () => {
    const result = await run('score', '--tally', demoTally, '--policy', seedPolicy, '--format', 'table');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const header = lines[2] as string;
    expect(header).toMatch(
      /^排名\s+单位\s+得分\s+等次\s+总票\s+有效票\s+满意%\s+比较满意%\s+基本满意%\s+不太满意%\s+不满意%$/,
    );
    // Every row ends in a right-aligned column, so aligned rows are equally wide on screen.
    const widths = new Set(lines.slice(2).map(displayWidth));
    expect(widths.size).toBe(1);
    expect(lines[4]).toMatch(/^\s+1\s+general-office\s+\d+\.\d{2}\s+满意\s/);
    expect(result.stdout).toContain('基本满意'); // a tier label, not the code
  });

  it('shows invalid units last in the table, with dashes', async () => {
    const strictPolicy = JSON.stringify({ ...JSON.parse(smallPolicy), minCounted: 5 });
    const result = await scoreText(strictPolicy, smallTally, '--format', 'table', '--explain');
    expect(result.stdout).toMatch(/\n\s+—\s+a-unit\s+—\s+—\s+7\s+3\s/);
    expect(result.stdout).toContain('有效票 3 张，少于最低要求 5 张');
    expect(result.stdout).toContain('（1 个不计分）');
  });

  it('prints its help', async () => {
    const result = await run('score', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pingyi score --tally FILE.csv --policy FILE.json/);
  });
});

describe('pingyi score: bad input → exit 2, one line on stderr, nothing on stdout', () => {
  const input = files({
    'policy.json': policy,
    'small.json': smallPolicy,
    'tally.csv': readFileSync(demoTally, 'utf8'),
    'bad-syntax.json': '{\n  "version": 1,\n  "scale": [1,\n}',
    'bad-token.json': '{ "version": 1, }',
    'bad-field.json': JSON.stringify({
      ...JSON.parse(smallPolicy),
      strategy: { code: 'trimmed-mean', args: { trim: 0.6 } },
    }),
    'majority.json': JSON.stringify({
      ...JSON.parse(smallPolicy),
      strategy: {
        code: 'majority',
        args: {
          electorate: 10,
          satisfiedLevels: ['satisfied'],
          acceptableLevels: ['satisfied'],
          tiers: ['a', 'b', 'c'],
        },
      },
    }),
    'bad-level.csv': 'unit,level,count\na,satisfied,1\na,satisfied,2\na,happy,3\n',
    'bad-count.csv': 'unit,level,count\na,satisfied,-4\n',
    'bad-columns.csv': 'unit,level,count\na,satisfied\n',
    'no-count.csv': 'unit,level\na,satisfied\n',
    'small.csv': smallTally,
    'latin1.csv': Uint8Array.from([...Buffer.from('unit,level,count\n'), 0xe9, ...Buffer.from(',satisfied,1\n')]),
  });
  const f = (name: string) => input[name] as string;

  it.each<[string, () => string[], RegExp]>([
    [
      'missing --tally',
      () => ['score', '--policy', f('policy.json')],
      /^pingyi score: missing required option --tally FILE\.csv/,
    ],
    [
      'missing --policy',
      () => ['score', '--tally', f('tally.csv')],
      /^pingyi score: missing required option --policy FILE\.json/,
    ],
    [
      'unknown option',
      () => ['score', '--tally', f('tally.csv'), '--policy', f('policy.json'), '--verbose'],
      /^pingyi score: unknown option --verbose \(see pingyi score --help\)$/,
    ],
    ['unknown short option', () => ['score', '-x'], /^pingyi score: unknown option -x/],
    ['option without value', () => ['score', '--policy', f('policy.json'), '--tally'], /option --tally needs a value/],
    [
      'option given twice',
      () => ['score', '--tally', f('tally.csv'), '--tally', f('tally.csv')],
      /--tally is given twice/,
    ],
    ['stray argument', () => ['score', f('tally.csv')], /unexpected argument/],
    ['flag with a value', () => ['score', '--explain=yes'], /--explain takes no value/],
    [
      'bad format',
      () => ['score', '--tally', f('tally.csv'), '--policy', f('policy.json'), '--format', 'xml'],
      /--format must be json, csv or table, not "xml"/,
    ],
    [
      'missing tally file',
      () => ['score', '--tally', '/nonexistent/t.csv', '--policy', f('policy.json')],
      /^pingyi: \/nonexistent\/t\.csv: cannot read the tally file: no such file$/,
    ],
    [
      'missing policy file',
      () => ['score', '--tally', f('tally.csv'), '--policy', '/nonexistent/p.json'],
      /^pingyi: \/nonexistent\/p\.json: cannot read the policy file: no such file$/,
    ],
    [
      'policy is a folder',
      () => ['score', '--tally', f('tally.csv'), '--policy', '/tmp'],
      /\/tmp: cannot read the policy file: is a directory/,
    ],
    [
      'JSON syntax, V8 gives no position',
      () => ['score', '--tally', f('tally.csv'), '--policy', f('bad-syntax.json')],
      /bad-syntax\.json: not valid JSON: Unexpected token '}'$/,
    ],
    [
      'JSON syntax with a position',
      () => ['score', '--tally', f('tally.csv'), '--policy', f('bad-token.json')],
      /bad-token\.json: not valid JSON at line 1, column 17: Expected double-quoted property name$/,
    ],
    [
      'bad policy field',
      () => ['score', '--tally', f('small.csv'), '--policy', f('bad-field.json')],
      /bad-field\.json: strategy\.args\.trim: must be below 0\.5, not 0\.6$/,
    ],
    [
      'unknown level',
      () => ['score', '--tally', f('bad-level.csv'), '--policy', f('small.json')],
      /bad-level\.csv: line 4: unknown level "happy" \(levels: satisfied, dissatisfied, unknown\)$/,
    ],
    [
      'negative count',
      () => ['score', '--tally', f('bad-count.csv'), '--policy', f('small.json')],
      /bad-count\.csv: line 2: count "-4" is negative/,
    ],
    [
      'wrong column count',
      () => ['score', '--tally', f('bad-columns.csv'), '--policy', f('small.json')],
      /bad-columns\.csv: line 2: expected 3 fields/,
    ],
    [
      'missing header column',
      () => ['score', '--tally', f('no-count.csv'), '--policy', f('small.json')],
      /no-count\.csv: line 1: the header lacks column count/,
    ],
    [
      'group missing for a policy with groups',
      () => ['score', '--tally', f('small.csv'), '--policy', f('policy.json')],
      /small\.csv: line 2: group is missing; the policy lists evaluator groups/,
    ],
    [
      'not UTF-8',
      () => ['score', '--tally', f('latin1.csv'), '--policy', f('small.json')],
      /latin1\.csv: the file is not valid UTF-8 text$/,
    ],
    [
      'strategy fails on the data',
      () => ['score', '--tally', f('small.csv'), '--policy', f('majority.json')],
      /small\.csv: scoring strategy "majority" failed for unit "b-unit": 20000 ballots rate this unit but the electorate is only 10$/,
    ],
  ])('%s', async (_name, argv, message) => {
    const result = await run(...argv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.trimEnd()).toMatch(message);
  });
});
