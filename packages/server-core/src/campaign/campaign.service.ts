import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PingyiError, refusal } from '@pingyi/domain';
import { type EntityManager, IsNull, LessThan, Not, Repository } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import { checkId, checkInt, checkOptionalText } from '../common/validation';
import { assertUnreferenced, deleteReferencing, type ReferenceCount, referencesTo } from '../database/reference-usage';
import { assertNotArchived } from './campaign-calendar';
import { campaignChanges, checkChangeReason } from './campaign-changes';
import { type CampaignDraft, checkCampaignFields, type CampaignFields } from './campaign-input';
import { Campaign } from './campaign.entity';
import { type CampaignListFilter, type CreateCampaignInput, type UpdateCampaignInput } from './dto/campaign.dto';
import { EvaluatorGroup } from './evaluator-group.entity';
import { ScoringStrategies } from './scoring-strategies.service';
import { CampaignChangeFeed } from './campaign-change-feed';
import { Transactions } from '../database/transactions';
import { likeContaining } from '../common/search';

const CAMPAIGN_LIST = {
  sortable: {
    year: 'campaign.year',
    name: 'campaign.name',
    startDate: 'campaign.startDate',
    createdAt: 'campaign.createdAt',
  },
  defaultSort: [['year', SortOrder.DESC]],
} as const;

/** Options of {@link CampaignService.create} used by the demo loader. */
export interface CreateCampaignOptions {
  readonly manager?: EntityManager;
  readonly isDemo?: boolean;
}

/** What {@link CampaignService.delete} did: deleted, or archived because ballots or published results keep it. */
export interface CampaignRemoval {
  readonly id: number;
  readonly archived: boolean;
  /** What keeps an archived campaign (kind → count: ballot, resultSnapshot). */
  readonly keptBy: readonly ReferenceCount[];
}

/** Campaigns of the caller's bureau: list, read, create, update, delete or archive. */
@Injectable()
export class CampaignService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly strategies: ScoringStrategies,
    private readonly changeFeed: CampaignChangeFeed,
  ) {}

  list(ctx: RequestContext, options?: ListOptions | null, filter?: CampaignListFilter | null): Promise<Page<Campaign>> {
    const query = whereBureau(this.campaigns.createQueryBuilder('campaign'), ctx).leftJoinAndSelect(
      'campaign.evaluatorGroups',
      'evaluatorGroup',
    );
    // archived campaigns are listed only when asked for
    query.andWhere(filter?.archived ? 'campaign.archivedAt IS NOT NULL' : 'campaign.archivedAt IS NULL');
    if (filter?.year !== null && filter?.year !== undefined)
      query.andWhere('campaign.year = :year', { year: checkInt(filter.year, 'filter.year', 2000, 2999) });
    const search = checkOptionalText(filter?.search, 'filter.search', { max: 100 });
    if (search) query.andWhere("LOWER(campaign.name) LIKE :like ESCAPE '\\'", { like: likeContaining(search) });
    return paginate(query, options, CAMPAIGN_LIST).then((page) => ({
      ...page,
      items: page.items.map(withGroupWeights),
    }));
  }

  /** A campaign of the caller's bureau with its evaluator groups; `NOT_FOUND` (naming `path`) otherwise. */
  async findOrThrow(ctx: RequestContext, id: unknown, path = 'campaignId', manager?: EntityManager): Promise<Campaign> {
    const campaignId = checkId(id, path);
    // one statement (findOne with a relation would first select distinct ids)
    const found = await (manager?.getRepository(Campaign) ?? this.campaigns)
      .createQueryBuilder('campaign')
      .leftJoinAndSelect('campaign.evaluatorGroups', 'evaluatorGroup')
      .where('campaign.id = :campaignId AND campaign.bureauId = :bureauId', { campaignId, bureauId: ctx.bureauId })
      .getOne();
    if (!found) throw new PingyiError('NOT_FOUND', `no campaign with id ${campaignId} in your bureau`, path);
    return withGroupWeights(found);
  }

  /** {@link findOrThrow} for a change: an archived campaign is read-only (`CAMPAIGN_ARCHIVED`). */
  async findWritableOrThrow(
    ctx: RequestContext,
    id: unknown,
    path = 'campaignId',
    manager?: EntityManager,
  ): Promise<Campaign> {
    const campaign = await this.findOrThrow(ctx, id, path, manager);
    assertNotArchived(campaign, path);
    return campaign;
  }

  /**
   * The campaign results are compared with: `previousCampaignId` when set,
   * else the bureau's campaign with the greatest earlier year; null when none.
   */
  async previousOf(ctx: RequestContext, campaign: Campaign): Promise<Campaign | null> {
    return campaign.bureauId === ctx.bureauId ? this.previousOfCampaign(campaign) : null;
  }

  /** The campaign a campaign's results are compared with, in the campaign's own bureau. */
  async previousOfCampaign(campaign: Campaign, manager?: EntityManager): Promise<Campaign | null> {
    const campaigns = manager?.getRepository(Campaign) ?? this.campaigns;
    if (campaign.previousCampaignId !== null) {
      return campaigns.findOne({
        where: { id: campaign.previousCampaignId, bureauId: campaign.bureauId },
        relations: { evaluatorGroups: true },
      });
    }
    return campaigns.findOne({
      where: { bureauId: campaign.bureauId, year: LessThan(campaign.year) },
      order: { year: 'DESC' },
      relations: { evaluatorGroups: true },
    });
  }

  async create(
    ctx: RequestContext,
    input: CreateCampaignInput,
    options: CreateCampaignOptions = {},
  ): Promise<Campaign> {
    const draft = this.check({
      ...input,
      policy: { json: input.policyJson },
    });
    const previousId = await this.checkPrevious(ctx, input.previousCampaignId, draft.year, null);
    const work = async (manager: EntityManager): Promise<Campaign> => {
      await this.assertYearFree(manager, ctx.bureauId, draft.year, null);
      const campaign = await manager.save(
        manager.create(Campaign, {
          bureauId: ctx.bureauId,
          ...columnsOf(draft),
          previousCampaignId: previousId,
          isDemo: options.isDemo ?? false,
        }),
      );
      await this.replaceGroups(manager, campaign, draft);
      return this.findOrThrow(ctx, campaign.id, 'id', manager);
    };
    return options.manager ? work(options.manager) : this.transactions.run(work);
  }

  /** Changes the given fields; the whole campaign is checked again so the parts stay consistent. */
  async update(ctx: RequestContext, id: unknown, input: UpdateCampaignInput): Promise<Campaign> {
    return this.changing(async (manager) => {
      const campaign = await this.findWritableOrThrow(ctx, id, 'id', manager);
      const given = <T>(value: T | null | undefined, fallback: unknown): unknown =>
        value === null || value === undefined ? fallback : value;
      const draft = this.check({
        year: given(input.year, campaign.year),
        name: given(input.name, campaign.name),
        timeZone: given(input.timeZone, campaign.timeZone),
        phases: given(input.phases, campaign.phases),
        guidingPrinciple: given(input.guidingPrinciple, campaign.guidingPrinciple),
        objectives: given(input.objectives, campaign.objectives),
        requirements: given(input.requirements, campaign.requirements),
        evaluatorGroups: given(
          input.evaluatorGroups,
          campaign.evaluatorGroups.map(({ code, label, quota, description }) => ({ code, label, quota, description })),
        ),
        policy:
          input.policyJson === null || input.policyJson === undefined
            ? { value: campaign.policy }
            : { json: input.policyJson },
        series: given(input.series, campaign.series),
      });
      const changes = campaignChanges(campaign, draft);
      const reason = checkChangeReason(campaign, changes, input.reason, new Date());
      await this.assertYearFree(manager, ctx.bureauId, draft.year, campaign.id);
      await this.assertStoredBallotsStillFit(manager, campaign, draft);
      await this.assertRemovedSeriesEmpty(manager, campaign, draft);
      // the audit entry names what changed, field by field, and why
      ctx.audit.change = { changes: changes.all, reason };
      const previousId =
        input.previousCampaignId === null || input.previousCampaignId === undefined
          ? campaign.previousCampaignId
          : await this.checkPrevious(ctx, input.previousCampaignId, draft.year, campaign.id);
      await manager.update(Campaign, { id: campaign.id }, {
        ...columnsOf(draft),
        previousCampaignId: previousId,
      } as QueryDeepPartialEntity<Campaign>);
      await this.replaceGroups(manager, campaign, draft);
      return this.findOrThrow(ctx, campaign.id, 'id', manager);
    });
  }

  /**
   * Deletes a campaign with its plan and organization; one that ballots or
   * published results still name (the foreign keys that keep a campaign) is
   * archived instead: hidden from lists, read-only, its year free again.
   */
  async delete(ctx: RequestContext, id: unknown): Promise<CampaignRemoval> {
    return this.changing(async (manager): Promise<CampaignRemoval> => {
      const campaign = await this.findOrThrow(ctx, id, 'id', manager);
      const keptBy = await referencesTo(manager, Campaign, campaign);
      if (keptBy.length === 0) {
        await manager.delete(Campaign, { id: campaign.id });
        return { id: campaign.id, archived: false, keptBy };
      }
      if (campaign.archivedAt === null) await manager.update(Campaign, { id: campaign.id }, { archivedAt: new Date() });
      return { id: campaign.id, archived: true, keptBy };
    });
  }

  /** Archives a campaign (kept with everything it holds, read-only, hidden from default lists, its year free). */
  async archive(ctx: RequestContext, id: unknown): Promise<Campaign> {
    return this.changing(async (manager) => {
      const campaign = await this.findOrThrow(ctx, id, 'id', manager);
      if (campaign.archivedAt === null) await manager.update(Campaign, { id: campaign.id }, { archivedAt: new Date() });
      return this.findOrThrow(ctx, campaign.id, 'id', manager);
    });
  }

  /** Makes an archived campaign live again, if its year is still free. */
  async unarchive(ctx: RequestContext, id: unknown): Promise<Campaign> {
    return this.changing(async (manager) => {
      const campaign = await this.findOrThrow(ctx, id, 'id', manager);
      if (campaign.archivedAt === null) return campaign;
      await this.assertYearFree(manager, ctx.bureauId, campaign.year, campaign.id, 'id');
      await manager.update(Campaign, { id: campaign.id }, { archivedAt: null });
      return this.findOrThrow(ctx, campaign.id, 'id', manager);
    });
  }

  /**
   * Removes a demo campaign entirely, its demo ballots and published results
   * included, so the real campaign of its year can be created. Only for a
   * campaign the demo loaded (`isDemo`); any other is `INVALID_ARGUMENT`.
   */
  async removeDemo(ctx: RequestContext, id: unknown): Promise<number> {
    return this.changing(async (manager) => {
      const campaign = await this.findOrThrow(ctx, id, 'id', manager);
      if (!campaign.isDemo)
        throw new PingyiError(
          'INVALID_ARGUMENT',
          `the campaign ${campaign.name} is not demo data; delete or archive it instead`,
          'id',
        );
      await deleteReferencing(manager, Campaign, campaign);
      await manager.delete(Campaign, { id: campaign.id });
      return campaign.id;
    });
  }

  /** Runs a write in a transaction, then tells this server's caches which campaign (the result, or its id) changed. */
  private async changing<T extends { id: number } | number>(write: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.transactions.run(write);
    this.changeFeed.changed(typeof result === 'number' ? result : result.id);
    return result;
  }

  private check(fields: CampaignFields): CampaignDraft {
    return checkCampaignFields(fields, this.strategies.registry);
  }

  // archived campaigns keep their year but do not take it
  private async assertYearFree(
    manager: EntityManager,
    bureauId: number,
    year: number,
    exceptId: number | null,
    path = 'input.year',
  ): Promise<void> {
    const other = await manager.findOneBy(Campaign, {
      bureauId,
      year,
      archivedAt: IsNull(),
      ...(exceptId === null ? {} : { id: Not(exceptId) }),
    });
    if (other) {
      throw new PingyiError(
        'CAMPAIGN_YEAR_TAKEN',
        `your bureau already has the campaign ${other.name} for ${year}`,
        path,
      );
    }
  }

  private async checkPrevious(
    ctx: RequestContext,
    raw: unknown,
    year: number,
    selfId: number | null,
  ): Promise<number | null> {
    if (raw === null || raw === undefined || raw === '0') return null;
    const previousId = checkId(raw, 'input.previousCampaignId');
    const previous = await this.campaigns.findOneBy({ id: previousId, bureauId: ctx.bureauId });
    if (!previous)
      throw new PingyiError(
        'NOT_FOUND',
        `no campaign with id ${previousId} in your bureau`,
        'input.previousCampaignId',
      );
    if (previous.id === selfId || previous.year >= year) {
      throw new PingyiError(
        'INVALID_ARGUMENT',
        `must be a campaign of an earlier year than ${year}, got ${previous.year}`,
        'input.previousCampaignId',
      );
    }
    return previous.id;
  }

  // Stored ratings name groups and levels: an edit may not remove one they use.
  private async assertStoredBallotsStillFit(
    manager: EntityManager,
    campaign: Campaign,
    draft: CampaignDraft,
  ): Promise<void> {
    const kept = new Set(draft.evaluatorGroups.map((group) => group.code));
    for (const group of campaign.evaluatorGroups) {
      if (!kept.has(group.code))
        await assertUnreferenced(
          manager,
          EvaluatorGroup,
          group,
          { kind: 'evaluatorGroup', code: group.code, name: group.label },
          'input.evaluatorGroups',
        );
    }
    const levels = new Set(draft.policy.scale.map((level) => level.code));
    const missing = (await this.levelCodesInUse(manager, campaign.id)).filter((level) => !levels.has(level));
    if (missing.length > 0) {
      const labels = missing
        .map((code) => campaign.policy.scale.find((level) => level.code === code)?.label ?? code)
        .join('、');
      throw refusal('IN_USE', 'scaleDropsLevels', { levels: missing.join(', '), labels }, 'input.policyJson.scale');
    }
  }

  // Units name their series by code: a series that still holds units stays.
  private async assertRemovedSeriesEmpty(
    manager: EntityManager,
    campaign: Campaign,
    draft: CampaignDraft,
  ): Promise<void> {
    const kept = new Set(draft.series.map((series) => series.code));
    for (const series of campaign.series.filter((old) => !kept.has(old.code))) {
      const mark = manager.connection.options.type === 'postgres' ? ['$1', '$2'] : ['?', '?'];
      const [row] = (await manager.query(
        `SELECT COUNT(*) AS count FROM unit WHERE campaign_id = ${mark[0]} AND series_code = ${mark[1]}`,
        [campaign.id, series.code],
      )) as { count: string | number }[];
      const count = Number(row?.count ?? 0);
      if (count > 0)
        throw refusal('IN_USE', 'seriesInUse', { code: series.code, label: series.label, count }, 'input.series');
    }
  }

  // Levels live in the policy's JSON, so no key holds them: the stored ratings are asked.
  private async levelCodesInUse(manager: EntityManager, campaignId: number): Promise<string[]> {
    const mark = manager.connection.options.type === 'postgres' ? '$1' : '?';
    const rows = (await manager.query(`SELECT DISTINCT level_code AS level FROM rating WHERE campaign_id = ${mark}`, [
      campaignId,
    ])) as { level: string }[];
    return rows.map((row) => row.level);
  }

  // Evaluator groups are edited as a whole and matched by code, so ids stay stable.
  private async replaceGroups(manager: EntityManager, campaign: Campaign, draft: CampaignDraft): Promise<void> {
    const existing = new Map(
      (await manager.findBy(EvaluatorGroup, { campaignId: campaign.id })).map((group) => [group.code, group]),
    );
    const rows = draft.evaluatorGroups.map((group, sortOrder) =>
      manager.create(EvaluatorGroup, {
        ...(existing.get(group.code) ? { id: existing.get(group.code)?.id } : {}),
        bureauId: campaign.bureauId,
        campaignId: campaign.id,
        code: group.code,
        label: group.label,
        quota: group.quota,
        description: group.description ?? null,
        sortOrder,
      }),
    );
    const removed = [...existing.values()].filter((group) => !draft.evaluatorGroups.some((g) => g.code === group.code));
    if (removed.length > 0)
      await manager.delete(
        EvaluatorGroup,
        removed.map((group) => group.id),
      );
    await manager.save(rows);
  }
}

function columnsOf(draft: CampaignDraft): Partial<Campaign> {
  return {
    year: draft.year,
    name: draft.name,
    timeZone: draft.calendar.timeZone,
    startDate: draft.calendar.start,
    endDate: draft.calendar.end,
    phases: [...draft.calendar.phases],
    guidingPrinciple: draft.guidingPrinciple,
    objectives: [...draft.objectives],
    requirements: [...draft.requirements],
    policy: draft.policy,
    series: draft.series.map(({ code, label }) => ({ code, label })),
  };
}

/** Groups in ballot order, each with the policy's weight. */
export function withGroupWeights(campaign: Campaign): Campaign {
  const weights = new Map((campaign.policy.groups ?? []).map((group) => [group.code, group.weight]));
  campaign.evaluatorGroups = [...(campaign.evaluatorGroups ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  for (const group of campaign.evaluatorGroups) group.weight = weights.get(group.code) ?? null;
  return campaign;
}
