import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Bureau } from '../bureau/bureau.entity';
import { Campaign } from '../campaign/campaign.entity';
import { decimalText } from './decimal-text.transformer';

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
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  unitCode: string;

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
