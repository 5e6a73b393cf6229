import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, change, figure } from './document-model';
import {
  bottomTierCodes,
  type NoticePolicy,
  type NoticeStanding,
  resultsNotice,
  seriesOf,
  standingsTable,
} from './results-notice';

const POLICY: NoticePolicy = {
  decimals: 2,
  scale: [
    { code: 'satisfied', label: '满意', points: 100 },
    { code: 'dissatisfied', label: '不满意', points: 40 },
    { code: 'unknown', label: '不了解', points: null },
  ],
  tiers: [
    { code: 'good', label: '好', min: 85 },
    { code: 'fair', label: '一般', min: null },
  ],
  strategy: { code: 'weighted-mean' },
};

const standing = (
  unitCode: string,
  score: number | null,
  rank: number | null,
  tier: string | null,
  extra: Partial<NoticeStanding> = {},
): NoticeStanding => ({
  unitCode,
  unitName: `单位${unitCode}`,
  valid: score !== null,
  score,
  rank,
  tier,
  tierLabel: tier === 'good' ? '好' : tier === 'fair' ? '一般' : null,
  counted: 10,
  rates:
    score === null
      ? []
      : [
          { level: 'satisfied', label: '满意', value: 80 },
          { level: 'dissatisfied', label: '不满意', value: 20 },
        ],
  ...extra,
});

const input = (standings: NoticeStanding[], policy: NoticePolicy = POLICY) => ({
  issuer: '某局民主评议办公室',
  campaignName: '2026年度民主评议',
  year: 2026,
  publishedOn: '2026-11-20',
  issuedOn: '2026-12-01',
  policy,
  standings,
  ratingCount: 100,
  groups: [{ label: '城乡居民', quota: 100, ballots: 81 }],
  previous: null,
});

describe('the results notice content', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [45, '四十五'],
  ])('writes %i as %s', (n, zh) => expect(chineseNumeral(n)).toBe(zh));

  it("prints figures with the policy's decimals, signed changes and Chinese dates", () => {
    expect([
      figure(86.3, 2),
      figure(1.005, 2),
      figure(null, 2),
      change(-0.5, 2),
      change(1.25, 1),
      change(0, 2),
    ]).toEqual(['86.30', '1.00', '—', '−0.50', '+1.3', '0.00']);
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it("takes the bottom tier from the policy's bottom rank tiers, else its last score tier, else majority's third code", () => {
    expect([...bottomTierCodes(POLICY)]).toEqual(['fair']);
    expect([
      ...bottomTierCodes({
        ...POLICY,
        rankTiers: [
          { code: 'first', label: '先进', top: 3 },
          { code: 'last', label: '后进', bottom: 2 },
        ],
      }),
    ]).toEqual(['last']);
    expect([
      ...bottomTierCodes({ ...POLICY, strategy: { code: 'majority', args: { tiers: ['pass', 'warn', 'fail'] } } }),
    ]).toEqual(['fail']);
    expect([...bottomTierCodes({ ...POLICY, tiers: [{ code: 'all', label: '全部', min: null }] })]).toEqual([]);
  });

  it("makes one table without series and one per series with them, in the standings' order", () => {
    const one = resultsNotice(
      input([standing('a', 90, 1, 'good'), standing('b', 70, 2, 'fair'), standing('c', null, null, null)]),
    );
    const result = one.sections[1];
    expect(result?.subsections).toBeUndefined();
    const table = result?.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows).toEqual([
      ['1', '单位a', '90.00', '好', '80.00', '20.00'],
      ['2', '单位b', '70.00', '一般', '80.00', '20.00'],
      ['—', '单位c', '不计分', '—', '—', '—'],
    ]);
    expect(one.sections[2]?.blocks[0]).toEqual({
      type: 'paragraph',
      text: expect.stringContaining('共1个：单位b（一般）'),
    });

    const series = [
      standing('a', 90, 1, 'good', { series: 'econ', seriesLabel: '经济和社会管理', overallRank: 2 }),
      standing('b', 95, 1, 'good', { series: 'law', seriesLabel: '行政执法监督', overallRank: 1 }),
      standing('c', 70, 2, 'fair', {
        series: 'econ',
        seriesLabel: '经济和社会管理',
        overallRank: 3,
        consecutiveBottom: true,
        responseRate: 23.9,
      }),
    ];
    expect(seriesOf(series).map((s) => [s.label, s.standings.map((x) => x.unitCode)])).toEqual([
      ['经济和社会管理', ['a', 'c']],
      ['行政执法监督', ['b']],
    ]);
    const many = resultsNotice(input(series));
    expect(many.sections[1]?.subsections?.map((s) => s.heading)).toEqual(['经济和社会管理序列', '行政执法监督序列']);
    const econ = standingsTable(POLICY, seriesOf(series)[0]?.standings ?? [], '表2');
    expect(econ.columns).toEqual(['名次', '总名次', '单位', '得分', '等次', '满意率(%)', '不满意率(%)', '回收率(%)']);
    expect(econ.rows[1]).toEqual(['2', '3', '单位c（连续两年）', '70.00', '一般', '80.00', '20.00', '23.90']);
    expect(many.sections[2]?.blocks[0]).toEqual({
      type: 'paragraph',
      text: expect.stringContaining('单位c（一般，连续两年）'),
    });
  });
});

describe('the tables of a notice with series', () => {
  it('have the same columns in every series, even one whose ranks equal its overall ranks', () => {
    const series = [
      standing('a', 90, 1, 'good', { series: 'econ', seriesLabel: '甲', overallRank: 1 }),
      standing('b', 80, 1, 'good', { series: 'law', seriesLabel: '乙', overallRank: 2 }),
    ];
    const doc = resultsNotice(input(series));
    const columns = doc.sections[1]?.subsections
      ?.map((sub) => sub.blocks.find((b) => b.type === 'table'))
      .map((t) => (t?.type === 'table' ? t.columns : []));
    expect(columns?.[0]).toEqual(columns?.[1]);
    expect(columns?.[0]).toContain('总名次');
  });
});
