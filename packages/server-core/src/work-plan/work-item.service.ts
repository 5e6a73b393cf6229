import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { parseWorkItem, PingyiError, refusal } from '@pingyi/domain';
import { type EntityManager, Repository } from 'typeorm';
import { type Campaign } from '../campaign/campaign.entity';
import { CampaignService } from '../campaign/campaign.service';
import { checkAt } from '../common/rethrow-at';
import { checkListOptions, type ListOptions, type Page, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { checkCode, checkId, checkInt, checkOptionalText, checkText } from '../common/validation';
import { OrganizationService } from '../organization/organization.service';
import { type WorkItemInput, type WorkItemListFilter } from './dto/work-plan.dto';
import { Theme } from './theme.entity';
import { WORK_PLAN_BUREAU_WIDE, assertLeadsItem, whereLedBy } from './work-plan-access';
import { WorkItem } from './work-item.entity';
import { WorkItemLeadUnit } from './work-item-lead-unit.entity';
import { WorkItemUpdate } from './work-item-update.entity';
import { Transactions } from '../database/transactions';

const WORK_ITEM_LIST = {
  sortable: { theme: 'theme.number', number: 'item.number', progress: 'item.progress', updatedAt: 'item.updatedAt' },
  defaultSort: [
    ['theme', SortOrder.ASC],
    ['number', SortOrder.ASC],
  ],
} as const;

/** Work items (重点工作): list with filters, create, change, delete. */
@Injectable()
export class WorkItemService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(WorkItem) private readonly items: Repository<WorkItem>,
    private readonly campaigns: CampaignService,
    private readonly organization: OrganizationService,
  ) {}

  /**
   * A page of a campaign's items with their theme and lead units in three
   * statements whatever the page size: the page joined to its theme, the
   * count, then the lead units of the page's items (no N+1, and no DISTINCT
   * over a to-many join). A liaison sees the items their unit leads.
   */
  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: WorkItemListFilter | null,
  ): Promise<Page<WorkItem>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.items
      .createQueryBuilder('item')
      .innerJoinAndSelect('item.theme', 'theme')
      .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
      });
    const scope = unitScopeOf(ctx, WORK_PLAN_BUREAU_WIDE);
    if (scope !== null) whereLedBy(query, scope, 'scopeUnitCode');
    if (filter?.themeCode)
      query.andWhere('theme.code = :themeCode', { themeCode: checkCode(filter.themeCode, 'filter.themeCode') });
    if (filter?.leadUnitCode) whereLedBy(query, checkCode(filter.leadUnitCode, 'filter.leadUnitCode'), 'leadUnitCode');
    if (filter?.minProgress !== null && filter?.minProgress !== undefined)
      query.andWhere('item.progress >= :minProgress', {
        minProgress: checkInt(filter.minProgress, 'filter.minProgress', 0, 100),
      });
    if (filter?.maxProgress !== null && filter?.maxProgress !== undefined)
      query.andWhere('item.progress <= :maxProgress', {
        maxProgress: checkInt(filter.maxProgress, 'filter.maxProgress', 0, 100),
      });
    if (filter?.elided !== null && filter?.elided !== undefined)
      query.andWhere('item.elided = :elided', { elided: filter.elided });
    // the theme is many-to-one (one row per item), so LIMIT/OFFSET page the items
    // directly, without the DISTINCT-ids statement `paginate` needs for to-many joins
    const { skip, take, sort } = checkListOptions(options, WORK_ITEM_LIST);
    sort.forEach(([property, order], i) =>
      i === 0 ? query.orderBy(property, order) : query.addOrderBy(property, order),
    );
    query.addOrderBy('item.id', sort[sort.length - 1]?.[1] ?? SortOrder.ASC);
    const [items, totalItems] = await query.offset(skip).limit(take).getManyAndCount();
    await this.attachLeadUnits(items);
    return { items, totalItems };
  }

  /** Loads the lead units of the given items in one statement. */
  private async attachLeadUnits(items: WorkItem[]): Promise<void> {
    for (const item of items) item.leadUnitLinks = [];
    if (items.length === 0) return;
    const byId = new Map(items.map((item) => [item.id, item]));
    const links = await this.items.manager
      .getRepository(WorkItemLeadUnit)
      .createQueryBuilder('link')
      .innerJoinAndSelect('link.unit', 'unit')
      .where('link.workItemId IN (:...ids)', { ids: [...byId.keys()] })
      .getMany();
    for (const link of links) byId.get(link.workItemId)?.leadUnitLinks.push(link);
  }

  /** An item of the caller's bureau with its theme and lead units; `NOT_FOUND` otherwise. */
  async findOrThrow(ctx: RequestContext, id: unknown, path = 'id', manager?: EntityManager): Promise<WorkItem> {
    const itemId = checkId(id, path);
    const item = await (manager?.getRepository(WorkItem) ?? this.items).findOne({
      where: { id: itemId, bureauId: ctx.bureauId },
      relations: { theme: true, leadUnitLinks: { unit: true } },
    });
    if (!item) throw new PingyiError('NOT_FOUND', `no work item with id ${itemId} in your bureau`, path);
    return item;
  }

  /** One item; a liaison may read only the items their unit leads. */
  async read(ctx: RequestContext, id: unknown): Promise<WorkItem> {
    const item = await this.findOrThrow(ctx, id);
    assertLeadsItem(ctx, item, WORK_PLAN_BUREAU_WIDE, 'id');
    return item;
  }

  async create(
    ctx: RequestContext,
    campaignId: unknown,
    input: WorkItemInput,
    options: { manager?: EntityManager } = {},
  ): Promise<WorkItem> {
    const work = async (manager: EntityManager): Promise<WorkItem> => {
      const campaign = await this.campaigns.findWritableOrThrow(ctx, campaignId, 'campaignId', manager);
      const checked = await this.check(manager, campaign, input, null);
      const item = await manager.save(
        manager.create(WorkItem, {
          bureauId: campaign.bureauId,
          campaignId: campaign.id,
          ...checked.columns,
          progress: 0,
        }),
      );
      await this.saveLeadUnits(manager, item.id, checked.leadUnitIds);
      return this.findOrThrow(ctx, item.id, 'id', manager);
    };
    return options.manager ? work(options.manager) : this.transactions.run(work);
  }

  /** Replaces an item's fields and lead units; its progress and reports stay. */
  async update(ctx: RequestContext, id: unknown, input: WorkItemInput): Promise<WorkItem> {
    return this.transactions.run(async (manager) => {
      const item = await this.findOrThrow(ctx, id, 'id', manager);
      const campaign = await this.campaigns.findWritableOrThrow(ctx, item.campaignId, 'id', manager);
      const checked = await this.check(manager, campaign, input, item.id);
      await manager.update(WorkItem, { id: item.id }, checked.columns);
      await manager.delete(WorkItemLeadUnit, { workItemId: item.id });
      await this.saveLeadUnits(manager, item.id, checked.leadUnitIds);
      return this.findOrThrow(ctx, item.id, 'id', manager);
    });
  }

  /** Deletes an item that has no progress reports yet. */
  async delete(ctx: RequestContext, id: unknown): Promise<number> {
    return this.transactions.run(async (manager) => {
      const item = await this.findOrThrow(ctx, id, 'id', manager);
      const reports = await manager.countBy(WorkItemUpdate, { workItemId: item.id });
      if (reports > 0)
        throw refusal(
          'IN_USE',
          'workItemHasReports',
          { item: `${item.theme.code} (${item.number})`, count: reports },
          'id',
        );
      await manager.delete(WorkItem, { id: item.id });
      return item.id;
    });
  }

  // Shapes here; the rules (text unless elided, lead units are units, themes exist) are the domain's.
  private async check(manager: EntityManager, campaign: Campaign, input: WorkItemInput, selfId: number | null) {
    const title = checkOptionalText(input?.title, 'input.title', { max: 200 });
    const text = checkText(input?.text ?? '', 'input.text', { min: 0, max: 10_000 });
    const themes = await manager.findBy(Theme, { campaignId: campaign.id });
    const units = await this.organization.unitsOf(campaign.id, manager);
    const parsed = checkAt(
      '',
      () =>
        parseWorkItem(
          {
            ...input,
            title: title ?? undefined,
            text,
            elided: input?.elided ?? false,
            sourceGaps: input?.sourceGaps ?? undefined,
            progress: 0,
            updates: [],
          },
          'input',
          {
            themeCodes: new Set(themes.map((theme) => theme.code)),
            unitCodes: new Set(units.map((unit) => unit.code)),
          },
        ),
      { INVALID_WORK_ITEM: 'INVALID_ARGUMENT', INVALID_PROGRESS: 'INVALID_ARGUMENT' },
    );
    const theme = themes.find((candidate) => candidate.code === parsed.themeCode) as Theme;
    const clash = await manager.findOneBy(WorkItem, { themeId: theme.id, number: parsed.number });
    if (clash && clash.id !== selfId)
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `theme ${theme.code} already has work item (${parsed.number})`,
        'input.number',
      );
    const unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
    return {
      columns: {
        themeId: theme.id,
        number: parsed.number,
        title: parsed.title ?? null,
        text: parsed.text,
        elided: parsed.elided ?? false,
        sourceGaps: [...(parsed.sourceGaps ?? [])],
      },
      leadUnitIds: parsed.leadUnitCodes.map((code) => unitIds.get(code) as number),
    };
  }

  private async saveLeadUnits(manager: EntityManager, workItemId: number, unitIds: readonly number[]): Promise<void> {
    if (unitIds.length === 0) return;
    await manager.insert(
      WorkItemLeadUnit,
      unitIds.map((unitId, position) => ({ workItemId, unitId, position })),
    );
  }
}
