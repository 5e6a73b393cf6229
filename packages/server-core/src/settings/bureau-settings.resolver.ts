import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { BureauSettings, BureauSettingsInput, UpdateBureauSettingsResult } from './bureau-settings.dto';
import { BureauSettingsService } from './bureau-settings.service';

/** The caller's bureau settings: read and set by its admins and office. */
@Resolver(() => BureauSettings)
export class BureauSettingsResolver {
  constructor(private readonly settings: BureauSettingsService) {}

  @Query(() => BureauSettings, { description: 'Settings of your bureau (the public address)' })
  @Allow(Role.admin, Role.office)
  bureauSettings(@Ctx() ctx: RequestContext): Promise<BureauSettings> {
    return this.settings.get(ctx.bureauId);
  }

  @Mutation(() => UpdateBureauSettingsResult.union, { description: "Sets your bureau's settings" })
  @Allow(Role.admin, Role.office)
  updateBureauSettings(
    @Ctx() ctx: RequestContext,
    @Args('input', { type: () => BureauSettingsInput }) input: BureauSettingsInput,
  ) {
    return UpdateBureauSettingsResult.run(() => this.settings.update(ctx, input));
  }
}
