import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { decimalText } from './decimal-text.transformer';
import { CampaignOfBureau, UnitOfCampaign } from '../database/references';
import { Unit } from '../organization/unit.entity';

/** One unit's value of one indicator in a campaign. */
@ObjectType('UnitIndicatorValue')
@Entity('unit_indicator_value')
@Unique(['campaignId', 'indicatorCode', 'unitCode'])
@Index(['campaignId', 'unitCode'])
export class UnitIndicatorValue {
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
  @Column({ type: 'varchar', length: 64 })
  unitCode: string;

  @ManyToOne(() => Unit, { onDelete: 'NO ACTION', deferrable: 'INITIALLY DEFERRED' })
  @UnitOfCampaign()
  unit?: Unit;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  indicatorCode: string;

  @Field(() => Float)
  @Column({ type: 'varchar', length: 40, transformer: decimalText })
  value: number;

  @Field(() => Date)
  @UpdateDateColumn()
  updatedAt: Date;
}
