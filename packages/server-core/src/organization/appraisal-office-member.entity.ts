import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignOfBureau } from '../database/references';

/** A member of the appraisal office (评议办公室) that runs the campaign day to day. */
@ObjectType('AppraisalOfficeMember')
@Entity('appraisal_office_member')
@Index(['campaignId'])
export class AppraisalOfficeMember {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  bureauId: number;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau;

  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @CampaignOfBureau()
  campaign?: Campaign;

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
