import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { AppraisalOfficeMember } from './appraisal-office-member.entity';
import {
  AppraisalOfficeMemberInput,
  FileUnitPlanInput,
  FileUnitPlanResult,
  LeadingGroupInput,
  SetAppraisalOfficeResult,
  SetLeadingGroupResult,
  SetUnitsResult,
  UnitInput,
} from './dto/organization.dto';
import { LeadingGroupMember } from './leading-group-member.entity';
import { OrganizationService } from './organization.service';
import { Unit } from './unit.entity';
import { UnitPlan } from './unit-plan.entity';
import { UnitPlanService } from './unit-plan.service';

/** The organization of a campaign: readable by every role of the bureau, edited by the office and admins. */
@Resolver()
export class OrganizationResolver {
  constructor(
    private readonly organization: OrganizationService,
    private readonly unitPlanService: UnitPlanService,
  ) {}

  @Query(() => [Unit], { description: 'The unit tree of a campaign, in order' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  units(@Ctx() ctx: RequestContext, @Args('campaignId', { type: () => ID }) campaignId: string): Promise<Unit[]> {
    return this.organization.listUnits(ctx, campaignId);
  }

  @Query(() => [Unit], {
    description:
      "The bureau's units over all its campaigns, one per code, named as in the latest campaign: what a liaison's unit may be",
  })
  @Allow(Role.admin, Role.office)
  bureauUnits(@Ctx() ctx: RequestContext): Promise<Unit[]> {
    return this.organization.bureauUnits(ctx);
  }

  @Mutation(() => SetUnitsResult.union, {
    description: 'Replaces the unit tree; units still named by ratings, plans or work items stay',
  })
  @Allow(Role.admin, Role.office)
  setUnits(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('units', { type: () => [UnitInput] }) units: UnitInput[],
  ) {
    return SetUnitsResult.run(async () => ({ items: await this.organization.setUnits(ctx, campaignId, units) }));
  }

  @Query(() => [LeadingGroupMember], { description: 'The leading group (领导小组): 组长, 副组长, 成员' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  leadingGroup(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<LeadingGroupMember[]> {
    return this.organization.leadingGroup(ctx, campaignId);
  }

  @Mutation(() => SetLeadingGroupResult.union)
  @Allow(Role.admin, Role.office)
  setLeadingGroup(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('input', { type: () => LeadingGroupInput }) input: LeadingGroupInput,
  ) {
    return SetLeadingGroupResult.run(async () => ({
      seats: await this.organization.setLeadingGroup(ctx, campaignId, input),
    }));
  }

  @Query(() => [AppraisalOfficeMember], { description: 'The appraisal office (评议办公室)' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  appraisalOffice(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<AppraisalOfficeMember[]> {
    return this.organization.appraisalOffice(ctx, campaignId);
  }

  @Mutation(() => SetAppraisalOfficeResult.union)
  @Allow(Role.admin, Role.office)
  setAppraisalOffice(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('members', { type: () => [AppraisalOfficeMemberInput] }) members: AppraisalOfficeMemberInput[],
  ) {
    return SetAppraisalOfficeResult.run(async () => {
      const saved = await this.organization.setAppraisalOffice(ctx, campaignId, members);
      return { members: saved, size: saved.length };
    });
  }

  @Query(() => [UnitPlan], { description: "Units' own plans (单位工作方案); a liaison sees their unit's only" })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  unitPlans(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<UnitPlan[]> {
    return this.unitPlanService.list(ctx, campaignId);
  }

  @Mutation(() => FileUnitPlanResult.union, {
    description: "Files a unit's plan (mobilization only); a liaison for their own unit",
  })
  @Allow(Role.admin, Role.office, Role.liaison)
  fileUnitPlan(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('input', { type: () => FileUnitPlanInput }) input: FileUnitPlanInput,
  ) {
    return FileUnitPlanResult.run(() => this.unitPlanService.file(ctx, campaignId, input));
  }
}
