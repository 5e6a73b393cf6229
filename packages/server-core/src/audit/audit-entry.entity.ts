import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Actor, Instant } from '../database/record-columns';

/**
 * One mutation: who (user, or the username tried at sign-in), what (the
 * operation and its arguments with secrets redacted), when, and whether it
 * succeeded. Refused calls are recorded too.
 */
@ObjectType('AuditEntry')
@Entity('audit_entry')
@Index(['bureauId', 'calledAt'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** `null` for anonymous calls that concern no known bureau (e.g. sign-in as an unknown user). */
  @Column({ type: 'integer', nullable: true })
  bureauId: number | null;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau | null;

  @Field(() => ID, { name: 'userId', nullable: true })
  @Column({ type: 'integer', nullable: true })
  calledByUserId: number | null;

  @Actor({ name: 'username', nullable: true, description: 'The signed-in user, or the username given at sign-in' })
  calledBy: string | null;

  @Field(() => String, { description: 'The mutation, e.g. createUser' })
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Field(() => String, { description: 'Arguments as JSON, secrets (passwords, codes, tokens) replaced by "***"' })
  @Column({ type: 'text' })
  args: string;

  @Field(() => Boolean)
  @Column({ type: 'boolean' })
  success: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Error code when it failed (INVALID_CREDENTIALS, FORBIDDEN, INTERNAL...)',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Client address' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Instant({ name: 'at' })
  calledAt: Date;

  /** The changed fields as JSON (`[{ field, before, after }]`), for edits that name them; see `changes` in GraphQL. */
  @Column({ type: 'text', nullable: true })
  changes: string | null;

  @Field(() => String, { nullable: true, description: 'The reason the user gave for the change' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;
}

/** One changed field of an audited edit: `policy.strategy.code`, `phases.appraisal.end`... */
@ObjectType()
export class AuditChange {
  @Field(() => String, {
    description: 'Dotted path of the field; lists are keyed by code (policy.scale.satisfied.points)',
  })
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}
