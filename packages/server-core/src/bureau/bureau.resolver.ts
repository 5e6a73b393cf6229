import { Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Authenticated, Role } from '../common/roles';
import { Bureau } from './bureau.entity';
import { BureauService } from './bureau.service';

@Resolver(() => Bureau)
export class BureauResolver {
  constructor(private readonly bureauService: BureauService) {}

  @Query(() => Bureau, { description: 'The bureau of the signed-in user' })
  @Allow(Authenticated)
  currentBureau(@Ctx() ctx: RequestContext): Promise<Bureau> {
    return this.bureauService.findCurrentOrThrow(ctx);
  }

  @Query(() => [Bureau], { description: 'Every bureau of this deployment (admins of the host bureau)' })
  @Allow(Role.admin)
  bureaus(@Ctx() ctx: RequestContext): Promise<Bureau[]> {
    return this.bureauService.listAll(ctx);
  }
}
