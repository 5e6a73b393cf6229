import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type RectificationState } from '@pingyi/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RectificationStateEnum } from './rectification-enums';
import { RectificationItem } from './rectification-item.entity';
import { BureauOwned } from '../database/owned-columns';
import { Actor, Instant, LocalDay } from '../database/record-columns';

/** The payload of a history step; each event fills its own fields (see the lifecycle table). */
@ObjectType('RectificationStepDetails')
export class RectificationStepDetails {
  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => String, { nullable: true })
  reason?: string;

  @Field(() => String, { nullable: true })
  plan?: string;

  @Field(() => String, { nullable: true })
  owner?: string;

  @Field(() => String, { nullable: true })
  deadline?: string;

  @Field(() => String, { nullable: true })
  previousDeadline?: string;

  @Field(() => String, { nullable: true })
  publicResponse?: string;

  @Field(() => [ID], { nullable: true, description: 'Attachment ids given as evidence' })
  evidence?: string[];

  @Field(() => Int, { nullable: true })
  progress?: number;

  @Field(() => String, { nullable: true })
  lookBackDue?: string;

  @Field(() => String, { nullable: true })
  supervisingLeader?: string;

  @Field(() => Int, { nullable: true })
  reportingIntervalDays?: number;

  @Field(() => String, { nullable: true, description: 'On open: the responsible unit' })
  unitCode?: string;

  @Field(() => String, { nullable: true, description: 'On open: the title' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'On open: where it came from' })
  source?: string;
}

/**
 * One step in an item's history: the `history` effect of a transition (or of
 * opening the item), who took it, when, and the checked payload.
 */
@ObjectType('RectificationHistoryEntry')
@Entity('rectification_history')
@Index(['itemId', 'actedAt'])
export class RectificationHistoryEntry extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'integer' })
  itemId: number;

  @ManyToOne(() => RectificationItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: RectificationItem;

  @Field(() => String, { description: 'open, or an event of the lifecycle table' })
  @Column({ type: 'varchar', length: 32 })
  event: string;

  @Field(() => RectificationStateEnum, { nullable: true })
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromState: RectificationState | null;

  @Field(() => RectificationStateEnum)
  @Column({ type: 'varchar', length: 16 })
  toState: RectificationState;

  @Field(() => String, { description: 'The role the actor acted in' })
  @Column({ type: 'varchar', length: 16 })
  role: string;

  @Field(() => ID, { name: 'actorUserId', nullable: true })
  @Column({ type: 'integer', nullable: true })
  actedByUserId: number | null;

  @Actor({ name: 'actorUsername', nullable: true })
  actedBy: string | null;

  /** The unit the actor acted for (a liaison's). */
  @Field(() => String, { name: 'actorUnitCode', nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  actedByUnitCode: string | null;

  @Instant({ name: 'at' })
  actedAt: Date;

  @LocalDay({ name: 'date', description: "Local date of the step in the bureau's time zone" })
  actedOn: string;

  @Field(() => RectificationStepDetails, { description: 'The checked payload of the step' })
  @Column({ type: 'simple-json' })
  details: Record<string, unknown>;
}
