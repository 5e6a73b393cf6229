import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { InUseError, InvalidProgressError, PhaseClosedError, UnknownUnitError } from '../../campaign/campaign.errors';
import { Theme } from '../theme.entity';
import { WorkItem } from '../work-item.entity';
import { WorkItemUpdate } from '../work-item-update.entity';

@InputType({ description: 'A theme; the list given to setThemes is the whole list' })
export class ThemeInput {
  @Field(() => String)
  code: string;

  @Field(() => Int)
  number: number;

  @Field(() => String, { description: 'May be empty only when sourceGaps lists "title"' })
  title: string;

  @Field(() => [String], { nullable: true })
  sourceGaps?: string[] | null;
}

@InputType()
export class WorkItemInput {
  @Field(() => String)
  themeCode: string;

  @Field(() => Int)
  number: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { description: 'May be empty for an elided item' })
  text: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  elided?: boolean | null;

  @Field(() => [String], { nullable: true })
  sourceGaps?: string[] | null;

  @Field(() => [String], { description: 'Unit codes of the 牵头单位, in the order printed' })
  leadUnitCodes: string[];
}

@InputType({ description: 'A progress report' })
export class ReportProgressInput {
  @Field(() => Int, { description: 'Percent 0-100' })
  progress: number;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, default today (campaign time zone); never in the future',
  })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when progress goes down' })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reporting lead unit; a liaison always reports for their own',
  })
  unitCode?: string | null;
}

@InputType()
export class WorkItemListFilter {
  @Field(() => String, { nullable: true })
  themeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Items this unit leads' })
  leadUnitCode?: string | null;

  @Field(() => Int, { nullable: true })
  minProgress?: number | null;

  @Field(() => Int, { nullable: true })
  maxProgress?: number | null;

  @Field(() => Boolean, { nullable: true })
  elided?: boolean | null;
}

@ObjectType()
export class WorkItemList extends PaginatedList(WorkItem) {}

@ObjectType()
export class ThemeList {
  @Field(() => [Theme])
  items: Theme[];
}

@ObjectType({ description: 'Counts over work items (elided items count: the task exists)' })
export class WorkItemSummary {
  @Field(() => String, { nullable: true, description: 'The lead unit, or null for all items' })
  unitCode: string | null;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  completed: number;

  @Field(() => Int)
  inProgress: number;

  @Field(() => Int)
  notStarted: number;

  @Field(() => Float, { nullable: true })
  meanProgress: number | null;
}

@ObjectType()
export class WorkPlanSummary {
  @Field(() => WorkItemSummary)
  overall: WorkItemSummary;

  @Field(() => [WorkItemSummary], { description: 'Per lead unit; an item with two lead units counts for both' })
  byLeadUnit: WorkItemSummary[];
}

@ObjectType()
export class DeleteWorkItemSuccess {
  @Field(() => ID)
  id: string;
}

export const SetThemesResult = defineResultUnion('SetThemesResult', ThemeList, [NotFoundError, InUseError]);
export const WorkItemResult = defineResultUnion('WorkItemResult', WorkItem, [NotFoundError, UnknownUnitError]);
export const DeleteWorkItemResult = defineResultUnion('DeleteWorkItemResult', DeleteWorkItemSuccess, [
  NotFoundError,
  InUseError,
]);
export const ReportProgressResult = defineResultUnion('ReportProgressResult', WorkItemUpdate, [
  NotFoundError,
  PhaseClosedError,
  InvalidProgressError,
]);
