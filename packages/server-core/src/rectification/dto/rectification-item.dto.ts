import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { type RectificationState } from '@pingyi/domain';
import { PaginatedList } from '../../common/pagination';
import {
  type RectificationSourceType,
  RectificationSourceTypeEnum,
  RectificationStateEnum,
} from '../rectification-enums';
import { RectificationHistoryEntry } from '../rectification-history.entity';
import { RectificationItem } from '../rectification-item.entity';
import { RectificationSourceLink } from '../rectification-source.entity';

@InputType()
export class RectificationSourceInput {
  @Field(() => RectificationSourceTypeEnum)
  type: RectificationSourceType;

  @Field(() => String, {
    nullable: true,
    description: 'The opinion or finding id; a reference for city feedback; none for a gap check',
  })
  id?: string | null;
}

/** 立项: a new item, in state identified. */
@InputType()
export class OpenRectificationItemInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String, { description: 'The responsible unit code' })
  unitCode: string;

  @Field(() => String, { description: '1-200 characters' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Up to 5,000 characters' })
  description?: string | null;

  @Field(() => [RectificationSourceInput], { nullable: true, description: 'What it came from (up to 50 links)' })
  sources?: RectificationSourceInput[] | null;

  @Field(() => String, { nullable: true, description: 'Where it came from, in words (up to 500 characters)' })
  sourceNote?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Deadline (YYYY-MM-DD, today or later) set when opening; the unit's plan may set another",
  })
  deadline?: string | null;

  @Field(() => ID, { nullable: true, description: 'Makes it a sub-item of this item (same campaign)' })
  parentId?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Weight among its siblings in the roll-up (≥ 0); none counts as 1',
  })
  weight?: number | null;
}

@InputType()
export class RectificationItemFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => RectificationStateEnum, { nullable: true })
  state?: RectificationState | null;

  @Field(() => Boolean, { nullable: true, description: 'Under listed supervision, or not' })
  supervised?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Overdue today in the campaign's time zone, or not" })
  overdue?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Deadline from today to today + N days, not settled (0-366)' })
  dueWithinDays?: number | null;

  @Field(() => ID, { nullable: true, description: 'Sub-items of this item' })
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only items without a parent' })
  topLevelOnly?: boolean | null;

  @Field(() => RectificationSourceTypeEnum, { nullable: true, description: 'Items with a source link of this type' })
  source?: RectificationSourceType | null;

  @Field(() => String, { nullable: true, description: 'Part of the title' })
  search?: string | null;
}

@ObjectType()
export class RectificationItemList extends PaginatedList(RectificationItem) {}

/** One item with everything around it, for its page in the console. */
@ObjectType('RectificationItemDetail')
export class RectificationItemDetail extends RectificationItem {
  @Field(() => [RectificationHistoryEntry], { description: 'Every step, oldest first' })
  history: RectificationHistoryEntry[];

  @Field(() => [RectificationHistoryEntry], {
    description: 'Progress and fixed reports with their evidence, oldest first',
  })
  updates: RectificationHistoryEntry[];

  @Field(() => [RectificationItem], { description: 'Sub-items the caller may see' })
  subItems: RectificationItem[];

  @Field(() => [RectificationSourceLink])
  sources: RectificationSourceLink[];

  @Field(() => Float, { description: 'Progress 0-100 rolled up from the sub-items (weighted), or its own' })
  rolledUpProgress: number;

  @Field(() => String, { description: "Today in the campaign's time zone" })
  today: string;

  @Field(() => String)
  timeZone: string;
}
