import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { CampaignOfBureau, UnitOfCampaign } from '../database/references';
import { Unit } from './unit.entity';

/** 单位工作方案: a unit's own plan, filed in mobilization; filing again replaces it (revision + 1). */
@ObjectType('UnitPlan')
@Entity('unit_plan')
@Unique(['campaignId', 'unitCode'])
export class UnitPlan {
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

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { description: 'Local date it was (last) filed' })
  @Column({ type: 'date' })
  filedOn: string;

  @Field(() => String, { description: 'Username of who filed it' })
  @Column({ type: 'varchar', length: 64 })
  filedBy: string;

  @Field(() => Int, { description: '1 for the first filing, then +1 each time it is filed again' })
  @Column({ type: 'integer' })
  revision: number;

  @Field(() => Date)
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn()
  updatedAt: Date;
}
