import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import {
  DeleteWorkItemResult,
  ReportProgressInput,
  ReportProgressResult,
  SetThemesResult,
  ThemeInput,
  WorkItemInput,
  WorkItemList,
  WorkItemListFilter,
  WorkItemResult,
  WorkPlanSummary,
} from './dto/work-plan.dto';
import { Theme } from './theme.entity';
import { ThemeService } from './theme.service';
import { WorkItem } from './work-item.entity';
import { WorkItemProgressService } from './work-item-progress.service';
import { WorkItemService } from './work-item.service';
import { WorkItemUpdate } from './work-item-update.entity';

/**
 * The work plan: themes and work items (edited by the office and admins),
 * progress reports (also by a liaison, on the items their unit leads).
 */
@Resolver()
export class WorkPlanResolver {
  constructor(
    private readonly themeService: ThemeService,
    private readonly workItemService: WorkItemService,
    private readonly progress: WorkItemProgressService,
  ) {}

  @Query(() => [Theme])
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  themes(@Ctx() ctx: RequestContext, @Args('campaignId', { type: () => ID }) campaignId: string): Promise<Theme[]> {
    return this.themeService.list(ctx, campaignId);
  }

  @Mutation(() => SetThemesResult.union, { description: 'Replaces the themes; a theme with work items stays' })
  @Allow(Role.admin, Role.office)
  setThemes(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('themes', { type: () => [ThemeInput] }) themes: ThemeInput[],
  ) {
    return SetThemesResult.run(async () => ({ items: await this.themeService.setThemes(ctx, campaignId, themes) }));
  }

  @Query(() => WorkItemList, {
    description: 'Work items with their theme and lead units; a liaison sees the items their unit leads',
  })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  workItems(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => WorkItemListFilter, nullable: true }) filter?: WorkItemListFilter,
  ): Promise<WorkItemList> {
    return this.workItemService.list(ctx, campaignId, options, filter);
  }

  @Query(() => WorkItem)
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  workItem(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WorkItem> {
    return this.workItemService.read(ctx, id);
  }

  @Mutation(() => WorkItemResult.union)
  @Allow(Role.admin, Role.office)
  createWorkItem(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('input', { type: () => WorkItemInput }) input: WorkItemInput,
  ) {
    return WorkItemResult.run(() => this.workItemService.create(ctx, campaignId, input));
  }

  @Mutation(() => WorkItemResult.union)
  @Allow(Role.admin, Role.office)
  updateWorkItem(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => WorkItemInput }) input: WorkItemInput,
  ) {
    return WorkItemResult.run(() => this.workItemService.update(ctx, id, input));
  }

  @Mutation(() => DeleteWorkItemResult.union, { description: 'Only an item without progress reports' })
  @Allow(Role.admin, Role.office)
  deleteWorkItem(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return DeleteWorkItemResult.run(async () => ({ id: String(await this.workItemService.delete(ctx, id)) }));
  }

  @Mutation(() => ReportProgressResult.union, { description: 'A dated progress report (implementation phase only)' })
  @Allow(Role.admin, Role.office, Role.liaison)
  reportWorkItemProgress(
    @Ctx() ctx: RequestContext,
    @Args('workItemId', { type: () => ID }) workItemId: string,
    @Args('input', { type: () => ReportProgressInput }) input: ReportProgressInput,
  ) {
    return ReportProgressResult.run(() => this.progress.report(ctx, workItemId, input));
  }

  @Query(() => [WorkItemUpdate], { description: 'Progress reports on an item, oldest first' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  workItemUpdates(
    @Ctx() ctx: RequestContext,
    @Args('workItemId', { type: () => ID }) workItemId: string,
  ): Promise<WorkItemUpdate[]> {
    return this.progress.history(ctx, workItemId);
  }

  @Query(() => WorkPlanSummary, { description: 'Completed / in progress / not started, overall and per lead unit' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  workPlanSummary(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<WorkPlanSummary> {
    return this.progress.summary(ctx, campaignId);
  }
}
