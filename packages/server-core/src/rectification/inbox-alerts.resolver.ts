import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Inbox } from '../inbox/dto/inbox.dto';
import { InboxCampaignAlerts } from './dto/rectification-alerts.dto';
import { ALL_RECTIFICATION_ROLES } from './rectification-access';
import { RectificationAlertsService } from './rectification-alerts.service';

/** The inbox's `alerts`: what needs acting on today, from the rectification items in the caller's scope. */
@Resolver(() => Inbox)
export class InboxAlertsResolver {
  constructor(private readonly service: RectificationAlertsService) {}

  @Allow(...ALL_RECTIFICATION_ROLES)
  @ResolveField(() => [InboxCampaignAlerts], {
    description: 'What needs acting on, per campaign with items in your scope',
  })
  alerts(@Parent() _inbox: Inbox, @Ctx() ctx: RequestContext): Promise<InboxCampaignAlerts[]> {
    return this.service.alerts(ctx);
  }
}
