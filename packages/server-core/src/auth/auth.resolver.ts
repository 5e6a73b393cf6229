import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { RequestContext } from '../common/request-context';
import { Authenticated, Public } from '../common/roles';
import { AuthService } from './auth.service';
import { ChangePasswordResult, LoginResult, LogoutSuccess } from './dto/login.dto';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => LoginResult.union, { description: 'Sign in; send the token after as Authorization: Bearer TOKEN' })
  @Allow(Public)
  login(
    @Ctx() ctx: RequestContext,
    @Args('username', { type: () => String }) username: string,
    @Args('password', { type: () => String }) password: string,
  ) {
    return LoginResult.run(() => this.auth.login(ctx, username, password));
  }

  @Mutation(() => LogoutSuccess, { description: 'Revokes the token of this request' })
  @Allow(Authenticated)
  async logout(@Ctx() ctx: RequestContext): Promise<LogoutSuccess> {
    await this.auth.logout(ctx);
    return { loggedOut: true };
  }

  @Mutation(() => ChangePasswordResult.union, { description: 'Revokes every token of the user and returns a new one' })
  @Allow(Authenticated)
  changePassword(
    @Ctx() ctx: RequestContext,
    @Args('currentPassword', { type: () => String }) currentPassword: string,
    @Args('newPassword', { type: () => String }) newPassword: string,
  ) {
    return ChangePasswordResult.run(() => this.auth.changePassword(ctx, currentPassword, newPassword));
  }

  @Query(() => User, { description: 'The signed-in user' })
  @Allow(Authenticated)
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.auth.me(ctx);
  }
}
