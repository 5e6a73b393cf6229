import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PingyiError } from '@pingyi/domain';
import { Brackets, DataSource, type EntityManager, In, type QueryDeepPartialEntity } from 'typeorm';
import { type ListOptions, type Page, paginate, SortOrder } from '../common/pagination';
import { type RequestContext } from '../common/request-context';
import { whereBureau } from '../common/scoping';
import { checkCode, checkId, checkList, checkOneOf, checkOptionalText, checkText } from '../common/validation';
import { type RectificationCampaign, RectificationCampaigns } from '../rectification/rectification-campaigns.service';
import { RectificationItem } from '../rectification/rectification-item.entity';
import { RectificationItemService } from '../rectification/rectification-item.service';
import {
  type CreatePolicyActionInput,
  PolicyActionDetail,
  type PolicyActionFilter,
  type UpdatePolicyActionInput,
} from './dto/policy-action.dto';
import { nextPolicyActionState, type PolicyActionEvent } from './policy-action-rules';
import { PolicyActionItem } from './policy-action-item.entity';
import { PolicyAction } from './policy-action.entity';
import { supervisionScopeOf } from './supervision-access';
import { POLICY_ACTION_KINDS, POLICY_ACTION_STATES } from './supervision-enums';
import { Transactions } from '../database/transactions';

const LIST = {
  sortable: { id: 'action.id', title: 'action.title', updatedAt: 'action.updatedAt' },
  defaultSort: [['id', SortOrder.DESC]],
} as const;

/**
 * 建章立制: the office drafts rules prompted by rectification items, then
 * adopts or withdraws them (from the rectification phase on). Readers: the
 * office, inspectors, leaders; a liaison sees their unit's and the bureau-wide ones.
 */
@Injectable()
export class PolicyActionService {
  constructor(
    private readonly transactions: Transactions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: RectificationCampaigns,
    private readonly items: RectificationItemService,
  ) {}

  async list(
    ctx: RequestContext,
    campaignId: unknown,
    options?: ListOptions | null,
    filter?: PolicyActionFilter | null,
  ): Promise<Page<PolicyAction>> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = whereBureau(this.dataSource.getRepository(PolicyAction).createQueryBuilder('action'), ctx)
      .leftJoinAndSelect('action.itemLinks', 'itemLink')
      .andWhere('action.campaignId = :campaignId', { campaignId: campaign.id });
    const scope = supervisionScopeOf(ctx);
    if (scope)
      query.andWhere(
        new Brackets((q) => q.where('action.unitCode = :scope', { scope }).orWhere('action.unitCode IS NULL')),
      );
    if (filter?.state)
      query.andWhere('action.state = :state', {
        state: checkOneOf(filter.state, 'filter.state', POLICY_ACTION_STATES),
      });
    if (filter?.kind)
      query.andWhere('action.kind = :kind', { kind: checkOneOf(filter.kind, 'filter.kind', POLICY_ACTION_KINDS) });
    if (filter?.unitCode)
      query.andWhere('action.unitCode = :unitCode', { unitCode: checkCode(filter.unitCode, 'filter.unitCode') });
    return paginate(query, options, LIST);
  }

  async findOrThrow(
    ctx: RequestContext,
    id: unknown,
    path = 'id',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PolicyAction> {
    const actionId = checkId(id, path);
    const found = await manager.findOne(PolicyAction, {
      where: { id: actionId, bureauId: ctx.bureauId },
      relations: { itemLinks: true },
    });
    const scope = supervisionScopeOf(ctx);
    if (!found || (scope !== null && found.unitCode !== null && found.unitCode !== scope)) {
      throw new PingyiError('NOT_FOUND', `no policy action with id ${actionId} for you`, path);
    }
    return found;
  }

  /** A policy action with the linked items the caller may see. */
  async detail(ctx: RequestContext, id: unknown): Promise<PolicyActionDetail> {
    const action = await this.findOrThrow(ctx, id);
    const campaign = await this.campaigns.findOrThrow(ctx, action.campaignId);
    const scope = supervisionScopeOf(ctx);
    const linked = action.itemIds.length
      ? await this.dataSource.manager.find(RectificationItem, {
          where: { id: In(action.itemIds), bureauId: ctx.bureauId, ...(scope ? { unitCode: scope } : {}) },
          order: { id: 'ASC' },
        })
      : [];
    return Object.assign(new PolicyActionDetail(), action, {
      items: this.items.present(ctx, campaign, this.campaigns.now(), linked),
    });
  }

  async create(ctx: RequestContext, input: CreatePolicyActionInput): Promise<PolicyAction> {
    const campaign = await this.campaigns.findOrThrow(ctx, input.campaignId, 'input.campaignId');
    this.campaigns.assertOpen(campaign, 'recordPolicyAction', this.campaigns.now());
    const fields = {
      kind: checkOneOf(input.kind, 'input.kind', POLICY_ACTION_KINDS),
      title: checkText(input.title, 'input.title', { max: 200 }),
      text: checkText(input.text, 'input.text', { max: 20_000 }),
      unitCode: input.unitCode ? await this.campaigns.unitOrThrow(campaign, input.unitCode, 'input.unitCode') : null,
    };
    return this.transactions.run(async (manager) => {
      const itemIds = await this.checkItems(manager, ctx, campaign, input.itemIds ?? [], 'input.itemIds');
      const action = await manager.save(
        manager.create(PolicyAction, {
          ...fields,
          bureauId: ctx.bureauId,
          campaignId: campaign.id,
          state: 'drafted',
          createdBy: ctx.userOrThrow.username,
        }),
      );
      await this.linkItems(manager, action.id, itemIds);
      return this.findOrThrow(ctx, action.id, 'id', manager);
    });
  }

  /** Edits a draft. */
  update(ctx: RequestContext, id: unknown, input: UpdatePolicyActionInput): Promise<PolicyAction> {
    return this.change(ctx, id, 'edit', async (manager, action, campaign) => ({
      ...(input.kind ? { kind: checkOneOf(input.kind, 'input.kind', POLICY_ACTION_KINDS) } : {}),
      ...(input.title !== null && input.title !== undefined
        ? { title: checkText(input.title, 'input.title', { max: 200 }) }
        : {}),
      ...(input.text !== null && input.text !== undefined
        ? { text: checkText(input.text, 'input.text', { max: 20_000 }) }
        : {}),
      ...(input.itemIds
        ? { itemIds: await this.checkItems(manager, ctx, campaign, input.itemIds, 'input.itemIds') }
        : {}),
      state: action.state,
    }));
  }

  adopt(ctx: RequestContext, id: unknown): Promise<PolicyAction> {
    return this.change(ctx, id, 'adopt', async (_manager, _action, campaign) => ({
      adoptedOn: this.campaigns.today(campaign, this.campaigns.now()),
    }));
  }

  withdraw(ctx: RequestContext, id: unknown, reason: unknown): Promise<PolicyAction> {
    const why = checkOptionalText(reason, 'reason', { max: 2000 });
    return this.change(ctx, id, 'withdraw', async () => ({ withdrawnReason: why }));
  }

  /** One lifecycle step: the phase gate, the state rule, then a version-checked write. */
  private change(
    ctx: RequestContext,
    id: unknown,
    event: PolicyActionEvent,
    fields: (
      manager: EntityManager,
      action: PolicyAction,
      campaign: RectificationCampaign,
    ) => Promise<Partial<PolicyAction> & { itemIds?: number[] }>,
  ): Promise<PolicyAction> {
    return this.transactions.run(async (manager) => {
      const action = await this.findOrThrow(ctx, id, 'id', manager);
      const campaign = await this.campaigns.findOrThrow(ctx, action.campaignId, 'campaignId', manager);
      this.campaigns.assertOpen(campaign, 'recordPolicyAction', this.campaigns.now());
      const state = nextPolicyActionState(action.state, event);
      const { itemIds, ...changed } = await fields(manager, action, campaign);
      const values = { ...changed, state, version: action.version + 1 };
      const result = await manager
        .createQueryBuilder()
        .update(PolicyAction)
        .set(values as QueryDeepPartialEntity<PolicyAction>)
        .where('id = :id AND version = :version', { id: action.id, version: action.version })
        .execute();
      if (result.affected !== 1)
        throw new PingyiError(
          'CONFLICT',
          `policy action ${action.id} was changed by someone else meanwhile; reload it`,
          'id',
        );
      if (itemIds) await this.linkItems(manager, action.id, itemIds, true);
      return this.findOrThrow(ctx, action.id, 'id', manager);
    });
  }

  /** Writes the action's item links (`policy_action_item`) in the given order, replacing the old ones when asked. */
  private async linkItems(
    manager: EntityManager,
    actionId: number,
    itemIds: readonly number[],
    replace = false,
  ): Promise<void> {
    if (replace) await manager.delete(PolicyActionItem, { policyActionId: actionId });
    if (itemIds.length > 0)
      await manager.insert(
        PolicyActionItem,
        itemIds.map((itemId, position) => ({ policyActionId: actionId, itemId, position })),
      );
  }

  private async checkItems(
    manager: EntityManager,
    ctx: RequestContext,
    campaign: RectificationCampaign,
    raw: unknown,
    path: string,
  ): Promise<number[]> {
    const ids = [...new Set(checkList(raw, path, 200, (id, at) => checkId(id, at)))];
    if (ids.length === 0) return [];
    const found = new Set(
      (
        await manager.find(RectificationItem, {
          select: { id: true },
          where: { id: In(ids), bureauId: ctx.bureauId, campaignId: campaign.id },
        })
      ).map((i) => i.id),
    );
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw new PingyiError(
        'NOT_FOUND',
        `no rectification item with id ${ids[missing]} in this campaign`,
        `${path}[${missing}]`,
      );
    return ids;
  }
}
