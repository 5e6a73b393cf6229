import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { PaginatedList } from '../../common/pagination';
import { PhaseClosedError, UnknownUnitError } from '../../rectification/rectification.errors';
import { AccountabilityRecord } from '../accountability-record.entity';
import { CriticismNotice } from '../criticism-notice.entity';

@InputType()
export class IssueCriticismNoticeInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String)
  unitCode: string;

  @Field(() => String, { description: '1-200 characters' })
  title: string;

  @Field(() => String, { description: 'Up to 20,000 characters' })
  text: string;

  @Field(() => ID, { nullable: true, description: 'The inspection of the same unit that led to it' })
  inspectionId?: string | null;
}

@InputType()
export class RecordAccountabilityInput {
  @Field(() => ID)
  campaignId: string;

  @Field(() => String)
  unitCode: string;

  @Field(() => String, { description: 'The person held to account' })
  person: string;

  @Field(() => String, { description: 'The measure taken' })
  measure: string;

  @Field(() => String, { nullable: true, description: 'Local date of the decision; default today, never after it' })
  decidedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The notice to the same unit it follows' })
  noticeId?: string | null;
}

@InputType()
export class UnitFilter {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;
}

@ObjectType()
export class CriticismNoticeList extends PaginatedList(CriticismNotice) {}

@ObjectType()
export class AccountabilityRecordList extends PaginatedList(AccountabilityRecord) {}

export const CriticismNoticeResult = defineResultUnion('CriticismNoticeResult', CriticismNotice, [
  NotFoundError,
  PhaseClosedError,
  UnknownUnitError,
]);
export const AccountabilityRecordResult = defineResultUnion('AccountabilityRecordResult', AccountabilityRecord, [
  NotFoundError,
  PhaseClosedError,
  UnknownUnitError,
]);
