import { isPingyiError } from '@pingyi/domain';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Bureau } from '../bureau/bureau.entity';
import { Allow } from '../common/allow.decorator';
import { Ctx } from '../common/ctx.decorator';
import { defineResultUnion } from '../common/error-result';
import { ListOptions } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { Role } from '../common/roles';
import { BureauCodeTakenError, UsernameTakenError } from './auth.errors';
import { BureauSetupService } from './bureau-setup.service';
import {
  CreateBureauInput,
  CreateUserInput,
  CreateUserResult,
  ResetPasswordResult,
  UpdateUserInput,
  UpdateUserResult,
  UserList,
  UserListFilter,
} from './dto/user.dto';
import { User } from './user.entity';
import { UserService } from './user.service';

const CreateBureauResult = defineResultUnion('CreateBureauResult', Bureau, [BureauCodeTakenError, UsernameTakenError]);

/** User management for admins, inside their own bureau; bureau creation for host admins. */
@Resolver(() => User)
@Allow(Role.admin)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly setup: BureauSetupService,
  ) {}

  @Query(() => UserList)
  users(
    @Ctx() ctx: RequestContext,
    @Args('options', { type: () => ListOptions, nullable: true }) options?: ListOptions,
    @Args('filter', { type: () => UserListFilter, nullable: true }) filter?: UserListFilter,
  ): Promise<UserList> {
    return this.userService.list(ctx, options, filter);
  }

  @Query(() => User, { nullable: true, description: 'A user of your bureau, or null' })
  async user(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<User | null> {
    return this.userService.findOrThrow(ctx, id).catch((error: unknown) => {
      if (isPingyiError(error, 'NOT_FOUND')) return null;
      throw error;
    });
  }

  @Mutation(() => CreateUserResult.union)
  createUser(@Ctx() ctx: RequestContext, @Args('input', { type: () => CreateUserInput }) input: CreateUserInput) {
    return CreateUserResult.run(() => this.userService.create(ctx, input));
  }

  @Mutation(() => UpdateUserResult.union)
  updateUser(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateUserInput }) input: UpdateUserInput,
  ) {
    return UpdateUserResult.run(() => this.userService.update(ctx, id, input));
  }

  @Mutation(() => UpdateUserResult.union, { description: 'Deactivating signs the user out everywhere' })
  setUserActive(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('active', { type: () => Boolean }) active: boolean,
  ) {
    return UpdateUserResult.run(() => this.userService.setActive(ctx, id, active));
  }

  @Mutation(() => ResetPasswordResult.union, { description: 'Sets a new password and signs the user out everywhere' })
  resetUserPassword(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('password', { type: () => String }) password: string,
  ) {
    return ResetPasswordResult.run(() => this.userService.resetPassword(ctx, id, password));
  }

  @Mutation(() => CreateBureauResult.union, {
    description: 'Adds a bureau and its first admin (admins of the host bureau)',
  })
  createBureau(@Ctx() ctx: RequestContext, @Args('input', { type: () => CreateBureauInput }) input: CreateBureauInput) {
    return CreateBureauResult.run(() => this.setup.createBureau(ctx, input));
  }
}
