import { Field, ObjectType } from '@nestjs/graphql';
import { defineResultUnion } from '../../common/error-result';
import { InvalidCredentialsError, TooManyAttemptsError } from '../auth.errors';
import { User } from '../user.entity';

@ObjectType({ description: 'Signed in: send the token as `Authorization: Bearer TOKEN`' })
export class LoginSuccess {
  @Field(() => String)
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

export const LoginResult = defineResultUnion('LoginResult', LoginSuccess, [
  InvalidCredentialsError,
  TooManyAttemptsError,
]);

@ObjectType({ description: 'Password changed: every earlier token is revoked; use this new one' })
export class ChangePasswordSuccess {
  @Field(() => String)
  token: string;

  @Field(() => Date)
  expiresAt: Date;
}

export const ChangePasswordResult = defineResultUnion('ChangePasswordResult', ChangePasswordSuccess, [
  InvalidCredentialsError,
]);

@ObjectType()
export class LogoutSuccess {
  @Field(() => Boolean)
  loggedOut: boolean;
}
