import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, PingyiError } from '@pingyi/domain';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { User } from '../auth/user.entity';
import { type ListOptions, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { unitScopeOf } from '../common/scoping';
import { checkId, checkList } from '../common/validation';
import { BUREAU_WIDE_READERS } from '../rectification/rectification-access';
import { RectificationCampaigns } from '../rectification/rectification-campaigns.service';
import { RectificationDashboardService } from '../rectification/rectification-dashboard.service';
import { RectificationItem } from '../rectification/rectification-item.entity';
import { DUE_SOON_DAYS, RectificationItemService } from '../rectification/rectification-item.service';
import { toDomainItem } from '../rectification/rectification-mapper';
import { settledStates } from '../rectification/rectification-sql';
import { type Inbox, type InboxCampaignAlerts } from './dto/inbox.dto';
import { alertKindsFor, alertKindsOf } from './inbox-alerts';
import { InboxEntry } from './inbox-entry.entity';
import { InboxRead } from './inbox-read.entity';

const ENTRY_LIST = { sortable: { createdAt: 'entry.createdAt' }, defaultSort: [['createdAt', SortOrder.DESC]] } as const;
const ALERT_ITEMS = 50;

/**
 * Each user's in-app inbox: the notifications addressed to them (their
 * unit's liaisons, the office, the inspectors, or them by name as a
 * supervising leader) with their own read marks, and today's alerts: items
 * overdue, due soon, under supervision, with a look-back or a supervision
 * report due, for the kinds their role acts on and within their scope.
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
    private readonly dashboards: RectificationDashboardService,
    private readonly items: RectificationItemService,
  ) {}

  async inbox(ctx: RequestContext, options?: ListOptions | null, unreadOnly = false): Promise<Inbox> {
    const visible = await this.visibleEntries(ctx);
    const unread = await visible()
      .andWhere('NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.entry_id = entry.id AND r.user_id = :me)', { me: ctx.userOrThrow.id })
      .getCount();
    const query = visible();
    if (unreadOnly) query.andWhere('NOT EXISTS (SELECT 1 FROM inbox_read r WHERE r.entry_id = entry.id AND r.user_id = :me)', { me: ctx.userOrThrow.id });
    const page = await paginate(query, options, ENTRY_LIST);
    const readIds = new Set(
      page.items.length === 0
        ? []
        : (await this.dataSource.manager.find(InboxRead, { where: { userId: ctx.userOrThrow.id, entryId: In(page.items.map((e) => e.id)) } })).map((r) => r.entryId),
    );
    for (const entry of page.items) entry.read = readIds.has(entry.id);
    return { unread, notifications: page, alerts: await this.alerts(ctx) };
  }

  /** Marks notifications visible to the caller as read; returns how many were newly marked. */
  async markRead(ctx: RequestContext, ids: unknown): Promise<number> {
    const wanted = checkList(ids, 'ids', 500, (id, at) => checkId(id, at), 1);
    const visible = await this.visibleEntries(ctx);
    const found = await visible().andWhere('entry.id IN (:...wanted)', { wanted }).select('entry.id', 'id').getRawMany<{ id: number }>();
    const missing = wanted.filter((id) => !found.some((row) => Number(row.id) === id));
    if (missing.length > 0) throw new PingyiError('NOT_FOUND', `no notification with id ${missing.join(', ')} for you`, 'ids');
    const userId = ctx.userOrThrow.id;
    const already = new Set((await this.dataSource.manager.find(InboxRead, { where: { userId, entryId: In(wanted) } })).map((r) => r.entryId));
    const fresh = [...new Set(wanted)].filter((id) => !already.has(id));
    if (fresh.length > 0) {
      await this.dataSource.manager.createQueryBuilder().insert().into(InboxRead).values(fresh.map((entryId) => ({ entryId, userId, readAt: new Date() }))).orIgnore().execute();
    }
    return fresh.length;
  }

  /** A query factory for the notifications the caller may see. */
  private async visibleEntries(ctx: RequestContext): Promise<() => SelectQueryBuilder<InboxEntry>> {
    const user = ctx.userOrThrow;
    const names: string[] = [user.username.toLowerCase()];
    if (user.roles.includes(Role.leader)) {
      const row = await this.dataSource.manager.findOne(User, { select: { displayName: true }, where: { id: user.id } });
      if (row) names.push(row.displayName.trim().toLowerCase());
    }
    return () =>
      this.dataSource
        .getRepository(InboxEntry)
        .createQueryBuilder('entry')
        .where('entry.bureauId = :bureauId', { bureauId: user.bureauId })
        .andWhere(
          new Brackets((q) => {
            q.where('1 = 0');
            if (user.roles.includes(Role.liaison) && user.unitCode) q.orWhere("(entry.target = 'unit' AND entry.unitCode = :unitCode)", { unitCode: user.unitCode });
            if (user.roles.includes(Role.office) || user.roles.includes(Role.admin)) q.orWhere("entry.target = 'office'");
            if (user.roles.includes(Role.inspector)) q.orWhere("entry.target = 'inspectors'");
            if (user.roles.includes(Role.leader)) q.orWhere("(entry.target = 'supervisingLeader' AND LOWER(entry.person) IN (:...names))", { names });
          }),
        );
  }

  private async alerts(ctx: RequestContext): Promise<InboxCampaignAlerts[]> {
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
        .map((item) => ({ item, kinds: alertKindsFor({ ...toDomainItem(item), lookBackDue: item.lookBackDue, supervisionReportDue: item.supervisionReportDue }, now, campaign.timeZone, today, kinds) }))
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
  private alertCandidates(ctx: RequestContext, campaignId: number, scope: string | null, today: string): Promise<RectificationItem[]> {
    const query = this.dataSource
      .getRepository(RectificationItem)
      .createQueryBuilder('item')
      .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', { bureauId: ctx.bureauId, campaignId })
      .andWhere(
        new Brackets((q) =>
          q
            .where('(item.deadline <= :dueBy AND item.state NOT IN (:...settled))', { dueBy: addDays(today, DUE_SOON_DAYS), settled: settledStates() })
            .orWhere('item.supervised = :yes', { yes: true })
            .orWhere('item.lookBackDue <= :today', { today }),
        ),
      );
    if (scope) query.andWhere('item.unitCode = :scope', { scope });
    return query.orderBy('item.deadline', 'ASC').addOrderBy('item.id', 'ASC').take(ALERT_ITEMS * 4).getMany();
  }
}
