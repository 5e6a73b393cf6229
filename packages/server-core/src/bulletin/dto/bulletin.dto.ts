import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { defineErrorResult, defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { PhaseClosedError } from '../../campaign/campaign.errors';
import { Bulletin, BulletinStatus } from '../bulletin.entity';

export const AlreadySentError = defineErrorResult(
  'ALREADY_SENT',
  'AlreadySentError',
  'The bulletin was sent; a sent bulletin is not changed',
);

@InputType()
export class BulletinInput {
  @Field(() => String)
  title: string;

  @Field(() => String)
  body: string;

  @Field(() => String, { nullable: true, description: 'Default 市评议办公室' })
  recipient?: string | null;
}

@InputType()
export class BulletinListFilter {
  @Field(() => BulletinStatus, { nullable: true })
  status?: BulletinStatus | null;
}

@ObjectType()
export class BulletinList extends PaginatedList(Bulletin) {}

@ObjectType()
export class DeleteBulletinSuccess {
  @Field(() => ID)
  id: string;
}

export const BulletinResult = defineResultUnion('BulletinResult', Bulletin, [
  NotFoundError,
  AlreadySentError,
  PhaseClosedError,
]);
export const DeleteBulletinResult = defineResultUnion('DeleteBulletinResult', DeleteBulletinSuccess, [
  NotFoundError,
  AlreadySentError,
]);
