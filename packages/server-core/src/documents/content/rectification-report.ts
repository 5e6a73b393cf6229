import { chineseDate, type DocBlock, type DocTable, type OfficialDocument, paragraph, percent } from './document-model';

export interface ReportRate {
  readonly closed: number;
  readonly total: number;
  readonly dismissed: number;
  readonly rate: number | null;
}

export interface RectificationReportInput {
  readonly issuer: string;
  readonly campaignName: string;
  readonly year: number;
  readonly today: string;
  /** Items per state, in the lifecycle's order, labels in Chinese. */
  readonly byState: readonly { readonly label: string; readonly count: number }[];
  /** The console's `rectificationRate`: overall and per unit. */
  readonly overall: ReportRate;
  readonly byUnit: readonly (ReportRate & { readonly unitName: string })[];
  readonly supervised: readonly {
    readonly title: string;
    readonly unitName: string;
    readonly leader: string | null;
    readonly state: string;
    readonly deadline: string | null;
    readonly overdue: boolean;
  }[];
  readonly lookBacks: readonly {
    readonly title: string;
    readonly unitName: string;
    readonly lookBacks: number;
    readonly rebounds: number;
    readonly state: string;
  }[];
  readonly policyActions: readonly {
    readonly title: string;
    readonly kind: string;
    readonly unitName: string;
    readonly adoptedOn: string | null;
  }[];
  readonly inspections: readonly {
    readonly date: string;
    readonly kind: string;
    readonly unitName: string;
    readonly findings: number;
    readonly summary: string;
  }[];
  readonly notices: readonly { readonly issuedOn: string; readonly unitName: string; readonly title: string }[];
}

const none = (what: string) => paragraph(`本期没有${what}。`);

/** How a list of the report is drawn: its table's title and columns, and one row per item. */
interface Listing<T> {
  /** What the list is, for the sentence that says there is none (`本期没有挂牌督办项目。`). */
  readonly none: string;
  /** The sentence before the table, when there is one. */
  readonly summary?: string;
  readonly caption: string;
  readonly columns: readonly string[];
  readonly align: NonNullable<DocTable['align']>;
  readonly widths: readonly number[];
  readonly row: (item: T) => string[];
  readonly totalRow?: readonly string[];
}

/** 整改情况报告: items by state, rates, listed supervision, look-backs, rules adopted, inspections and notices. */
export function rectificationReport(input: RectificationReportInput): OfficialDocument {
  const all = input.byState.reduce((sum, state) => sum + state.count, 0);
  const rebounds = input.lookBacks.reduce((sum, item) => sum + item.rebounds, 0);
  // tables are numbered in the order they appear (a section with nothing to list has none)
  let tables = 0;
  const table = <T>(
    items: readonly T[],
    { caption, row, ...columns }: Omit<Listing<T>, 'none' | 'summary'>,
  ): DocTable => ({
    type: 'table',
    caption: `表${(tables += 1)}  ${caption}`,
    ...columns,
    rows: items.map(row),
  });
  /** A list's blocks: its sentence and numbered table, or the sentence that there is nothing to list. */
  const listing = <T>(items: readonly T[], { none: what, summary, ...shape }: Listing<T>): DocBlock[] =>
    items.length === 0 ? [none(what)] : [...(summary ? [paragraph(summary)] : []), table(items, shape)];
  return {
    fileName: `${input.year}年度民主评议整改情况报告`,
    issuer: input.issuer,
    title: `关于${input.year}年度民主评议整改情况的报告`,
    addressee: '评议领导小组：',
    opening: [`按照${input.campaignName}整改提高阶段的安排，现将截至${chineseDate(input.today)}的整改情况报告如下。`],
    sections: [
      {
        heading: '总体情况',
        blocks: [
          paragraph(
            `共立项整改${all}项（含子项），纳入整改率统计${input.overall.total}项，已验收${input.overall.closed}项，整改率${percent(input.overall.rate)}；不予立项${input.overall.dismissed}项。`,
          ),
          table(input.byState, {
            caption: '整改项目状态',
            columns: ['状态', '项目数'],
            align: ['left', 'right'],
            widths: [3, 1.5],
            row: (state) => [state.label, String(state.count)],
            totalRow: ['合计', String(all)],
          }),
        ],
      },
      {
        heading: '各单位整改率',
        blocks: listing(input.byUnit, {
          none: '整改项目',
          caption: '各单位整改率',
          columns: ['单位', '已验收', '应整改', '不予立项', '整改率'],
          align: ['left', 'right', 'right', 'right', 'right'],
          widths: [3, 1.2, 1.2, 1.2, 1.3],
          row: (unit) => [
            unit.unitName,
            String(unit.closed),
            String(unit.total),
            String(unit.dismissed),
            percent(unit.rate),
          ],
          totalRow: [
            '合计',
            String(input.overall.closed),
            String(input.overall.total),
            String(input.overall.dismissed),
            percent(input.overall.rate),
          ],
        }),
      },
      {
        heading: '挂牌督办',
        blocks: listing(input.supervised, {
          none: '挂牌督办项目',
          summary: `挂牌督办${input.supervised.length}项，其中逾期未完成${input.supervised.filter((item) => item.overdue).length}项。`,
          caption: '挂牌督办项目',
          columns: ['项目', '责任单位', '督办领导', '状态', '整改时限'],
          align: ['left', 'left', 'left', 'center', 'center'],
          widths: [3.5, 2, 1.4, 1.2, 1.6],
          row: (item) => [
            item.title,
            item.unitName,
            item.leader ?? '—',
            item.state + (item.overdue ? '（逾期）' : ''),
            item.deadline ?? '—',
          ],
        }),
      },
      {
        heading: '回头看',
        blocks: listing(input.lookBacks, {
          none: '开展回头看的项目',
          summary: `对${input.lookBacks.length}项已验收项目开展回头看，发现反弹${rebounds}次，已重新整改。`,
          caption: '回头看结果',
          columns: ['项目', '责任单位', '回头看（次）', '反弹（次）', '当前状态'],
          align: ['left', 'left', 'right', 'right', 'center'],
          widths: [3.5, 2, 1.3, 1.2, 1.4],
          row: (item) => [item.title, item.unitName, String(item.lookBacks), String(item.rebounds), item.state],
        }),
      },
      {
        heading: '建章立制',
        blocks: listing(input.policyActions, {
          none: '建立或修订的制度',
          summary: `建立、修订、废止和总结推广制度${input.policyActions.length}项。`,
          caption: '建章立制',
          columns: ['制度', '类别', '单位', '通过日期'],
          align: ['left', 'center', 'left', 'center'],
          widths: [3.5, 1.2, 2, 1.6],
          row: (action) => [action.title, action.kind, action.unitName, action.adoptedOn ?? '—'],
        }),
      },
      {
        heading: '明查暗访和通报批评',
        blocks: [
          ...listing(input.inspections, {
            none: '明查暗访',
            summary: `开展明查暗访${input.inspections.length}次，发现问题${input.inspections.reduce((sum, i) => sum + i.findings, 0)}个。`,
            caption: '明查暗访',
            columns: ['日期', '方式', '单位', '发现问题', '情况'],
            align: ['center', 'center', 'left', 'right', 'left'],
            widths: [1.5, 1, 2, 1.1, 4],
            row: (i) => [i.date, i.kind, i.unitName, String(i.findings), i.summary],
          }),
          ...listing(input.notices, {
            none: '通报批评',
            summary: `通报批评${input.notices.length}次。`,
            caption: '通报批评',
            columns: ['日期', '单位', '通报'],
            align: ['center', 'left', 'left'],
            widths: [1.5, 2, 5],
            row: (n) => [n.issuedOn, n.unitName, n.title],
          }),
        ],
      },
    ],
    date: chineseDate(input.today),
  };
}
