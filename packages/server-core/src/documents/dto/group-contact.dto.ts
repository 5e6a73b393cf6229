import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { defineResultUnion, NotFoundError } from '../../common/error-result';
import { NoContactsError, UnknownGroupError } from '../documents.errors';
import { EvaluatorGroupContact } from '../group-contact.entity';
import { GroupReminder } from '../group-reminder.entity';

@InputType()
export class GroupContactInput {
  @Field(() => String, { description: '1 to 100 characters' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  organization?: string | null;

  @Field(() => String, { nullable: true, description: 'Digits, spaces, + - ( ) and extensions; up to 40 characters' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

@ObjectType()
export class GroupContacts {
  @Field(() => String)
  groupCode: string;

  @Field(() => [EvaluatorGroupContact])
  contacts: EvaluatorGroupContact[];
}

export const SetGroupContactsResult = defineResultUnion('SetEvaluatorGroupContactsResult', GroupContacts, [
  UnknownGroupError,
  NotFoundError,
]);
export const SendGroupReminderResult = defineResultUnion('SendGroupReminderResult', GroupReminder, [
  UnknownGroupError,
  NoContactsError,
  NotFoundError,
]);
