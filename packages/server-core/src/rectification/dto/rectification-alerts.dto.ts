import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RectificationItem } from '../rectification-item.entity';

/** Why an item is in someone's inbox today. */
export const INBOX_ALERT_KINDS = ['overdue', 'dueSoon', 'supervised', 'lookBackDue', 'supervisionReportDue'] as const;
export type InboxAlertKind = (typeof INBOX_ALERT_KINDS)[number];
export const InboxAlertKindEnum = Object.fromEntries(INBOX_ALERT_KINDS.map((k) => [k, k])) as Record<
  InboxAlertKind,
  InboxAlertKind
>;
registerEnumType(InboxAlertKindEnum, {
  name: 'InboxAlertKind',
  description: 'overdue, dueSoon (within 3 days), supervised (挂牌督办), lookBackDue (回头看), supervisionReportDue',
});

@ObjectType('InboxAlert')
export class InboxAlert {
  @Field(() => [InboxAlertKindEnum])
  kinds: InboxAlertKind[];

  @Field(() => RectificationItem)
  item: RectificationItem;
}

/** A campaign's alerts for the caller: counts of each kind and the most urgent items. */
@ObjectType('InboxCampaignAlerts')
export class InboxCampaignAlerts {
  @Field(() => ID)
  campaignId: number;

  @Field(() => String)
  campaignName: string;

  @Field(() => String, { description: "Today in the campaign's time zone" })
  today: string;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int)
  dueSoon: number;

  @Field(() => Int)
  supervised: number;

  @Field(() => Int)
  lookBacksDue: number;

  @Field(() => Int)
  supervisionReportsDue: number;

  @Field(() => [InboxAlert], { description: 'Up to 50 items, earliest deadline first, of the kinds your role acts on' })
  items: InboxAlert[];
}
