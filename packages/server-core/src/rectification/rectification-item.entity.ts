import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { type RectificationEventType, type RectificationState } from '@pingyi/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RectificationEventTypeEnum, RectificationStateEnum } from './rectification-enums';
import type { Unit } from '../organization/unit.entity';
import { CampaignOwned, UnitCode, UnitReference } from '../database/owned-columns';
import { LocalDay, CreatedAt, UpdatedAt } from '../database/record-columns';

/**
 * 整改项目: one problem to fix, with its responsible unit, owner and deadline
 * (限时定人), plan, evidence and public response. The lifecycle is the domain's
 * transition table; this row is its persisted state. Dates of the campaign's
 * calendar (deadline, opened, closed, look-back) are local dates `YYYY-MM-DD`
 * in the bureau's time zone, stored as text so comparisons are exact on both
 * databases.
 */
@ObjectType('RectificationItem')
@Entity('rectification_item')
@Index(['bureauId', 'campaignId', 'unitCode'])
@Index(['bureauId', 'campaignId', 'state'])
@Index(['bureauId', 'campaignId', 'deadline'])
@Index(['parentId'])
export class RectificationItem extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The parent item of a sub-item; its progress rolls up into the parent',
  })
  @Column({ type: 'integer', nullable: true })
  parentId: number | null;

  @ManyToOne(() => RectificationItem, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: RectificationItem | null;

  @UnitCode({ description: 'The responsible unit (责任单位)' })
  unitCode: string;

  @UnitReference()
  unit?: Unit;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the problem came from, in words (the typed links are `sources`)',
  })
  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  @Field(() => RectificationStateEnum)
  @Column({ type: 'varchar', length: 16 })
  state: RectificationState;

  @Field(() => String, { nullable: true, description: 'The rectification plan (整改方案)' })
  @Column({ type: 'text', nullable: true })
  plan: string | null;

  @Field(() => String, { nullable: true, description: 'The person answerable for the fix (定人)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  owner: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last local day to fix it (限时), YYYY-MM-DD; overdue from the day after',
  })
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Field(() => [ID], { description: 'Evidence: ids of attachments of this item, oldest first' })
  @Column({ type: 'simple-json' })
  evidence: string[];

  @Field(() => String, { nullable: true, description: 'The response to the public (回应)' })
  @Column({ type: 'text', nullable: true })
  publicResponse: string | null;

  @Field(() => Int, { nullable: true, description: 'Reported percent 0-100; null before any report' })
  @Column({ type: 'integer', nullable: true })
  progress: number | null;

  @Field(() => Int, { description: 'Failed look-backs (反弹)' })
  @Column({ type: 'integer', default: 0 })
  rebounds: number;

  @Field(() => Int, { description: 'Confirmed look-backs (回头看)' })
  @Column({ type: 'integer', default: 0 })
  lookBacks: number;

  @Field(() => Float, { nullable: true, description: 'Weight among its siblings in the roll-up; null counts as 1' })
  @Column({ type: 'real', nullable: true })
  weight: number | null;

  @Field(() => Boolean, { description: 'Under listed supervision (挂牌督办)' })
  @Column({ type: 'boolean', default: false })
  supervised: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  supervisingLeader: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Under supervision, the unit reports at least every this many days',
  })
  @Column({ type: 'integer', nullable: true })
  reportingIntervalDays: number | null;

  @Field(() => String, { nullable: true, description: 'Local date the supervision started' })
  @Column({ type: 'date', nullable: true })
  supervisedSince: string | null;

  @Field(() => String, { nullable: true, description: 'Local date the next supervision report is due' })
  @Column({ type: 'date', nullable: true })
  supervisionReportDue: string | null;

  @Field(() => String, { nullable: true, description: 'Local date the look-back (回头看) of an accepted item is due' })
  @Column({ type: 'date', nullable: true })
  lookBackDue: string | null;

  @LocalDay()
  openedOn: string;

  @LocalDay({ nullable: true, description: 'Local date of acceptance; null unless accepted' })
  closedOn: string | null;

  /** Optimistic concurrency: every write checks and bumps it. */
  @Field(() => Int)
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;

  // Filled by the service for the caller and today's date in the campaign's time zone.

  @Field(() => Boolean, { description: 'Past its deadline (from the local day after it) and not yet rectified' })
  overdue: boolean;

  @Field(() => Boolean, { description: 'Deadline today or within the next 3 days, not overdue, not settled' })
  dueSoon: boolean;

  @Field(() => [RectificationEventTypeEnum], {
    description: 'The events the caller may send now (the buttons to show)',
  })
  allowedEvents: RectificationEventType[];
}
