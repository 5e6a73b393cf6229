import { Field, Int, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { InboxEntry } from '../inbox-entry.entity';

@ObjectType()
export class InboxEntryList extends PaginatedList(InboxEntry) {}

@ObjectType('Inbox')
export class Inbox {
  @Field(() => Int, { description: 'Notifications you have not marked read' })
  unread: number;

  @Field(() => InboxEntryList, { description: 'Notifications for you, newest first' })
  notifications: InboxEntryList;

  // `alerts` (what needs acting on today) is resolved by the rectification module (InboxAlertsResolver)
}

@ObjectType('InboxReadMarked')
export class InboxReadMarked {
  @Field(() => Int, { description: 'Notifications newly marked read (already read ones are not counted)' })
  marked: number;
}

export const MarkInboxReadResult = defineResultUnion('MarkInboxReadResult', InboxReadMarked, [NotFoundError]);
