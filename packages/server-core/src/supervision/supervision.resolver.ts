import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isPingyiError } from '@pingyi/domain';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import {
  AlreadyOpenedError,
  InvalidRectificationItemError,
  PhaseClosedError,
  TransitionRefusedError,
  UnknownUnitError,
} from '../rectification/rectification.errors';
import { RectificationItem } from '../rectification/rectification-item.entity';
import {
  InspectionFilter,
  InspectionFindingInput,
  InspectionFindingResult,
  InspectionList,
  InspectionResult,
  OpenItemFromFindingInput,
  RecordInspectionInput,
} from './dto/inspection.dto';
import {
  AccountabilityRecordList,
  AccountabilityRecordResult,
  CriticismNoticeList,
  CriticismNoticeResult,
  IssueCriticismNoticeInput,
  RecordAccountabilityInput,
  UnitFilter,
} from './dto/notice.dto';
import {
  CreatePolicyActionInput,
  PolicyActionDetail,
  PolicyActionFilter,
  PolicyActionList,
  PolicyActionResult,
  UpdatePolicyActionInput,
} from './dto/policy-action.dto';
import { Inspection } from './inspection.entity';
import { InspectionService } from './inspection.service';
import { NoticeService } from './notice.service';
import { PolicyActionService } from './policy-action.service';
import { INSPECTION_WRITERS, POLICY_WRITERS, SUPERVISION_AUDIENCE } from './supervision-access';
import { CriticismNotice } from './criticism-notice.entity';
import { defineResultUnion, NotFoundError } from '../common/error-result';

const OpenFromFindingResult = defineResultUnion('OpenItemFromFindingResult', RectificationItem, [
  TransitionRefusedError,
  AlreadyOpenedError,
  PhaseClosedError,
  UnknownUnitError,
  InvalidRectificationItemError,
  NotFoundError,
]);

const nullWhenNotFound = <T>(work: Promise<T>): Promise<T | null> =>
  work.catch((error: unknown) => {
    if (isPingyiError(error, 'NOT_FOUND')) return null;
    throw error;
  });

/**
 * Supervision over GraphQL: 建章立制 (policy actions), 明查暗访 (inspections
 * and findings), 通报批评 (criticism notices) and 责任追究 (accountability).
 * Leaders read only; a liaison reads their own unit's records.
 */
@Resolver()
@Allow(...SUPERVISION_AUDIENCE)
export class SupervisionResolver {
  constructor(
    private readonly policyService: PolicyActionService,
    private readonly inspectionService: InspectionService,
    private readonly noticeService: NoticeService,
  ) {}

  @Query(() => PolicyActionList)
  policyActions(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => PolicyActionFilter, nullable: true }) filter?: PolicyActionFilter,
  ): Promise<PolicyActionList> {
    return this.policyService.list(ctx, campaignId, options, filter);
  }

  @Query(() => PolicyActionDetail, { nullable: true })
  policyAction(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PolicyActionDetail | null> {
    return nullWhenNotFound(this.policyService.detail(ctx, id));
  }

  @Mutation(() => PolicyActionResult.union, { description: '建章立制: drafts a rule (office)' })
  @Allow(...POLICY_WRITERS)
  createPolicyAction(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => CreatePolicyActionInput }) input: CreatePolicyActionInput,
  ) {
    return PolicyActionResult.run(() => this.policyService.create(ctx, input));
  }

  @Mutation(() => PolicyActionResult.union, { description: 'Edits a draft' })
  @Allow(...POLICY_WRITERS)
  updatePolicyAction(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdatePolicyActionInput }) input: UpdatePolicyActionInput,
  ) {
    return PolicyActionResult.run(() => this.policyService.update(ctx, id, input));
  }

  @Mutation(() => PolicyActionResult.union, { description: 'Adopts a draft' })
  @Allow(...POLICY_WRITERS)
  adoptPolicyAction(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return PolicyActionResult.run(() => this.policyService.adopt(ctx, id));
  }

  @Mutation(() => PolicyActionResult.union, { description: 'Withdraws a draft' })
  @Allow(...POLICY_WRITERS)
  withdrawPolicyAction(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ) {
    return PolicyActionResult.run(() => this.policyService.withdraw(ctx, id, reason));
  }

  @Query(() => InspectionList)
  inspections(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => InspectionFilter, nullable: true }) filter?: InspectionFilter,
  ): Promise<InspectionList> {
    return this.inspectionService.list(ctx, campaignId, options, filter);
  }

  @Query(() => Inspection, { nullable: true })
  inspection(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Inspection | null> {
    return nullWhenNotFound(this.inspectionService.detail(ctx, id));
  }

  @Mutation(() => InspectionResult.union, { description: '明查暗访: records an inspection and its findings' })
  @Allow(...INSPECTION_WRITERS)
  recordInspection(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => RecordInspectionInput }) input: RecordInspectionInput,
  ) {
    return InspectionResult.run(() => this.inspectionService.record(ctx, input));
  }

  @Mutation(() => InspectionFindingResult.union)
  @Allow(...INSPECTION_WRITERS)
  addInspectionFinding(
    @Ctx() ctx: RequestContext,
    @Args('inspectionId', { type: () => ID }) inspectionId: string,
    @Args('input', { type: () => InspectionFindingInput }) input: InspectionFindingInput,
  ) {
    return InspectionFindingResult.run(() => this.inspectionService.addFinding(ctx, inspectionId, input));
  }

  @Mutation(() => OpenFromFindingResult.union, {
    description: 'Opens a rectification item from a finding, linked to it',
  })
  @Allow(...INSPECTION_WRITERS)
  openRectificationItemFromFinding(
    @Ctx() ctx: RequestContext,
    @Args('findingId', { type: () => ID }) findingId: string,
    @Args('input', { type: () => OpenItemFromFindingInput, nullable: true }) input?: OpenItemFromFindingInput,
  ) {
    return OpenFromFindingResult.run(() => this.inspectionService.openItemFromFinding(ctx, findingId, input));
  }

  @Query(() => CriticismNoticeList)
  criticismNotices(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => UnitFilter, nullable: true }) filter?: UnitFilter,
  ): Promise<CriticismNoticeList> {
    return this.noticeService.notices(ctx, campaignId, options, filter);
  }

  @Query(() => CriticismNotice, { nullable: true })
  criticismNotice(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CriticismNotice | null> {
    return nullWhenNotFound(this.noticeService.noticeOrThrow(ctx, id));
  }

  @Mutation(() => CriticismNoticeResult.union, { description: '通报批评: issues a criticism notice to a unit' })
  @Allow(...INSPECTION_WRITERS)
  issueCriticismNotice(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => IssueCriticismNoticeInput }) input: IssueCriticismNoticeInput,
  ) {
    return CriticismNoticeResult.run(() => this.noticeService.issue(ctx, input));
  }

  @Query(() => AccountabilityRecordList)
  accountabilityRecords(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => UnitFilter, nullable: true }) filter?: UnitFilter,
  ): Promise<AccountabilityRecordList> {
    return this.noticeService.accountability(ctx, campaignId, options, filter);
  }

  @Mutation(() => AccountabilityRecordResult.union, {
    description: '责任追究: records a measure taken against a person of a unit',
  })
  @Allow(...INSPECTION_WRITERS)
  recordAccountability(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => RecordAccountabilityInput }) input: RecordAccountabilityInput,
  ) {
    return AccountabilityRecordResult.run(() => this.noticeService.recordAccountability(ctx, input));
  }
}
