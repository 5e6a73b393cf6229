import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { Role } from '../../common/roles';
import { SelfLockoutError, UsernameTakenError } from '../auth.errors';
import { User } from '../user.entity';

@InputType()
export class CreateUserInput {
  @Field(() => String, { description: '3-64 characters: letters, digits, ".", "_", "-"; stored lower-case' })
  username: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { description: 'At least 8 characters' })
  password: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => String, { nullable: true, description: 'Required for a liaison: the unit code they act for' })
  unitCode?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => [Role], { nullable: true })
  roles?: Role[] | null;

  @Field(() => String, { nullable: true })
  unitCode?: string | null;
}

@InputType()
export class UserListFilter {
  @Field(() => String, { nullable: true, description: 'Part of the username or display name' })
  search?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ObjectType()
export class UserList extends PaginatedList(User) {}

export const CreateUserResult = defineResultUnion('CreateUserResult', User, [UsernameTakenError]);
export const UpdateUserResult = defineResultUnion('UpdateUserResult', User, [NotFoundError, SelfLockoutError]);
export const ResetPasswordResult = defineResultUnion('ResetPasswordResult', User, [NotFoundError]);

@InputType()
export class CreateBureauInput {
  @Field(() => String)
  code: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: "The username of the new bureau's first admin" })
  adminUsername: string;

  @Field(() => String)
  adminPassword: string;
}
