import { isPingyiError, type PingyiError } from '@pingyi/domain';
import {
  createStrategyRegistry,
  describeStrategy,
  parsePolicy,
  scoreTally,
  Tally,
  weightedMeanStrategy,
} from '@pingyi/scoring';
import { describe, expect, it } from 'vitest';
import { checkIndicatorValue, parseIndicatorDeclarations } from './indicator-declaration';
import { bindIndicators, defineIndicatorStrategy, indicatorsOf, isIndicatorStrategy } from './indicator-strategy';
import { IndicatorTable } from './indicator-table';

const scale = [
  { code: 'good', label: '好', points: 100 },
  { code: 'bad', label: '差', points: 0 },
];

// 100 − complaints, or the share of good votes when `useVotes`.
const penalty = defineIndicatorStrategy({
  code: 'test/penalty',
  label: 'penalty',
  description: '100 minus complaints',
  indicators: ['complaints'],
  args: { sneaky: { type: 'boolean', label: 'read an undeclared indicator', default: false } },
  range: { min: 0, max: 100 },
  score(unit, args, _policy, indicators) {
    if (args.sneaky) return indicators.value('inspections');
    const worst = Math.max(...indicators.column('complaints').values());
    return { score: 100 - indicators.value('complaints'), steps: [{ label: 'worst', expression: `max = ${worst}` }] };
  },
});

const tally = Tally.fromRows(
  [
    { unit: 'a', level: 'good', count: 3 },
    { unit: 'b', level: 'good', count: 1 },
  ],
  { scale },
);

function score(table: IndicatorTable, args: Record<string, unknown> = {}) {
  const registry = createStrategyRegistry(bindIndicators([penalty], table));
  const policy = parsePolicy({ version: 1, scale, strategy: { code: 'test/penalty', args } }, registry);
  return scoreTally(tally, policy, registry);
}

function failure(fn: () => unknown): PingyiError {
  try {
    fn();
  } catch (error) {
    if (isPingyiError(error)) return error;
    throw error;
  }
  throw new Error('expected a PingyiError');
}

describe('defineIndicatorStrategy', () => {
  it('scores with the values it is bound to', () => {
    const { standings } = score(IndicatorTable.fromUnits({ a: { complaints: 30 }, b: { complaints: 5 } }));
    expect(standings.map((s) => [s.unit, s.score, s.rank])).toEqual([
      ['b', 95, 1],
      ['a', 70, 2],
    ]);
  });

  it('reports a missing value as STRATEGY_FAILED naming the strategy, unit and indicator', () => {
    const error = failure(() => score(IndicatorTable.fromUnits({ a: { complaints: 3 } })));
    expect(error.code).toBe('STRATEGY_FAILED');
    expect(error.message).toBe(
      'scoring strategy "test/penalty" failed for unit "b": indicator "complaints" has no value for unit "b" (enter it, or import the indicators CSV)',
    );
  });

  it('refuses to read an indicator it does not declare', () => {
    const error = failure(() =>
      score(IndicatorTable.fromUnits({ a: { complaints: 1, inspections: 1 }, b: { complaints: 1 } }), { sneaky: true }),
    );
    expect(error.message).toMatch(/failed for unit "a": reads indicator "inspections" but declares only "complaints"/);
  });

  it('is a plain strategy when unbound: listed, described, every indicator missing', () => {
    expect(isIndicatorStrategy(penalty)).toBe(true);
    expect(isIndicatorStrategy(weightedMeanStrategy)).toBe(false);
    expect(indicatorsOf(penalty)).toEqual(['complaints']);
    expect(indicatorsOf(weightedMeanStrategy)).toEqual([]);
    expect(describeStrategy(penalty).args.map((arg) => arg.name)).toEqual(['sneaky']);
    expect(failure(() => score(IndicatorTable.EMPTY)).message).toMatch(
      /indicator "complaints" has no value for unit "a"/,
    );
    const [bound] = bindIndicators([penalty], IndicatorTable.EMPTY);
    expect(isIndicatorStrategy(bound!)).toBe(false);
    expect(indicatorsOf(bound!)).toEqual(['complaints']);
  });

  it('refuses a declaration that lists no indicator', () => {
    expect(() =>
      defineIndicatorStrategy({ code: 'x/y', label: 'x', description: 'x', indicators: [], args: {}, score: () => 1 }),
    ).toThrow(/must list the codes of the indicators it reads/);
  });
});

describe('indicator declarations and values', () => {
  it('accepts declarations and fills defaults', () => {
    expect(
      parseIndicatorDeclarations(
        [{ code: 'complaints', label: ' 投诉件数 ', unit: '件', min: 0, integer: true }],
        'indicators',
      ),
    ).toEqual([{ code: 'complaints', label: '投诉件数', unit: '件', min: 0, max: null, integer: true }]);
  });

  it.each([
    ['not a list', { code: 'x' }, 'indicators: must be a list of indicators'],
    ['a bad code', [{ code: 'a b', label: 'x' }], 'indicators[0].code: must be a code of 1 to 64 letters'],
    ['no label', [{ code: 'a' }], 'indicators[0].label: is required'],
    ['min above max', [{ code: 'a', label: 'x', min: 5, max: 1 }], 'indicators[0]: min 5 is above max 1'],
    [
      'a repeated code',
      [
        { code: 'a', label: 'x' },
        { code: 'a', label: 'y' },
      ],
      'indicators[1].code: indicator "a" is declared twice',
    ],
    ['a text bound', [{ code: 'a', label: 'x', max: '9' }], 'indicators[0].max: must be a finite number or null'],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => parseIndicatorDeclarations(raw, 'indicators')).toThrow(message);
  });

  const inspections = { code: 'inspections', label: '检查得分', min: 0, max: 100 };
  const complaints = { code: 'complaints', label: '投诉', min: 0, integer: true };
  it.each([
    [inspections, 87.5, null],
    [inspections, 100.5, 'indicator "inspections" (检查得分) is at most 100, got 100.5'],
    [inspections, -1, 'is at least 0, got -1'],
    [inspections, Number.NaN, 'needs a number, got null'],
    [complaints, 2.5, 'takes whole numbers, got 2.5'],
    [complaints, '3', 'needs a number, got "3"'],
  ])('checks the value %j of %s', (declaration, value, message) => {
    if (message === null) expect(checkIndicatorValue(declaration, value, 'v')).toBe(value);
    else expect(() => checkIndicatorValue(declaration, value, 'v')).toThrow(message);
  });

  it('keeps the last of repeated values and counts them', () => {
    const table = IndicatorTable.fromRows([
      { unit: 'a', indicator: 'x', value: 1 },
      { unit: 'a', indicator: 'x', value: 2 },
      { unit: 'b', indicator: 'y', value: 3 },
    ]);
    expect(table.get('x', 'a')).toBe(2);
    expect(table.size).toBe(2);
    expect(table.indicators()).toEqual(['x', 'y']);
    expect([...table.column('missing')]).toEqual([]);
  });
});
