import { Injectable } from '@nestjs/common';
import {
  isPingyiError,
  PingyiError,
  type RectificationEffect,
  type RectificationEvent,
  transitionFor,
  transitionRectification,
} from '@pingyi/domain';
import { type EntityManager, In } from 'typeorm';
import { sentenceOf } from '../common/error-result';
import { type RequestContext } from '../common/request-context';
import { unitScopeOf } from '../common/scoping';
import { checkId } from '../common/validation';
import { type RectificationCampaign } from './rectification-campaigns.service';
import { type RectificationBatchResult } from './dto/rectification-event.dto';
import { actingRole, actorUnitOf, BUREAU_WIDE_READERS } from './rectification-access';
import { RectificationCampaigns } from './rectification-campaigns.service';
import { ItemEvidence } from './item-evidence';
import { effectRows, type EffectRows, insertEffectRows, scheduleChanges } from './rectification-effects';
import { assertNoStrayFields, buildRectificationEvent } from './rectification-event';
import { RectificationItem } from './rectification-item.entity';
import { RectificationItemService } from './rectification-item.service';
import { changesFrom, toDomainItem } from './rectification-mapper';
import { type RowProblem } from './rectification.errors';
import { Transactions } from '../database/transactions';

/** One event of a batch: where it came from (CSV line or position), the item and the event. */
export interface BatchRequest {
  readonly row: number;
  readonly itemId: unknown;
  /** Where the item id came from, for messages (`ids[3]`, `line 7: id`). */
  readonly idPath: string;
  /** Builds the event; may throw INVALID_ARGUMENT for a bad field. */
  readonly event: () => RectificationEvent;
  /** Prefix of payload paths (`payload`, `line 7`). */
  readonly path: string;
}

/** One planned transition: the item after it and the effects to carry out. */
interface Step {
  readonly next: RectificationItem;
  readonly effects: readonly RectificationEffect[];
}

const CHUNK = 500;
const MAX_RETURNED = 100;

/**
 * Sends lifecycle events to items: one at a time (`fire`) or many at once,
 * all or nothing (`applyBatch`). Every rule is the domain's: the phase gate
 * of the table row first, then `transitionRectification` (role, unit, state,
 * supervision, payload). The service persists the next item with an
 * optimistic version check and carries out the effects (history, inbox,
 * schedules) in the same transaction.
 */
@Injectable()
export class RectificationTransitionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly campaigns: RectificationCampaigns,
    private readonly items: RectificationItemService,
    private readonly evidence: ItemEvidence,
  ) {}

  async fire(
    ctx: RequestContext,
    id: unknown,
    eventType: string,
    payload: Readonly<Record<string, unknown>> | null | undefined,
  ): Promise<RectificationItem> {
    const event = buildRectificationEvent(eventType, payload, 'payload');
    return this.transactions.run(async (manager) => {
      const row = await this.items.loadOrThrow(ctx, id, 'id', manager);
      const campaign = await this.campaigns.findOrThrow(ctx, row.campaignId);
      const now = this.campaigns.now();
      const attachments = await this.evidence.idsByItem(manager, ctx.bureauId, [row.id]);
      const step = this.plan(ctx, campaign, now, row, event, attachments, 'payload');
      await this.write(
        manager,
        ctx,
        new Map([[row.id, row]]),
        new Map([[row.id, step.next]]),
        effectRows(ctx, step.next, step.effects),
      );
      const fresh = await manager.findOneByOrFail(RectificationItem, { id: row.id });
      return this.items.present(ctx, campaign, now, [fresh])[0] as RectificationItem;
    });
  }

  /**
   * Applies every request in order (an item may appear more than once; each
   * event sees the result of the previous one), or nothing: when any row is
   * refused, `BATCH_REJECTED` lists every bad row with its field and reason.
   * `campaignId`, when given, confines the batch to that campaign.
   */
  async applyBatch(
    ctx: RequestContext,
    requests: readonly BatchRequest[],
    campaignId: number | null,
  ): Promise<RectificationBatchResult> {
    return this.transactions.run(async (manager) => {
      const problems: RowProblem[] = [];
      const ids = requests.map((request) => {
        try {
          return checkId(request.itemId, request.idPath);
        } catch (error) {
          problems.push(problemOf(request, null, error));
          return null;
        }
      });
      const originals = await this.loadScoped(manager, ctx, [
        ...new Set(ids.filter((id): id is number => id !== null)),
      ]);
      const attachments = await this.evidence.idsByItem(manager, ctx.bureauId, [...originals.keys()]);
      const campaigns = new Map<number, RectificationCampaign>();
      const now = this.campaigns.now();
      const current = new Map<number, RectificationItem>();
      const rows = { history: [], inbox: [] } as {
        history: EffectRows['history'][number][];
        inbox: EffectRows['inbox'][number][];
      };
      for (const [i, request] of requests.entries()) {
        const id = ids[i];
        if (id === null || id === undefined) continue;
        try {
          const item = current.get(id) ?? originals.get(id);
          if (!item || (campaignId !== null && item.campaignId !== campaignId)) {
            const where = campaignId !== null ? `campaign ${campaignId}` : 'your scope';
            throw new PingyiError('NOT_FOUND', `no rectification item with id ${id} in ${where}`, request.idPath);
          }
          let campaign = campaigns.get(item.campaignId);
          if (!campaign) {
            campaign = await this.campaigns.findOrThrow(ctx, item.campaignId);
            campaigns.set(item.campaignId, campaign);
          }
          const step = this.plan(ctx, campaign, now, item, request.event(), attachments, request.path);
          current.set(id, step.next);
          const effects = effectRows(ctx, step.next, step.effects);
          rows.history.push(...effects.history);
          rows.inbox.push(...effects.inbox);
        } catch (error) {
          problems.push(problemOf(request, id, error));
        }
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.row - b.row);
        const refused = new Set(problems.map((p) => p.row)).size;
        throw new PingyiError(
          'BATCH_REJECTED',
          `${refused} of ${requests.length} rows refused; nothing was changed`,
          undefined,
          { rows: problems },
        );
      }
      await this.write(manager, ctx, originals, current, rows);
      const changed = [...current.keys()];
      const fresh = await manager.find(RectificationItem, {
        where: { id: In(changed.slice(0, MAX_RETURNED)) },
        order: { id: 'ASC' },
      });
      const presented = fresh.map(
        (row) =>
          this.items.present(ctx, campaigns.get(row.campaignId) as RectificationCampaign, now, [
            row,
          ])[0] as RectificationItem,
      );
      return { applied: requests.length, itemCount: changed.length, items: presented };
    });
  }

  /** Plans one event on `item` (nothing is written): gate, domain transition, stray fields, evidence. */
  private plan(
    ctx: RequestContext,
    campaign: RectificationCampaign,
    now: Date,
    item: RectificationItem,
    event: RectificationEvent,
    attachments: ReadonlyMap<number, ReadonlySet<string>>,
    path: string,
  ): Step {
    const row = transitionFor(event.type);
    if (row) this.campaigns.assertOpen(campaign, row.action, now);
    const role = actingRole(ctx, row?.roles ?? []);
    const outcome = transitionRectification(toDomainItem(item), event, {
      role,
      actorUnitCode: actorUnitOf(ctx),
      now,
      timeZone: campaign.timeZone,
    });
    assertNoStrayFields(event, path);
    const evidence = (event as { evidence?: readonly string[] }).evidence ?? [];
    const own = attachments.get(item.id) ?? new Set<string>();
    evidence.forEach((ref, i) => {
      if (!own.has(ref))
        throw new PingyiError(
          'INVALID_ARGUMENT',
          `attachment ${ref} is not an attachment of item ${item.id}; upload it first`,
          `${path}.evidence[${i}]`,
        );
    });
    const changes = changesFrom(outcome.item);
    const schedule = scheduleChanges(
      item,
      event.type,
      outcome.effects,
      this.campaigns.today(campaign, now),
      changes.supervised ? changes.reportingIntervalDays : null,
    );
    const next = Object.assign(new RectificationItem(), item, changes, schedule);
    return { next, effects: outcome.effects };
  }

  /** Writes each item once (its final state), checking it was not changed meanwhile, then the effect rows. */
  private async write(
    manager: EntityManager,
    ctx: RequestContext,
    originals: ReadonlyMap<number, RectificationItem>,
    finals: ReadonlyMap<number, RectificationItem>,
    rows: EffectRows,
  ): Promise<void> {
    for (const [id, next] of finals) {
      const before = originals.get(id) as RectificationItem;
      const result = await manager
        .createQueryBuilder()
        .update(RectificationItem)
        .set({
          ...changesFrom(toDomainItem(next)),
          lookBackDue: next.lookBackDue,
          supervisionReportDue: next.supervisionReportDue,
          version: before.version + 1,
        })
        .where('id = :id AND bureau_id = :bureauId AND version = :version', {
          id,
          bureauId: ctx.bureauId,
          version: before.version,
        })
        .execute();
      if (result.affected !== 1) {
        throw new PingyiError(
          'CONFLICT',
          `rectification item ${id} was changed by someone else meanwhile; reload it and try again`,
          'id',
        );
      }
    }
    await insertEffectRows(manager, rows);
  }

  private async loadScoped(
    manager: EntityManager,
    ctx: RequestContext,
    ids: number[],
  ): Promise<Map<number, RectificationItem>> {
    const scope = unitScopeOf(ctx, BUREAU_WIDE_READERS);
    const found = new Map<number, RectificationItem>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await manager.find(RectificationItem, {
        where: { id: In(ids.slice(i, i + CHUNK)), bureauId: ctx.bureauId, ...(scope ? { unitCode: scope } : {}) },
      });
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }
}

/** A refused row for the report: the code, the refusal reason, the field at fault. */
function problemOf(request: BatchRequest, itemId: number | null, error: unknown): RowProblem {
  if (!isPingyiError(error)) throw error;
  const detailField = typeof error.details?.field === 'string' ? error.details.field : null;
  const pathField = error.path?.startsWith(`${request.path}.`)
    ? error.path.slice(request.path.length + 1)
    : error.path?.startsWith('event.')
      ? error.path.slice(6)
      : null;
  const field = detailField ?? (error.path === request.idPath ? 'id' : pathField);
  return {
    row: request.row,
    itemId: itemId === null ? null : String(itemId),
    // the domain names the event's type field `type`; callers call it event
    field: field === 'type' ? 'event' : field,
    errorCode: error.code,
    reason: error.code === 'TRANSITION_REFUSED' ? ((error.details?.reason as RowProblem['reason']) ?? null) : null,
    message: error.message,
    ...sentenceOf(error.details),
  };
}
