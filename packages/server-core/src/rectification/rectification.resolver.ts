import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isPingyiError, type RectificationEventType } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { type Role } from '../common/roles';
import {
  BulkRectificationChange,
  RectificationBatchResult,
  RectificationEventPayload,
} from './dto/rectification-event.dto';
import { RectificationDashboard, RectificationRateReport } from './dto/rectification-dashboard.dto';
import {
  OpenRectificationItemInput,
  RectificationItemDetail,
  RectificationItemFilter,
  RectificationItemList,
} from './dto/rectification-item.dto';
import { ALL_RECTIFICATION_ROLES, BATCH_ROLES, OPENING_ROLES } from './rectification-access';
import { RectificationDashboardService } from './rectification-dashboard.service';
import { RectificationEventTypeEnum } from './rectification-enums';
import { RectificationImportService } from './rectification-import.service';
import { AlreadyMergedError } from '../opinion-review/opinion-review.errors';
import { RectificationItem } from './rectification-item.entity';
import { RectificationItemService } from './rectification-item.service';
import { RectificationLedgerService } from './rectification-ledger.service';
import { RectificationTransitionService } from './rectification-transition.service';
import {
  BatchRejectedError,
  ConflictError,
  AlreadyOpenedError,
  InvalidRectificationItemError,
  PhaseClosedError,
  TransitionRefusedError,
  UnknownUnitError,
} from './rectification.errors';
import { defineResultUnion, NotFoundError } from '../common/error-result';

const OpenResult = defineResultUnion('OpenRectificationItemResult', RectificationItem, [
  TransitionRefusedError,
  AlreadyOpenedError,
  PhaseClosedError,
  UnknownUnitError,
  InvalidRectificationItemError,
  AlreadyMergedError,
  NotFoundError,
]);
const FireResult = defineResultUnion('FireRectificationEventResult', RectificationItem, [
  TransitionRefusedError,
  PhaseClosedError,
  ConflictError,
  NotFoundError,
]);
const BulkResult = defineResultUnion('BulkRectificationUpdateResult', RectificationBatchResult, [
  BatchRejectedError,
  ConflictError,
  NotFoundError,
]);
const ImportResult = defineResultUnion('ImportRectificationUpdatesResult', RectificationBatchResult, [
  BatchRejectedError,
  ConflictError,
  NotFoundError,
]);

/**
 * Rectification items over GraphQL. Every role reads (a liaison only their
 * unit's items) and may send events: who may send which event is the
 * lifecycle table's answer, returned as `TransitionRefusedError.reason`.
 * Opening items is for the domain's OPEN_ITEM_ROLES; batches are not for
 * leaders, whose only events (supervision) go one item at a time.
 */
@Resolver(() => RectificationItem)
@Allow(...ALL_RECTIFICATION_ROLES)
export class RectificationResolver {
  constructor(
    private readonly items: RectificationItemService,
    private readonly transitions: RectificationTransitionService,
    private readonly imports: RectificationImportService,
    private readonly dashboards: RectificationDashboardService,
    private readonly ledger: RectificationLedgerService,
  ) {}

  @Query(() => RectificationItemList, {
    description: "Items of a campaign (a liaison: their unit's), filtered and paged",
  })
  rectificationItems(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => RectificationItemFilter, nullable: true }) filter?: RectificationItemFilter,
  ): Promise<RectificationItemList> {
    return this.items.list(ctx, campaignId, options, filter);
  }

  @Query(() => RectificationItemDetail, {
    nullable: true,
    description: 'One item with history, updates, attachments, sub-items; null when you may not see it',
  })
  async rectificationItem(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<RectificationItemDetail | null> {
    return this.items.detail(ctx, id).catch((error: unknown) => {
      if (isPingyiError(error, 'NOT_FOUND')) return null;
      throw error;
    });
  }

  @Query(() => RectificationRateReport, {
    description: '整改率: accepted ÷ top-level items (dismissed left out), overall and per unit',
  })
  rectificationRate(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<RectificationRateReport> {
    return this.dashboards.rate(ctx, campaignId);
  }

  @Query(() => RectificationDashboard, {
    description: 'Rate, overdue, due soon, supervised and look-backs due, per unit (SQL aggregates)',
  })
  rectificationDashboard(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<RectificationDashboard> {
    return this.dashboards.dashboard(ctx, campaignId);
  }

  @Query(() => String, {
    description:
      'The rectification ledger (整改台账) as CSV text; GET /rectification-ledger/ID?format=xlsx gives the workbook',
  })
  rectificationLedgerCsv(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<string> {
    return this.ledger.csv(ctx, campaignId);
  }

  @Mutation(() => OpenResult.union, {
    description: '立项: opens an item in state identified (office, admin, inspector)',
  })
  @Allow(...(OPENING_ROLES as [Role, ...Role[]]))
  openRectificationItem(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => OpenRectificationItemInput }) input: OpenRectificationItemInput,
  ) {
    return OpenResult.run(() => this.items.open(ctx, input));
  }

  @Mutation(() => FireResult.union, { description: 'Sends one lifecycle event; a refusal says why' })
  fireRectificationEvent(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('event', { type: () => RectificationEventTypeEnum }) event: RectificationEventType,
    @Args('payload', { type: () => RectificationEventPayload, nullable: true }) payload?: RectificationEventPayload,
  ) {
    return FireResult.run(() => this.transitions.fire(ctx, id, event, payload as Record<string, unknown> | undefined));
  }

  @Mutation(() => BulkResult.union, {
    description: 'The same event for up to 1,000 items: all applied, or none and every refusal listed',
  })
  @Allow(...BATCH_ROLES)
  bulkRectificationUpdate(
    @Ctx() ctx: RequestContext,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Args('change', { type: () => BulkRectificationChange }) change: BulkRectificationChange,
  ) {
    return BulkResult.run(() => this.imports.bulk(ctx, ids, change));
  }

  @Mutation(() => ImportResult.union, {
    description: 'CSV id,event,<payload columns>: every line applied, or none and every bad line listed',
  })
  @Allow(...BATCH_ROLES)
  importRectificationUpdates(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('csv', { type: () => String }) csv: string,
  ) {
    return ImportResult.run(() => this.imports.importCsv(ctx, campaignId, csv));
  }
}
