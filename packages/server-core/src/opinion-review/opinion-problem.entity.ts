import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import type { OpinionProblemMember } from './opinion-problem-member.entity';
import { CampaignOfBureau, UnitOfCampaign } from '../database/references';
import { Unit } from '../organization/unit.entity';

/**
 * A problem the office draws from several opinions (published campaigns
 * merge hundreds of opinions into fewer items): a title, the unit it is
 * about, and the merged opinions. A rectification item is opened from it by
 * citing its opinions as sources.
 */
@ObjectType('OpinionProblem')
@Entity('opinion_problem')
@Index(['campaignId', 'unitCode'])
export class OpinionProblem {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  bureauId: number;

  @ManyToOne(() => Bureau, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bureau_id' })
  bureau?: Bureau;

  @Field(() => ID)
  @Column({ type: 'integer' })
  campaignId: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @CampaignOfBureau()
  campaign?: Campaign;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  unitCode: string;

  @ManyToOne(() => Unit, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @UnitOfCampaign()
  unit?: Unit;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Date)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @OneToMany('OpinionProblemMember', (member: OpinionProblemMember) => member.problem)
  members?: OpinionProblemMember[];

  /** Filled by the service (not a column). */
  @Field(() => Int, { description: 'Opinions merged into it' })
  opinionCount?: number;
}
