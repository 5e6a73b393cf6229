import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EvaluatorGroup } from '../campaign/evaluator-group.entity';
import { GroupOfCampaign } from '../database/references';
import { CampaignOwned } from '../database/owned-columns';
import { Actor } from '../database/record-columns';

/**
 * A reminder sent to an evaluator group's contacts (催办): the group's count
 * against its quota on the day it was sent. Nothing finer than the group's
 * count, and a date, not a time.
 */
@ObjectType('GroupReminder')
@Entity('group_reminder')
@Index(['campaignId', 'evaluatorGroupCode'])
export class GroupReminder extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  evaluatorGroupCode: string;

  @ManyToOne(() => EvaluatorGroup, { onDelete: 'CASCADE' })
  @GroupOfCampaign()
  evaluatorGroup?: EvaluatorGroup;

  @Field(() => String)
  groupLabel?: string;

  @Field(() => Int, { description: 'Ballots the group had returned (online and paper, the ballot box included)' })
  @Column({ type: 'integer' })
  ballots: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  quota: number;

  @Field(() => String, { description: 'Local date it was sent (YYYY-MM-DD)' })
  @Column({ type: 'varchar', length: 10 })
  sentOn: string;

  @Actor()
  sentBy: string;

  @Field(() => Int, { description: 'Contacts it was addressed to' })
  @Column({ type: 'integer' })
  contactCount: number;
}
