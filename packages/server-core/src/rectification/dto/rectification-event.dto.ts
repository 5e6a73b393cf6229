import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { RectificationEventTypeEnum } from '../rectification-enums';
import { RectificationItem } from '../rectification-item.entity';
import { type RectificationEventType } from '@pingyi/domain';

/**
 * The payload of an event: each event reads the fields its row of the
 * lifecycle table requires or allows (`requires`/`optional`); others are refused.
 */
@InputType()
export class RectificationEventPayload {
  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'proposePlan: the plan (整改方案)' })
  plan?: string | null;

  @Field(() => String, { nullable: true, description: 'proposePlan: the person answerable (定人)' })
  owner?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Local date YYYY-MM-DD, not before today in the bureau's time zone",
  })
  deadline?: string | null;

  @Field(() => String, { nullable: true, description: 'reportFixed: the response to the public (回应)' })
  publicResponse?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Attachment ids of this item' })
  evidence?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'reportProgress: percent 0-100' })
  progress?: number | null;

  @Field(() => String, { nullable: true, description: 'accept: when the look-back (回头看) is due' })
  lookBackDue?: string | null;

  @Field(() => String, { nullable: true, description: 'placeUnderSupervision: the supervising leader' })
  supervisingLeader?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'placeUnderSupervision: report at least every this many days (1-365)',
  })
  reportingIntervalDays?: number | null;
}

/** The same event sent to many items at once (bulk state or deadline change). */
@InputType()
export class BulkRectificationChange {
  @Field(() => RectificationEventTypeEnum)
  event: RectificationEventType;

  @Field(() => RectificationEventPayload, { nullable: true })
  payload?: RectificationEventPayload | null;
}

/** A bulk update or import that went through: every row applied. */
@ObjectType('RectificationBatchResult')
export class RectificationBatchResult {
  @Field(() => Int, { description: 'Events applied (rows)' })
  applied: number;

  @Field(() => [RectificationItem], { description: 'The items changed, as they are now (at most 100)' })
  items: RectificationItem[];

  @Field(() => Int, { description: 'Distinct items changed' })
  itemCount: number;
}
