import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays } from '@pingyi/domain';
import { Brackets, DataSource } from 'typeorm';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { type InboxCampaignAlerts } from './dto/rectification-alerts.dto';
import { BUREAU_WIDE_READERS } from './rectification-access';
import { alertKindsFor, alertKindsOf } from './rectification-alerts';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { RectificationDashboardService } from './rectification-dashboard.service';
import { RectificationItem } from './rectification-item.entity';
import { DUE_SOON_DAYS, RectificationItemService } from './rectification-item.service';
import { toDomainItem } from './rectification-mapper';
import { settledStates } from './rectification-sql';

const ALERT_ITEMS = 50;

/**
 * Today's alerts of a user, shown in their inbox: items overdue, due soon,
 * under supervision, with a look-back or a supervision report due, for the
 * kinds their role acts on and within their scope.
 */
@Injectable()
export class RectificationAlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
    private readonly dashboards: RectificationDashboardService,
    private readonly items: RectificationItemService,
  ) {}

  async alerts(ctx: RequestContext): Promise<InboxCampaignAlerts[]> {
    const kinds = alertKindsOf(ctx.userOrThrow.roles);
    if (kinds.length === 0) return [];
    const scope = unitScopeOf(ctx, BUREAU_WIDE_READERS);
    const campaignIds = await this.dataSource
      .getRepository(RectificationItem)
      .createQueryBuilder('item')
      .select('DISTINCT item.campaignId', 'campaignId')
      .where('item.bureauId = :bureauId', { bureauId: ctx.bureauId })
      .andWhere(scope ? 'item.unitCode = :scope' : '1 = 1', { scope })
      .orderBy('item.campaignId', 'ASC')
      .getRawMany<{ campaignId: number }>();
    const now = this.campaigns.now();
    const result: InboxCampaignAlerts[] = [];
    for (const { campaignId } of campaignIds) {
      const campaign = await this.campaigns.findOrThrow(ctx, Number(campaignId));
      const today = this.campaigns.today(campaign, now);
      const { overall } = await this.dashboards.dashboard(ctx, campaign.id);
      const candidates = await this.alertCandidates(ctx, campaign.id, scope, today);
      const items = this.items
        .present(ctx, campaign, now, candidates)
        .map((item) => ({
          item,
          kinds: alertKindsFor(
            { ...toDomainItem(item), lookBackDue: item.lookBackDue, supervisionReportDue: item.supervisionReportDue },
            now,
            campaign.timeZone,
            today,
            kinds,
          ),
        }))
        .filter((alert) => alert.kinds.length > 0)
        .slice(0, ALERT_ITEMS);
      const count = (kind: (typeof kinds)[number], value: number) => (kinds.includes(kind) ? value : 0);
      result.push({
        campaignId: campaign.id,
        campaignName: campaign.name,
        today,
        overdue: count('overdue', overall.overdue),
        dueSoon: count('dueSoon', overall.dueSoon),
        supervised: count('supervised', overall.supervised),
        lookBacksDue: count('lookBackDue', overall.lookBacksDue),
        supervisionReportsDue: count('supervisionReportDue', overall.supervisionReportsDue),
        items,
      });
    }
    return result;
  }

  // Items that may carry an alert (a superset; the kinds are decided by the domain's rules above).
  private alertCandidates(
    ctx: RequestContext,
    campaignId: number,
    scope: string | null,
    today: string,
  ): Promise<RectificationItem[]> {
    const query = this.dataSource
      .getRepository(RectificationItem)
      .createQueryBuilder('item')
      .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', { bureauId: ctx.bureauId, campaignId })
      .andWhere(
        new Brackets((q) =>
          q
            .where('(item.deadline <= :dueBy AND item.state NOT IN (:...settled))', {
              dueBy: addDays(today, DUE_SOON_DAYS),
              settled: settledStates(),
            })
            .orWhere('item.supervised = :yes', { yes: true })
            .orWhere('item.lookBackDue <= :today', { today }),
        ),
      );
    if (scope) query.andWhere('item.unitCode = :scope', { scope });
    return query
      .orderBy('item.deadline', 'ASC')
      .addOrderBy('item.id', 'ASC')
      .take(ALERT_ITEMS * 4)
      .getMany();
  }
}
