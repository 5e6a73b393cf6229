import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  isDueSoon,
  isOverdue,
  OPEN_ITEM_ROLES,
  openRectificationItem,
  PingyiError,
  type RectificationItem as DomainItem,
  rollUpProgress,
} from '@pingyi/domain';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf, whereBureau, whereUnitInScope } from '../common/scoping';
import {
  checkCode,
  checkId,
  checkInt,
  checkList,
  checkOneOf,
  checkOptionalText,
  checkText,
} from '../common/validation';
import { type RectificationCampaign } from './rectification-campaigns.service';
import {
  type OpenRectificationItemInput,
  RectificationItemDetail,
  type RectificationItemFilter,
} from './dto/rectification-item.dto';
import { actingRole, actorUnitOf, BUREAU_WIDE_READERS, callerAllowedEvents } from './rectification-access';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { effectRows, insertEffectRows } from './rectification-effects';
import { RECTIFICATION_SOURCE_TYPES } from './rectification-enums';
import { RectificationHistoryEntry } from './rectification-history.entity';
import { RectificationItem } from './rectification-item.entity';
import { toDomainItem } from './rectification-mapper';
import { RectificationSourceLink } from './rectification-source.entity';
import { RectificationSources } from './rectification-sources.service';
import { settledStates } from './rectification-sql';
import { Transactions } from '../database/transactions';

/** Items due within this many days are "due soon" (dashboard, inbox). */
export const DUE_SOON_DAYS = 3;

/** Sources that open at most one live item (an inspection finding is one problem). */
const ONE_ITEM_PER_SOURCE: ReadonlySet<RectificationSourceLink['sourceType']> = new Set(['inspectionFinding']);
const SOURCE_WORDS: Readonly<Record<string, string>> = { inspectionFinding: 'inspection finding' };

const ITEM_LIST = {
  sortable: {
    id: 'item.id',
    deadline: 'item.deadline',
    openedOn: 'item.openedOn',
    state: 'item.state',
    unitCode: 'item.unitCode',
    updatedAt: 'item.updatedAt',
  },
  defaultSort: [['id', SortOrder.ASC]],
} as const;

const UPDATE_EVENTS = new Set(['reportProgress', 'reportFixed']);

/** Reading and opening rectification items; every read is scoped to the bureau and a liaison's unit. */
@Injectable()
export class RectificationItemService {
  constructor(
    private readonly transactions: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
    private readonly sources: RectificationSources,
  ) {}

  /** An item of the caller's bureau (and unit, for a liaison); `NOT_FOUND` at `path` otherwise. */
  async loadOrThrow(
    ctx: RequestContext,
    id: unknown,
    path = 'id',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RectificationItem> {
    const itemId = checkId(id, path);
    const scope = unitScopeOf(ctx, BUREAU_WIDE_READERS);
    const row = await manager.findOneBy(RectificationItem, {
      id: itemId,
      bureauId: ctx.bureauId,
      ...(scope ? { unitCode: scope } : {}),
    });
    if (!row)
      throw new PingyiError(
        'NOT_FOUND',
        `no rectification item with id ${itemId} in your ${scope ? `unit ${scope}` : 'bureau'}`,
        path,
      );
    return row;
  }

  /** Fills the caller-specific fields (overdue, dueSoon, allowedEvents) with the domain's rules. */
  present<T extends RectificationItem>(
    ctx: RequestContext,
    campaign: RectificationCampaign,
    now: Date,
    rows: T[],
  ): T[] {
    for (const row of rows) {
      const item = toDomainItem(row);
      row.overdue = isOverdue(item, now, campaign.timeZone);
      row.dueSoon = isDueSoon(item, now, campaign.timeZone, DUE_SOON_DAYS);
      row.allowedEvents = callerAllowedEvents(ctx, item);
    }
    return rows;
  }

  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: RectificationItemFilter | null,
  ): Promise<Page<RectificationItem>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const now = this.campaigns.now();
    const today = this.campaigns.today(campaign, now);
    const query = whereBureau(this.dataSource.getRepository(RectificationItem).createQueryBuilder('item'), ctx);
    query.andWhere('item.campaignId = :campaignId', { campaignId: campaign.id });
    whereUnitInScope(query, ctx, BUREAU_WIDE_READERS);
    if (filter?.unitCode)
      query.andWhere('item.unitCode = :unitCode', { unitCode: checkCode(filter.unitCode, 'filter.unitCode') });
    if (filter?.state) query.andWhere('item.state = :state', { state: filter.state });
    if (typeof filter?.supervised === 'boolean')
      query.andWhere('item.supervised = :supervised', { supervised: filter.supervised });
    const settled = settledStates();
    if (typeof filter?.overdue === 'boolean') {
      const overdue = 'item.deadline IS NOT NULL AND item.deadline < :today AND item.state NOT IN (:...settled)';
      query.andWhere(filter.overdue ? `(${overdue})` : `NOT (${overdue})`, { today, settled });
    }
    if (filter?.dueWithinDays !== null && filter?.dueWithinDays !== undefined) {
      const days = checkInt(filter.dueWithinDays, 'filter.dueWithinDays', 0, 366);
      query.andWhere('item.deadline >= :today AND item.deadline <= :dueBy AND item.state NOT IN (:...settled)', {
        today,
        dueBy: addDays(today, days),
        settled,
      });
    }
    if (filter?.parentId)
      query.andWhere('item.parentId = :parentId', { parentId: checkId(filter.parentId, 'filter.parentId') });
    if (filter?.topLevelOnly) query.andWhere('item.parentId IS NULL');
    if (filter?.source) {
      const sourceType = checkOneOf(filter.source, 'filter.source', RECTIFICATION_SOURCE_TYPES);
      query.andWhere(
        'EXISTS (SELECT 1 FROM rectification_source link WHERE link.item_id = item.id AND link.source_type = :sourceType)',
        { sourceType },
      );
    }
    const search = checkOptionalText(filter?.search, 'filter.search', { max: 100 });
    if (search)
      query.andWhere("LOWER(item.title) LIKE :search ESCAPE '\\'", {
        search: `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    const page = await paginate(query, options, ITEM_LIST);
    return { ...page, items: this.present(ctx, campaign, now, page.items) };
  }

  /** One item with its history, updates, sub-items, sources and rolled-up progress (the attachment module adds its files). */
  async detail(ctx: RequestContext, id: unknown): Promise<RectificationItemDetail> {
    const row = await this.loadOrThrow(ctx, id);
    const campaign = await this.campaigns.findOrThrow(ctx, row.campaignId);
    const now = this.campaigns.now();
    const manager = this.dataSource.manager;
    const scope = unitScopeOf(ctx, BUREAU_WIDE_READERS);
    const [history, subItems, sources, rolledUp] = await Promise.all([
      manager.find(RectificationHistoryEntry, {
        where: { itemId: row.id, bureauId: ctx.bureauId },
        order: { actedAt: 'ASC', id: 'ASC' },
      }),
      manager.find(RectificationItem, {
        where: { parentId: row.id, bureauId: ctx.bureauId, ...(scope ? { unitCode: scope } : {}) },
        order: { id: 'ASC' },
      }),
      manager.find(RectificationSourceLink, {
        where: { itemId: row.id, bureauId: ctx.bureauId },
        order: { id: 'ASC' },
      }),
      this.rolledUpProgress(ctx, row),
    ]);
    const texts = await this.sources.describe(manager, ctx.bureauId, sources);
    for (const link of sources)
      link.text = link.sourceId === null ? null : (texts.get(`${link.sourceType}|${link.sourceId}`) ?? null);
    const detail = Object.assign(new RectificationItemDetail(), row, {
      history,
      updates: history.filter((entry) => UPDATE_EVENTS.has(entry.event)),
      subItems: this.present(ctx, campaign, now, subItems),
      sources,
      rolledUpProgress: rolledUp,
      today: this.campaigns.today(campaign, now),
      timeZone: campaign.timeZone,
    });
    return this.present(ctx, campaign, now, [detail])[0] as RectificationItemDetail;
  }

  /** The item's progress rolled up from its whole subtree by the domain's `rollUpProgress`. */
  async rolledUpProgress(ctx: RequestContext, root: RectificationItem): Promise<number> {
    const subtree: DomainItem[] = [{ ...toDomainItem(root), parentId: null }];
    let frontier = [root.id];
    // one query per level; sub-items are rarely more than two levels deep
    for (let depth = 0; frontier.length > 0 && depth < 20; depth += 1) {
      const children = await this.dataSource.manager.find(RectificationItem, {
        where: { bureauId: ctx.bureauId, parentId: In(frontier) },
      });
      subtree.push(...children.map(toDomainItem));
      frontier = children.map((child) => child.id);
    }
    return rollUpProgress(subtree).get(String(root.id)) ?? 0;
  }

  /**
   * 立项: opens an item in state identified, through the domain's
   * `openRectificationItem` (who may open, field rules), after the phase gate
   * `openRectificationItem`. Writes the item, its source links, its first
   * history step and the unit's notification in one transaction.
   */
  async open(ctx: RequestContext, input: OpenRectificationItemInput): Promise<RectificationItem> {
    const campaign = await this.campaigns.findOrThrow(ctx, input.campaignId, 'input.campaignId');
    const now = this.campaigns.now();
    this.campaigns.assertOpen(campaign, 'openRectificationItem', now);
    const { item, effects } = openRectificationItem(
      {
        id: 'new',
        unitCode: input.unitCode,
        title: input.title,
        description: input.description ?? undefined,
        source: input.sourceNote ?? undefined,
        parentId: input.parentId ?? undefined,
        weight: input.weight ?? undefined,
        deadline: input.deadline ?? undefined,
      },
      {
        role: actingRole(ctx, OPEN_ITEM_ROLES),
        actorUnitCode: actorUnitOf(ctx),
        now,
        timeZone: campaign.timeZone,
        unitCodes: await this.campaigns.unitCodes(campaign),
      },
    );
    checkText(item.title, 'input.title', { max: 200 });
    checkOptionalText(item.description, 'input.description', { max: 5000 });
    checkOptionalText(item.source, 'input.sourceNote', { max: 500 });
    const sources = checkList(input.sources ?? [], 'input.sources', 50, (value, at) => {
      const link = value as { type?: unknown; id?: unknown };
      return {
        sourceType: checkOneOf(link.type, `${at}.type`, RECTIFICATION_SOURCE_TYPES),
        sourceId: checkOptionalText(link.id, `${at}.id`, { max: 64 }),
      };
    });
    return this.transactions.run(async (manager) => {
      const parentId = item.parentId === null ? null : checkId(item.parentId, 'input.parentId');
      if (
        parentId !== null &&
        !(await manager.existsBy(RectificationItem, { id: parentId, bureauId: ctx.bureauId, campaignId: campaign.id }))
      ) {
        throw new PingyiError(
          'NOT_FOUND',
          `no rectification item with id ${parentId} in this campaign`,
          'input.parentId',
        );
      }
      for (const [i, link] of sources.entries()) {
        if (link.sourceId === null) continue;
        await this.sources.assertExists(
          manager,
          { bureauId: ctx.bureauId, campaignId: campaign.id },
          link.sourceType,
          link.sourceId,
          `input.sources[${i}].id`,
        );
        if (ONE_ITEM_PER_SOURCE.has(link.sourceType))
          await this.assertNotOpened(
            ctx,
            campaign,
            manager,
            link.sourceType,
            link.sourceId,
            parentId,
            `input.sources[${i}].id`,
          );
      }
      const saved = await manager.save(
        manager.create(RectificationItem, {
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          parentId,
          unitCode: item.unitCode,
          title: item.title,
          description: item.description,
          source: item.source,
          state: item.state,
          evidence: [],
          weight: item.weight,
          deadline: item.deadline,
          openedOn: item.openedOn,
        }),
      );
      await this.sources.claim(manager, ctx.bureauId, sources);
      if (sources.length > 0) {
        await manager.insert(
          RectificationSourceLink,
          sources.map((link) => ({ ...link, bureauId: ctx.bureauId, itemId: saved.id })),
        );
      }
      await insertEffectRows(manager, effectRows(ctx, saved, effects));
      const row = await manager.findOneByOrFail(RectificationItem, { id: saved.id });
      return this.present(ctx, campaign, now, [row])[0] as RectificationItem;
    });
  }

  /**
   * One live item per finding: a second item from the same source (a double
   * click, a stale page) is refused, naming the item already opened. A
   * dismissed item does not count, and a sub-item of that item may cite it.
   */
  private async assertNotOpened(
    ctx: RequestContext,
    campaign: RectificationCampaign,
    manager: EntityManager,
    sourceType: RectificationSourceLink['sourceType'],
    sourceId: string,
    parentId: number | null,
    path: string,
  ): Promise<void> {
    const links = await manager.find(RectificationSourceLink, {
      where: { bureauId: ctx.bureauId, sourceType, sourceId },
    });
    if (links.length === 0) return;
    const existing = await manager.findOne(RectificationItem, {
      where: { id: In(links.map((link) => link.itemId)), bureauId: ctx.bureauId, state: Not('dismissed') },
      order: { id: 'ASC' },
    });
    if (!existing || existing.id === parentId) return;
    const unitName = (await this.campaigns.unitNames(campaign)).get(existing.unitCode) ?? existing.unitCode;
    throw new PingyiError(
      'ALREADY_OPENED',
      `this ${SOURCE_WORDS[sourceType] ?? sourceType} already has rectification item #${existing.id} (${existing.unitCode}); open that item instead of a second one`,
      path,
      {
        itemId: String(existing.id),
        itemTitle: existing.title,
        unitCode: existing.unitCode,
        unitName,
      },
    );
  }
}
