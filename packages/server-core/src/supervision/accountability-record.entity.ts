import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CriticismNotice } from './criticism-notice.entity';
import { CampaignOfBureau, UnitOfCampaign } from '../database/references';
import { Unit } from '../organization/unit.entity';

/** 责任追究: the measure taken against a person of a unit, possibly after a notice. */
@ObjectType('AccountabilityRecord')
@Entity('accountability_record')
@Index(['bureauId', 'campaignId', 'unitCode'])
export class AccountabilityRecord {
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

  @Field(() => String, { description: 'The person held to account' })
  @Column({ type: 'varchar', length: 100 })
  person: string;

  @Field(() => String, { description: 'The measure (诫勉谈话, 通报, 调离岗位 ...)' })
  @Column({ type: 'text' })
  measure: string;

  @Field(() => String, { description: 'Local date of the decision' })
  @Column({ type: 'date' })
  decidedOn: string;

  @Field(() => ID, { nullable: true, description: 'The criticism notice it follows' })
  @Column({ type: 'integer', nullable: true })
  noticeId: number | null;

  @ManyToOne(() => CriticismNotice, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'notice_id' })
  notice?: CriticismNotice | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  createdBy: string | null;

  @Field(() => Date)
  @CreateDateColumn()
  createdAt: Date;
}
