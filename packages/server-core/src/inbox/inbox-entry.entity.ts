import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type NotifyTarget } from '@pingyi/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BureauOwned } from '../database/owned-columns';
import { CreatedAt } from '../database/record-columns';

/** Who a notification is for: the responsible unit, the office, the supervising leader, the inspectors. */
export const NOTIFY_TARGETS: readonly NotifyTarget[] = ['unit', 'office', 'supervisingLeader', 'inspectors'];
export const NotifyTargetEnum = Object.fromEntries(NOTIFY_TARGETS.map((t) => [t, t])) as Record<
  NotifyTarget,
  NotifyTarget
>;
registerEnumType(NotifyTargetEnum, { name: 'NotifyTarget' });

/** What an inbox entry is about. */
export const INBOX_SUBJECTS = [
  'rectificationItem',
  'criticismNotice',
  'inspection',
  'accountabilityRecord',
  'groupReminder',
] as const;
export type InboxSubject = (typeof INBOX_SUBJECTS)[number];
export const InboxSubjectEnum = Object.fromEntries(INBOX_SUBJECTS.map((t) => [t, t])) as Record<
  InboxSubject,
  InboxSubject
>;
registerEnumType(InboxSubjectEnum, { name: 'InboxSubject' });

/**
 * A notification in the in-app inbox: the `notify` effect of a rectification
 * transition, or a notice issued to a unit. Addressed to a group (a unit's
 * liaisons, the office, the inspectors, the supervising leader by name), so
 * users who join later see it too; each user marks it read for themselves.
 */
@ObjectType('InboxEntry')
@Entity('inbox_entry')
@Index(['bureauId', 'target', 'unitCode'])
@Index(['bureauId', 'createdAt'])
export class InboxEntry extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  campaignId: number | null;

  @Field(() => NotifyTargetEnum)
  @Column({ type: 'varchar', length: 32 })
  target: NotifyTarget;

  @Field(() => String, { nullable: true, description: 'For target unit: the unit whose liaisons it is for' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  unitCode: string | null;

  @Field(() => String, { nullable: true, description: 'For target supervisingLeader: the leader by name' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  person: string | null;

  @Field(() => InboxSubjectEnum)
  @Column({ type: 'varchar', length: 32 })
  subjectType: InboxSubject;

  @Field(() => ID)
  @Column({ type: 'integer' })
  subjectId: number;

  @Field(() => String, { description: 'The event that caused it: open, verify, reportFixed, issueNotice...' })
  @Column({ type: 'varchar', length: 64 })
  reason: string;

  @Field(() => String, {
    description: "What it says, in Chinese (the console says it in the user's language from messageKey)",
  })
  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The sentence of the shared message catalog it says (notifyRectificationItem...); null for entries written before 2026-12',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  messageKey: string | null;

  @Field(() => String, { nullable: true, description: "The sentence's parameters, as a JSON object" })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  messageParamsJson: string | null;

  @CreatedAt()
  createdAt: Date;

  /** Filled for the caller. */
  @Field(() => Boolean)
  read: boolean;
}
