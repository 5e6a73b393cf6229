import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { BulletinService } from './bulletin.service';
import {
  BulletinInput,
  BulletinList,
  BulletinListFilter,
  BulletinResult,
  DeleteBulletinResult,
} from './dto/bulletin.dto';

/** Bulletins (工作信息): written and sent by the office; sent ones are read by every role. */
@Resolver()
export class BulletinResolver {
  constructor(private readonly bulletinService: BulletinService) {}

  @Query(() => BulletinList, { description: 'Bulletins of a campaign; drafts only for the office and admins' })
  @Allow(Role.admin, Role.office, Role.liaison, Role.inspector, Role.leader)
  bulletins(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => BulletinListFilter, nullable: true }) filter?: BulletinListFilter,
  ): Promise<BulletinList> {
    return this.bulletinService.list(ctx, campaignId, options, filter);
  }

  @Mutation(() => BulletinResult.union, { description: 'Drafts a bulletin' })
  @Allow(Role.admin, Role.office)
  createBulletin(
    @Ctx() ctx: RequestContext,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('input', { type: () => BulletinInput }) input: BulletinInput,
  ) {
    return BulletinResult.run(() => this.bulletinService.create(ctx, campaignId, input));
  }

  @Mutation(() => BulletinResult.union, { description: 'Changes a draft' })
  @Allow(Role.admin, Role.office)
  updateBulletin(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => BulletinInput }) input: BulletinInput,
  ) {
    return BulletinResult.run(() => this.bulletinService.update(ctx, id, input));
  }

  @Mutation(() => BulletinResult.union, {
    description: 'Sends a draft to the city appraisal office (in any phase of the campaign)',
  })
  @Allow(Role.admin, Role.office)
  sendBulletin(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return BulletinResult.run(() => this.bulletinService.send(ctx, id));
  }

  @Mutation(() => DeleteBulletinResult.union, { description: 'Deletes a draft' })
  @Allow(Role.admin, Role.office)
  deleteBulletin(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return DeleteBulletinResult.run(async () => ({ id: String(await this.bulletinService.delete(ctx, id)) }));
  }
}
