import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { GroupContactInput, SendGroupReminderResult, SetGroupContactsResult } from './dto/group-contact.dto';
import { EvaluatorGroupContact } from './group-contact.entity';
import { GroupReminder } from './group-reminder.entity';
import { GroupContactsService } from './group-contacts.service';

/** Evaluator groups' contacts and reminders: read by admin, office, leader; written by admin, office. */
@Resolver()
export class GroupContactsResolver {
  constructor(private readonly service: GroupContactsService) {}

  @Query(() => [EvaluatorGroupContact], {
    description: "Contacts of the campaign's evaluator groups (e.g. the 人大 liaison office)",
  })
  @Allow(Role.admin, Role.office, Role.leader)
  evaluatorGroupContacts(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<EvaluatorGroupContact[]> {
    return this.service.contacts(ctx, campaignId);
  }

  @Mutation(() => SetGroupContactsResult.union, {
    description: 'Replaces the contacts of one evaluator group (at most 20)',
  })
  @Allow(Role.admin, Role.office)
  setEvaluatorGroupContacts(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('groupCode', { type: () => String }) groupCode: string,
    @Args('contacts', { type: () => [GroupContactInput] }) contacts: GroupContactInput[],
  ) {
    return SetGroupContactsResult.run(() => this.service.setContacts(ctx, campaignId, groupCode, contacts));
  }

  @Mutation(() => SendGroupReminderResult.union, {
    description: "Reminds a group's contacts of its count against its quota (inbox, notice document, audit log)",
  })
  @Allow(Role.admin, Role.office)
  sendGroupReminder(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('groupCode', { type: () => String }) groupCode: string,
  ) {
    return SendGroupReminderResult.run(() => this.service.sendReminder(ctx, campaignId, groupCode));
  }

  @Query(() => [GroupReminder], { description: 'Reminders sent to evaluator groups, latest first (500 at most)' })
  @Allow(Role.admin, Role.office, Role.leader)
  groupReminders(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
  ): Promise<GroupReminder[]> {
    return this.service.reminders(ctx, campaignId);
  }
}
