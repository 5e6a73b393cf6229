import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { Inbox, MarkInboxReadResult } from './dto/inbox.dto';
import { InboxService } from './inbox.service';

@Resolver()
@Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
export class InboxResolver {
  constructor(private readonly inboxes: InboxService) {}

  @Query(() => Inbox, { description: 'Your notifications and what needs acting on today' })
  inbox(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
  ): Promise<Inbox> {
    return this.inboxes.inbox(ctx, options, unreadOnly ?? false);
  }

  @Mutation(() => MarkInboxReadResult.union, { description: 'Marks your notifications read' })
  markInboxRead(@Ctx() ctx: RequestContext, @Args('ids', { type: () => [ID] }) ids: string[]) {
    return MarkInboxReadResult.run(async () => ({ marked: await this.inboxes.markRead(ctx, ids) }));
  }
}
