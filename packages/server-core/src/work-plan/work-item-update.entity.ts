import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WorkItem } from './work-item.entity';
import { BureauOwned } from '../database/owned-columns';
import { Actor, CreatedAt } from '../database/record-columns';

/** A dated progress report on a work item. */
@ObjectType('WorkItemUpdate')
@Entity('work_item_update')
@Index(['workItemId'])
export class WorkItemUpdate extends BureauOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ type: 'integer' })
  workItemId: number;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: WorkItem;

  @Field(() => String, { description: 'Local date of the report' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'Required when progress goes down' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'The reporting lead unit' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  unitCode: string | null;

  @Actor({ description: 'Username of who reported it' })
  reportedBy: string;

  @CreatedAt({ name: 'createdAt' })
  reportedAt: Date;
}
