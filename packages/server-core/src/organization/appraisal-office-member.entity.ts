import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';

/** A member of the appraisal office (评议办公室) that runs the campaign day to day. */
@ObjectType('AppraisalOfficeMember')
@Entity('appraisal_office_member')
@Index(['campaignId'])
export class AppraisalOfficeMember extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Position, e.g. 办公室主任' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  position: string | null;

  @Field(() => String, { nullable: true, description: 'What they do for the campaign' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  duty: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sortOrder: number;
}
