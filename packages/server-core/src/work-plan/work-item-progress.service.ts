import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  applyProgressUpdate,
  isPingyiError,
  refusal,
  summarizeWorkItems,
  summarizeWorkItemsByLeadUnit,
  type WorkItemSummary,
} from '@pingyi/domain';
import { Repository } from 'typeorm';
import { assertCampaignActionOpen } from '../campaign/campaign-calendar';
import { CampaignService } from '../campaign/campaign.service';
import { renameRoot } from '../common/rethrow-at';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { checkCode, checkOptionalText } from '../common/validation';
import { type ReportProgressInput } from './dto/work-plan.dto';
import {
  REPORTERS_BUREAU_WIDE,
  WORK_PLAN_BUREAU_WIDE,
  assertLeadsItem,
  toDomainWorkItem,
  whereLedBy,
} from './work-plan-access';
import { WorkItem } from './work-item.entity';
import { WorkItemService } from './work-item.service';
import { WorkItemUpdate } from './work-item-update.entity';
import { Transactions } from '../database/transactions';

/** Progress on work items: dated reports (phase-gated), their history, and summaries. */
@Injectable()
export class WorkItemProgressService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(WorkItemUpdate) private readonly updates: Repository<WorkItemUpdate>,
    @InjectRepository(WorkItem) private readonly items: Repository<WorkItem>,
    private readonly workItems: WorkItemService,
    private readonly campaigns: CampaignService,
  ) {}

  /**
   * Reports progress: open only when the domain's gating allows
   * (`reportWorkItemProgress`, implementation); a liaison reports only on
   * items their unit leads, always for their unit; the update must follow the
   * domain's progress rules (`INVALID_PROGRESS` naming `input.<field>`).
   */
  async report(
    ctx: RequestContext,
    workItemId: unknown,
    input: ReportProgressInput,
    now: Date = new Date(),
  ): Promise<WorkItemUpdate> {
    const item = await this.workItems.findOrThrow(ctx, workItemId, 'workItemId');
    const scope = assertLeadsItem(ctx, item, REPORTERS_BUREAU_WIDE, 'workItemId');
    const given =
      input?.unitCode === null || input?.unitCode === undefined
        ? undefined
        : checkCode(input.unitCode, 'input.unitCode');
    if (scope !== null && given !== undefined && given !== scope) {
      throw refusal('FORBIDDEN', 'ownUnitReport', { unit: scope, other: given }, 'input.unitCode');
    }
    const unitCode = scope ?? given;
    const note = checkOptionalText(input?.note, 'input.note', { max: 2000 });
    const campaign = await this.campaigns.findOrThrow(ctx, item.campaignId, 'workItemId');
    assertCampaignActionOpen(campaign, 'reportWorkItemProgress', now);
    return this.transactions.run(async (manager) => {
      // read again inside the transaction: another report may just have landed
      const fresh = await this.workItems.findOrThrow(ctx, item.id, 'workItemId', manager);
      const history = await manager.find(WorkItemUpdate, {
        where: { workItemId: item.id },
        order: { date: 'ASC', id: 'ASC' },
      });
      let next;
      try {
        next = applyProgressUpdate(
          toDomainWorkItem(fresh, history),
          {
            progress: input?.progress,
            ...(input?.date ? { date: input.date } : {}),
            ...(note ? { note } : {}),
            ...(unitCode ? { unitCode } : {}),
          },
          { now, timeZone: campaign.timeZone },
        );
      } catch (error) {
        // the domain names the update `update.<field>`; the argument is `input`
        throw isPingyiError(error) ? renameRoot(error, 'update', 'input') : error;
      }
      const added = next.updates[next.updates.length - 1];
      if (!added) throw new Error('applyProgressUpdate returned no update');
      await manager.update(WorkItem, { id: item.id }, { progress: next.progress });
      return manager.save(
        manager.create(WorkItemUpdate, {
          bureauId: item.bureauId,
          workItemId: item.id,
          date: added.date,
          progress: added.progress,
          note: added.note ?? null,
          unitCode: added.unitCode ?? null,
          reportedBy: ctx.userOrThrow.username,
        }),
      );
    });
  }

  /** The reports on an item, oldest first; a liaison may read only items their unit leads. */
  async history(ctx: RequestContext, workItemId: unknown): Promise<WorkItemUpdate[]> {
    const item = await this.workItems.findOrThrow(ctx, workItemId, 'workItemId');
    assertLeadsItem(ctx, item, WORK_PLAN_BUREAU_WIDE, 'workItemId');
    return this.updates.find({ where: { workItemId: item.id }, order: { date: 'ASC', id: 'ASC' } });
  }

  /** Counts over the campaign's items (the domain's summary), overall and per lead unit; a liaison's over their items. */
  async summary(
    ctx: RequestContext,
    campaignId: unknown,
  ): Promise<{
    overall: WorkItemSummary & { unitCode: null };
    byLeadUnit: (WorkItemSummary & { unitCode: string })[];
  }> {
    const campaign = await this.campaigns.findOrThrow(ctx, campaignId);
    const query = this.items
      .createQueryBuilder('item')
      .innerJoinAndSelect('item.theme', 'theme')
      .leftJoinAndSelect('item.leadUnitLinks', 'link')
      .leftJoinAndSelect('link.unit', 'leadUnit')
      .where('item.bureauId = :bureauId AND item.campaignId = :campaignId', {
        bureauId: ctx.bureauId,
        campaignId: campaign.id,
      });
    const scope = unitScopeOf(ctx, WORK_PLAN_BUREAU_WIDE);
    if (scope !== null) whereLedBy(query, scope, 'scopeUnitCode');
    const items = (await query.getMany()).map((item) => toDomainWorkItem(item));
    return {
      overall: { unitCode: null, ...summarizeWorkItems(items) },
      byLeadUnit: [...summarizeWorkItemsByLeadUnit(items)],
    };
  }
}
