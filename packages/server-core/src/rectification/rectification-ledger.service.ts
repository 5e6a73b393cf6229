import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOverdue, RECTIFICATION_STATE_LABELS } from '@pingyi/domain';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { BUREAU_WIDE_READERS } from './rectification-access';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { csvLine, spreadsheetSafe } from './rectification-csv';
import { RectificationDashboardService } from './rectification-dashboard.service';
import { RectificationItem } from './rectification-item.entity';
import { toDomainItem } from './rectification-mapper';
import { RectificationSourceLink } from './rectification-source.entity';
import { RectificationSources } from './rectification-sources.service';

/** One column of the ledger: its heading (as the office submits it) and its value. */
interface LedgerColumn {
  readonly header: string;
  readonly width: number;
  readonly value: (row: LedgerRow) => string | number | null;
}

/** An item as the ledger shows it. */
export interface LedgerRow {
  readonly item: RectificationItem;
  /** The unit's name in the campaign's unit tree (its code when it has none). */
  readonly unitName: string;
  readonly overdue: boolean;
  readonly sources: string;
}

const yes = (value: boolean): string => (value ? '是' : '否');

/** The ledger's columns, in order (整改台账). */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { header: '编号', width: 8, value: (r) => r.item.id },
  { header: '上级项目', width: 8, value: (r) => r.item.parentId },
  { header: '责任单位', width: 16, value: (r) => r.unitName },
  { header: '单位代码', width: 14, value: (r) => r.item.unitCode },
  { header: '整改项目', width: 30, value: (r) => r.item.title },
  { header: '问题描述', width: 40, value: (r) => r.item.description || null },
  { header: '问题来源', width: 24, value: (r) => [r.item.source, r.sources].filter(Boolean).join('；') || null },
  { header: '状态', width: 12, value: (r) => RECTIFICATION_STATE_LABELS[r.item.state] },
  { header: '责任人', width: 10, value: (r) => r.item.owner },
  { header: '立项日期', width: 12, value: (r) => r.item.openedOn },
  { header: '整改期限', width: 12, value: (r) => r.item.deadline },
  { header: '验收日期', width: 12, value: (r) => r.item.closedOn },
  { header: '是否超期', width: 8, value: (r) => yes(r.overdue) },
  { header: '挂牌督办', width: 8, value: (r) => yes(r.item.supervised) },
  { header: '督办领导', width: 10, value: (r) => r.item.supervisingLeader },
  { header: '整改措施', width: 40, value: (r) => r.item.plan },
  { header: '回应情况', width: 40, value: (r) => r.item.publicResponse },
  { header: '进度(%)', width: 8, value: (r) => r.item.progress },
  { header: '反弹次数', width: 8, value: (r) => r.item.rebounds },
];

const SOURCE_LABELS: Readonly<Record<string, string>> = { opinion: '群众意见', cityFeedback: '市评议办反馈', inspectionFinding: '明查暗访', gapCheck: '查漏补缺' };

/**
 * The rectification ledger (整改台账) the office submits: every item of a
 * campaign with its unit, owner, dates, state and response, as CSV (UTF-8
 * with BOM, for spreadsheets) or XLSX (with a sheet of rates by unit). A
 * liaison gets their unit's items only.
 */
@Injectable()
export class RectificationLedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
    private readonly dashboards: RectificationDashboardService,
    private readonly sources: RectificationSources,
  ) {}

  async rows(ctx: RequestContext, campaignId: unknown): Promise<{ campaignName: string; today: string; rows: LedgerRow[] }> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const now = this.campaigns.now();
    const scope = unitScopeOf(ctx, BUREAU_WIDE_READERS);
    const items = await this.dataSource.manager.find(RectificationItem, {
      where: { bureauId: ctx.bureauId, campaignId: campaign.id, ...(scope ? { unitCode: scope } : {}) },
      order: { unitCode: 'ASC', id: 'ASC' },
    });
    const links = await this.dataSource
      .getRepository(RectificationSourceLink)
      .createQueryBuilder('link')
      .innerJoin(RectificationItem, 'item', 'item.id = link.itemId')
      .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', { bureauId: ctx.bureauId, campaignId: campaign.id })
      .orderBy('link.id', 'ASC')
      .getMany();
    const texts = await this.sources.describe(this.dataSource.manager, ctx.bureauId, links);
    const sources = new Map<number, string[]>();
    for (const link of links) {
      // a source by its words (群众意见：窗口排队太久), never by its id; city feedback keeps its reference
      const words = link.sourceId === null ? null : (texts.get(`${link.sourceType}|${link.sourceId}`) ?? (link.sourceType === 'cityFeedback' ? link.sourceId : null));
      const text = `${SOURCE_LABELS[link.sourceType] ?? link.sourceType}${words ? `：${words}` : ''}`;
      sources.set(link.itemId, [...(sources.get(link.itemId) ?? []), text]);
    }
    const names = await this.campaigns.unitNames(campaign);
    return {
      campaignName: campaign.name,
      today: this.campaigns.today(campaign, now),
      rows: items.map((item) => ({ item, unitName: names.get(item.unitCode) ?? item.unitCode, overdue: isOverdue(toDomainItem(item), now, campaign.timeZone), sources: (sources.get(item.id) ?? []).join('；') })),
    };
  }

  /** The ledger as CSV text: a BOM, a heading row, one line per item, CRLF line ends. */
  async csv(ctx: RequestContext, campaignId: unknown): Promise<string> {
    const { rows } = await this.rows(ctx, campaignId);
    const lines = [csvLine(LEDGER_COLUMNS.map((c) => c.header)), ...rows.map((row) => csvLine(LEDGER_COLUMNS.map((c) => c.value(row))))];
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** The ledger as an XLSX workbook: sheet 整改台账 (the items) and sheet 整改率 (the rates by unit). */
  async xlsx(ctx: RequestContext, campaignId: unknown): Promise<{ fileName: string; content: Buffer }> {
    const { campaignName, today, rows } = await this.rows(ctx, campaignId);
    const rate = await this.dashboards.rate(ctx, campaignId);
    const workbook = new Workbook();
    workbook.creator = 'Pingyi';
    workbook.created = this.campaigns.now();
    const sheet = workbook.addWorksheet('整改台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(LEDGER_COLUMNS.map((c) => {
        const value = c.value(row);
        return typeof value === 'string' ? spreadsheetSafe(value) : value;
      }));
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
    const rates = workbook.addWorksheet('整改率');
    rates.columns = [
      { header: '责任单位', width: 16 },
      { header: '已验收', width: 10 },
      { header: '应整改', width: 10 },
      { header: '不予立项', width: 10 },
      { header: '整改率', width: 10, style: { numFmt: '0.00%' } },
    ];
    rates.getRow(1).font = { bold: true };
    const names = await this.campaigns.unitNames(await this.campaigns.findOrThrow(ctx, campaignId));
    for (const unit of rate.byUnit) rates.addRow([names.get(unit.unitCode) ?? unit.unitCode, unit.closed, unit.total, unit.dismissed, unit.rate]);
    rates.addRow(['合计', rate.overall.closed, rate.overall.total, rate.overall.dismissed, rate.overall.rate]).font = { bold: true };
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `整改台账-${campaignName}-${today}.xlsx`, content };
  }
}
