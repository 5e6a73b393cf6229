import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import {
  type DashboardFigures,
  type RateCounts,
  type RectificationDashboard,
  type RectificationRateReport,
} from './dto/rectification-dashboard.dto';
import { BUREAU_WIDE_READERS } from './rectification-access';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { dashboardStatement, type DashboardSqlRow, type SqlDialect } from './rectification-dashboard.sql';
import { DUE_SOON_DAYS } from './rectification-item.service';

const FIGURES = [
  'items',
  'total',
  'closed',
  'dismissed',
  'overdue',
  'dueSoon',
  'supervised',
  'lookBacksDue',
  'supervisionReportsDue',
] as const;
type Figures = Omit<DashboardFigures, 'rate'>;

/** closed ÷ total, `null` when nothing is counted (the domain's `rectificationRate` rule). */
export const rateOf = (counts: Pick<RateCounts, 'closed' | 'total'>): number | null =>
  counts.total === 0 ? null : counts.closed / counts.total;

/**
 * The rectification rate and the dashboard, from one SQL aggregate per call
 * (no rows are loaded): "today" is computed once in the campaign's time zone
 * and compared in SQL with the local-date deadline column.
 */
@Injectable()
export class RectificationDashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
  ) {}

  async dashboard(ctx: RequestContext, campaignId: unknown): Promise<RectificationDashboard> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const today = this.campaigns.today(campaign, this.campaigns.now());
    const statement = dashboardStatement(this.dialect(), {
      bureauId: ctx.bureauId,
      campaignId: campaign.id,
      today,
      dueSoonDays: DUE_SOON_DAYS,
      unitCode: unitScopeOf(ctx, BUREAU_WIDE_READERS),
    });
    const rows: DashboardSqlRow[] = await this.dataSource.query(statement.sql, statement.parameters);
    const overall = Object.fromEntries(FIGURES.map((name) => [name, 0])) as Record<(typeof FIGURES)[number], number>;
    const byUnit = rows.map((row) => {
      const figures = Object.fromEntries(FIGURES.map((name) => [name, Number(row[name])])) as unknown as Figures;
      for (const name of FIGURES) overall[name] += figures[name];
      return { unitCode: row.unitCode, ...figures, rate: rateOf(figures) };
    });
    return { today, timeZone: campaign.timeZone, overall: { ...overall, rate: rateOf(overall) }, byUnit };
  }

  /** 整改率 overall and per unit, with exact counts. */
  async rate(ctx: RequestContext, campaignId: unknown): Promise<RectificationRateReport> {
    const { overall, byUnit } = await this.dashboard(ctx, campaignId);
    const counts = (figures: RateCounts): RateCounts => ({
      closed: figures.closed,
      total: figures.total,
      dismissed: figures.dismissed,
      rate: figures.rate,
    });
    return {
      overall: counts(overall),
      byUnit: byUnit
        .filter((unit) => unit.total + unit.dismissed > 0)
        .map((unit) => ({ unitCode: unit.unitCode, ...counts(unit) })),
    };
  }

  private dialect(): SqlDialect {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }
}
