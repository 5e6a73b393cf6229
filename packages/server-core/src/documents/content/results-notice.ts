import {
  chineseDate,
  chineseNumeral,
  change,
  type DocBlock,
  type DocSection,
  type DocTable,
  figure,
  type OfficialDocument,
  paragraph,
  percent,
} from './document-model';
import { bottomTierCodes as bottomTiersOfPolicy } from '@pingyi/scoring';

/** A standing as the notice reads it: the console's `UnitStanding`, with the fields issue 14 adds where present. */
export interface NoticeStanding {
  readonly unitCode: string;
  readonly unitName: string | null;
  readonly valid: boolean;
  readonly score: number | null;
  readonly rank: number | null;
  readonly tier: string | null;
  readonly tierLabel: string | null;
  readonly counted: number;
  readonly rates: readonly { readonly level: string; readonly label: string; readonly value: number }[];
  /** The unit's series (序列); absent or null: one series. */
  readonly series?: string | null;
  readonly seriesLabel?: string | null;
  readonly overallRank?: number | null;
  /** The unit's response rate in percent (ratings ÷ ballots distributed, as the standings give it), when known. */
  readonly responseRate?: number | null;
  /** In the bottom tier last year too (连续两年). */
  readonly consecutiveBottom?: boolean | null;
}

/** The policy fields the notice needs. */
export interface NoticePolicy {
  readonly decimals: number;
  readonly scale: readonly { readonly code: string; readonly label: string; readonly points: number | null }[];
  readonly tiers: readonly { readonly code: string; readonly label: string; readonly min: number | null }[];
  readonly strategy: { readonly code: string; readonly args?: unknown };
  readonly rankTiers?: readonly {
    readonly code: string;
    readonly label: string;
    readonly top?: number;
    readonly bottom?: number;
  }[];
}

export interface NoticeGroup {
  readonly label: string;
  readonly quota: number;
  readonly ballots: number;
}

/** One unit's change from last year, as `compareWithPrevious` computes it. */
export interface NoticeComparison {
  readonly unitCode: string;
  readonly unitName: string | null;
  readonly score: number | null;
  readonly previousScore: number | null;
  readonly scoreChange: number | null;
  readonly rank: number | null;
  readonly previousRank: number | null;
  readonly rankChange: number | null;
}

export interface ResultsNoticeInput {
  readonly issuer: string;
  readonly campaignName: string;
  readonly year: number;
  /** Local date of publication (YYYY-MM-DD). */
  readonly publishedOn: string;
  /** Local date of issue (YYYY-MM-DD). */
  readonly issuedOn: string;
  readonly policy: NoticePolicy;
  readonly standings: readonly NoticeStanding[];
  readonly ratingCount: number;
  readonly groups: readonly NoticeGroup[];
  /** The comparison with the bureau's previous published campaign (the console's `compareWithPrevious`), if there is one. */
  readonly previous: { readonly year: number; readonly units: readonly NoticeComparison[] } | null;
}

/** The tier codes that are "the bottom tier": the scoring library's reading of the policy, as the consecutive-year mark uses it. */
export function bottomTierCodes(policy: NoticePolicy): Set<string> {
  const args = (policy.strategy.args ?? {}) as Readonly<Record<string, unknown>>;
  return new Set(
    bottomTiersOfPolicy({
      tiers: policy.tiers,
      rankTiers: policy.rankTiers,
      strategy: { code: policy.strategy.code, args },
    } as Parameters<typeof bottomTiersOfPolicy>[0]),
  );
}

/** The standings split into series, in the order they come (the policy's output order). */
export function seriesOf<T extends NoticeStanding>(
  standings: readonly T[],
): { code: string | null; label: string | null; standings: T[] }[] {
  const out: { code: string | null; label: string | null; standings: T[] }[] = [];
  for (const standing of standings) {
    const code = standing.series ?? null;
    let series = out.find((s) => s.code === code);
    if (!series) out.push((series = { code, label: standing.seriesLabel ?? code, standings: [] }));
    series.standings.push(standing);
  }
  return out;
}

const nameOf = (standing: NoticeStanding): string => standing.unitName ?? standing.unitCode;

/** The levels that have rates (the counted levels), in the scale's order. */
export function rateLevels(
  policy: NoticePolicy,
  standings: readonly NoticeStanding[],
): { code: string; label: string }[] {
  const present = new Set(standings.flatMap((standing) => standing.rates.map((rate) => rate.level)));
  return policy.scale.filter((level) => present.has(level.code)).map(({ code, label }) => ({ code, label }));
}

type ColumnKind = 'rank' | 'unit' | 'figure' | 'tier';
const COLUMN_WIDTHS: Readonly<Record<ColumnKind, number>> = { rank: 0.9, unit: 2.6, figure: 1.2, tier: 1.7 };

/**
 * The ranked table of one series: rank, unit, score, tier, the rate of each
 * level; the columns (overall rank, response rate, levels) are decided over
 * `all` the notice's standings, so every series' table has the same ones.
 */
export function standingsTable(
  policy: NoticePolicy,
  standings: readonly NoticeStanding[],
  caption: string,
  all: readonly NoticeStanding[] = standings,
): DocTable {
  const levels = rateLevels(policy, all);
  const withOverall = all.some(
    (standing) =>
      standing.overallRank !== undefined && standing.overallRank !== null && standing.overallRank !== standing.rank,
  );
  const withResponse = all.some((standing) => typeof standing.responseRate === 'number');
  const columns = [
    '名次',
    ...(withOverall ? ['总名次'] : []),
    '单位',
    '得分',
    '等次',
    ...levels.map((level) => `${level.label}率(%)`),
    ...(withResponse ? ['回收率(%)'] : []),
  ];
  const rows = standings.map((standing) => [
    standing.rank === null ? '—' : String(standing.rank),
    ...(withOverall
      ? [standing.overallRank === null || standing.overallRank === undefined ? '—' : String(standing.overallRank)]
      : []),
    nameOf(standing) + (standing.consecutiveBottom ? '（连续两年）' : ''),
    standing.valid ? figure(standing.score, policy.decimals) : '不计分',
    standing.tierLabel ?? standing.tier ?? '—',
    ...levels.map((level) => {
      const rate = standing.rates.find((r) => r.level === level.code);
      return rate ? figure(rate.value, policy.decimals) : '—';
    }),
    ...(withResponse ? [typeof standing.responseRate === 'number' ? standing.responseRate.toFixed(2) : '—'] : []),
  ]);
  const kinds: ColumnKind[] = [
    'rank',
    ...(withOverall ? ['rank' as const] : []),
    'unit',
    'figure',
    'tier',
    ...levels.map(() => 'figure' as const),
    ...(withResponse ? ['figure' as const] : []),
  ];
  return {
    type: 'table',
    caption,
    columns,
    align: kinds.map((kind) => (kind === 'unit' ? 'left' : kind === 'figure' ? 'right' : 'center')),
    widths: kinds.map((kind) => COLUMN_WIDTHS[kind]),
    rows,
  };
}

/** 测评结果通报: the published standings of a campaign, as the office issues them. */
export function resultsNotice(input: ResultsNoticeInput): OfficialDocument {
  const { policy } = input;
  const received = input.groups.reduce((sum, group) => sum + group.ballots, 0);
  const quota = input.groups.reduce((sum, group) => sum + group.quota, 0);
  const series = seriesOf(input.standings);
  const bottom = bottomTierCodes(policy);
  const bottomUnits = input.standings.filter(
    (standing) => standing.valid && standing.tier !== null && bottom.has(standing.tier),
  );
  const invalid = input.standings.filter((standing) => !standing.valid);

  const groupsTable: DocTable = {
    type: 'table',
    caption: '表1  各类评议对象评议表回收情况',
    columns: ['评议对象类别', '应发放（份）', '收回有效（份）', '回收率'],
    align: ['left', 'right', 'right', 'right'],
    widths: [3, 1.5, 1.5, 1.2],
    rows: input.groups.map((group) => [
      group.label,
      String(group.quota),
      String(group.ballots),
      percent(group.quota === 0 ? null : group.ballots / group.quota),
    ]),
    totalRow: ['合计', String(quota), String(received), percent(quota === 0 ? null : received / quota)],
  };

  let tableNumber = 1;
  const seriesBlocks = (standings: readonly NoticeStanding[], label: string | null): DocBlock[] => {
    tableNumber += 1;
    return [
      standingsTable(
        policy,
        standings,
        `表${tableNumber}  ${label ? `${label}序列` : '各单位'}测评结果`,
        input.standings,
      ),
    ];
  };
  const resultSection: DocSection =
    series.length > 1
      ? {
          heading: '测评结果',
          blocks: [
            paragraph(
              `参评单位分${chineseNumeral(series.length)}个序列，按得分在本序列内排名。得分保留${policy.decimals}位小数，各档次比率为该档次票数占有效票数的百分比。`,
            ),
          ],
          subsections: series.map((s) => ({
            heading: `${s.label ?? '未分序列'}序列`,
            blocks: seriesBlocks(s.standings, s.label ?? '未分序列'),
          })),
        }
      : {
          heading: '测评结果',
          blocks: [
            paragraph(
              `参评单位按得分排名，得分保留${policy.decimals}位小数，各档次比率为该档次票数占有效票数的百分比。`,
            ),
            ...seriesBlocks(input.standings, null),
          ],
        };

  const bottomSection: DocSection = {
    heading: '末位等次单位',
    blocks: [
      paragraph(
        bottomUnits.length === 0
          ? '本次测评没有单位评为末位等次。'
          : `本次测评评为末位等次的单位共${bottomUnits.length}个：${bottomUnits.map((s) => `${nameOf(s)}（${s.tierLabel ?? s.tier}${s.consecutiveBottom ? '，连续两年' : ''}）`).join('、')}。请上述单位认真查摆问题，制定整改方案，限期整改。`,
      ),
      ...(invalid.length > 0
        ? [paragraph(`有效票数不足、不计分不排名的单位：${invalid.map(nameOf).join('、')}。`)]
        : []),
    ],
  };

  const previousSection: DocSection = input.previous
    ? {
        heading: '与上年度比较',
        blocks: [
          paragraph(
            `与${input.previous.year}年度公布的测评结果相比，各单位得分和名次变化如下（名次变化为正表示上升）。`,
          ),
          comparisonTable(
            input.previous.units,
            input.year,
            input.previous.year,
            policy.decimals,
            `表${(tableNumber += 1)}  与${input.previous.year}年度比较`,
          ),
        ],
      }
    : { heading: '与上年度比较', blocks: [paragraph('上年度没有公布的测评结果，本次不作比较。')] };

  return {
    fileName: `${input.year}年度民主评议机关测评结果通报`,
    issuer: input.issuer,
    title: `关于${input.year}年度民主评议机关测评结果的通报`,
    addressee: '各单位：',
    opening: [
      `根据${input.campaignName}安排，评议办公室组织开展了测评。测评结果已于${chineseDate(input.publishedOn)}公布，现将有关情况通报如下。`,
    ],
    sections: [
      {
        heading: '测评基本情况',
        blocks: [
          paragraph(
            `本次测评面向${input.groups.length}类评议对象，应发放评议表${quota}份，收回有效评议表${received}份，回收率${percent(quota === 0 ? null : received / quota)}；共计有效评价${input.ratingCount}项。`,
          ),
          groupsTable,
        ],
      },
      resultSection,
      bottomSection,
      previousSection,
      {
        heading: '有关要求',
        blocks: [
          paragraph(
            '各单位要正确对待测评结果，对照群众意见建议深入查摆问题，逐项制定整改措施，明确责任人和整改时限，整改情况按时报评议办公室。评为末位等次的单位要向评议领导小组作出书面说明。',
          ),
        ],
      },
    ],
    date: chineseDate(input.issuedOn),
  };
}

const rankText = (rank: number | null): string => (rank === null ? '—' : String(rank));

/** The change from last year, figures as `compareWithPrevious` gives them. */
export function comparisonTable(
  units: readonly NoticeComparison[],
  year: number,
  previousYear: number,
  decimals: number,
  caption: string,
): DocTable {
  return {
    type: 'table',
    caption,
    columns: [
      '单位',
      `${year}年得分`,
      `${previousYear}年得分`,
      '得分变化',
      `${year}年名次`,
      `${previousYear}年名次`,
      '名次变化',
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    widths: [3, 1.3, 1.3, 1.2, 1.1, 1.1, 1.1],
    rows: units.map((unit) => [
      unit.unitName ?? unit.unitCode,
      figure(unit.score, decimals),
      figure(unit.previousScore, decimals),
      change(unit.scoreChange, decimals),
      rankText(unit.rank),
      rankText(unit.previousRank),
      unit.rankChange === null
        ? '—'
        : unit.rankChange === 0
          ? '0'
          : unit.rankChange > 0
            ? `+${unit.rankChange}`
            : `−${-unit.rankChange}`,
    ]),
  };
}
