import { neutraliseFormula, writeCsv } from '@pingyi/csv';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isOverdue } from '@pingyi/domain';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { BUREAU_WIDE_READERS } from './rectification-access';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { RectificationDashboardService } from './rectification-dashboard.service';
import { RectificationItem } from './rectification-item.entity';
import {
  LEDGER_KEYS,
  LEDGER_TEXT,
  type LedgerKey,
  type LedgerLanguage,
  type LedgerText,
} from './rectification-ledger-text';
import { toDomainItem } from './rectification-mapper';
import { RectificationSourceLink } from './rectification-source.entity';
import { RectificationSources } from './rectification-sources.service';

/** One column of the ledger: its width and its value (headings are in `LEDGER_TEXT`). */
interface LedgerColumn {
  readonly key: LedgerKey;
  readonly width: number;
  readonly value: (row: LedgerRow, text: LedgerText) => string | number | null;
}

/** An item as the ledger shows it. */
export interface LedgerRow {
  readonly item: RectificationItem;
  /** The unit's name in the campaign's unit tree (its code when it has none). */
  readonly unitName: string;
  readonly overdue: boolean;
  readonly sources: string;
}

const yes = (value: boolean, text: LedgerText): string => (value ? text.yes : text.no);

const WIDTHS: Readonly<Record<LedgerKey, number>> = {
  id: 8,
  parentId: 8,
  unitName: 16,
  unitCode: 14,
  title: 30,
  description: 40,
  source: 24,
  state: 12,
  owner: 10,
  openedOn: 12,
  deadline: 12,
  closedOn: 12,
  overdue: 8,
  supervised: 8,
  supervisingLeader: 10,
  plan: 40,
  publicResponse: 40,
  progress: 8,
  rebounds: 8,
};

const VALUES: Readonly<Record<LedgerKey, LedgerColumn['value']>> = {
  id: (r) => r.item.id,
  parentId: (r) => r.item.parentId,
  unitName: (r) => r.unitName,
  unitCode: (r) => r.item.unitCode,
  title: (r) => r.item.title,
  description: (r) => r.item.description || null,
  source: (r) => [r.item.source, r.sources].filter(Boolean).join('；') || null,
  state: (r, text) => text.states[r.item.state],
  owner: (r) => r.item.owner,
  openedOn: (r) => r.item.openedOn,
  deadline: (r) => r.item.deadline,
  closedOn: (r) => r.item.closedOn,
  overdue: (r, text) => yes(r.overdue, text),
  supervised: (r, text) => yes(r.item.supervised, text),
  supervisingLeader: (r) => r.item.supervisingLeader,
  plan: (r) => r.item.plan,
  publicResponse: (r) => r.item.publicResponse,
  progress: (r) => r.item.progress,
  rebounds: (r) => r.item.rebounds,
};

/** The ledger's columns, in order (整改台账). */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = LEDGER_KEYS.map((key) => ({
  key,
  width: WIDTHS[key],
  value: VALUES[key],
}));

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

  async rows(
    ctx: RequestContext,
    campaignId: unknown,
    language: LedgerLanguage = 'zh',
  ): Promise<{ campaignName: string; today: string; rows: LedgerRow[] }> {
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
      .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
      })
      .orderBy('link.id', 'ASC')
      .getMany();
    const texts = await this.sources.describe(this.dataSource.manager, ctx.bureauId, links);
    const sources = new Map<number, string[]>();
    for (const link of links) {
      // a source by its words (群众意见：窗口排队太久), never by its id; city feedback keeps its reference
      const words =
        link.sourceId === null
          ? null
          : (texts.get(`${link.sourceType}|${link.sourceId}`) ??
            (link.sourceType === 'cityFeedback' ? link.sourceId : null));
      const text = `${LEDGER_TEXT[language].sources[link.sourceType] ?? link.sourceType}${words ? `${language === 'en' ? ': ' : '：'}${words}` : ''}`;
      sources.set(link.itemId, [...(sources.get(link.itemId) ?? []), text]);
    }
    const names = await this.campaigns.unitNames(campaign);
    return {
      campaignName: campaign.name,
      today: this.campaigns.today(campaign, now),
      rows: items.map((item) => ({
        item,
        unitName: names.get(item.unitCode) ?? item.unitCode,
        overdue: isOverdue(toDomainItem(item), now, campaign.timeZone),
        sources: (sources.get(item.id) ?? []).join('；'),
      })),
    };
  }

  /** The ledger as CSV text: a BOM, a heading row, one line per item, CRLF line ends. */
  async csv(ctx: RequestContext, campaignId: unknown, language: LedgerLanguage = 'zh'): Promise<string> {
    const text = LEDGER_TEXT[language];
    const { rows } = await this.rows(ctx, campaignId, language);
    return writeCsv(
      [
        LEDGER_COLUMNS.map((c) => text.headers[c.key]),
        ...rows.map((row) => LEDGER_COLUMNS.map((c) => c.value(row, text))),
      ],
      { bom: true },
    );
  }

  /** The ledger as an XLSX workbook: sheet 整改台账 (the items) and sheet 整改率 (the rates by unit). */
  async xlsx(
    ctx: RequestContext,
    campaignId: unknown,
    language: LedgerLanguage = 'zh',
  ): Promise<{ fileName: string; content: Buffer }> {
    const text = LEDGER_TEXT[language];
    const { campaignName, today, rows } = await this.rows(ctx, campaignId, language);
    const rate = await this.dashboards.rate(ctx, campaignId);
    const workbook = new Workbook();
    workbook.creator = 'Pingyi';
    workbook.created = this.campaigns.now();
    const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: text.headers[c.key], width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      sheet.addRow(
        LEDGER_COLUMNS.map((c) => {
          const value = c.value(row, text);
          return typeof value === 'string' ? neutraliseFormula(value) : value;
        }),
      );
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
    const rates = workbook.addWorksheet(text.ratesSheet);
    const [unitHeader, closedHeader, totalHeader, dismissedHeader, rateHeader] = text.rates;
    rates.columns = [
      { header: unitHeader, width: 16 },
      { header: closedHeader, width: 10 },
      { header: totalHeader, width: 10 },
      { header: dismissedHeader, width: 10 },
      { header: rateHeader, width: 10, style: { numFmt: '0.00%' } },
    ];
    rates.getRow(1).font = { bold: true };
    const names = await this.campaigns.unitNames(await this.campaigns.findOrThrow(ctx, campaignId));
    for (const unit of rate.byUnit)
      rates.addRow([names.get(unit.unitCode) ?? unit.unitCode, unit.closed, unit.total, unit.dismissed, unit.rate]);
    rates.addRow([
      text.total,
      rate.overall.closed,
      rate.overall.total,
      rate.overall.dismissed,
      rate.overall.rate,
    ]).font = { bold: true };
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `${text.fileName}-${campaignName}-${today}.xlsx`, content };
  }
}
