import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { decimalText } from './decimal-text.transformer';
import { UnitOwned } from '../database/owned-columns';
import { UpdatedAt } from '../database/record-columns';

/** One unit's value of one indicator in a campaign. */
@ObjectType('UnitIndicatorValue')
@Entity('unit_indicator_value')
@Unique(['campaignId', 'indicatorCode', 'unitCode'])
@Index(['campaignId', 'unitCode'])
export class UnitIndicatorValue extends UnitOwned {
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String)
  @Column({ type: 'varchar', length: 64 })
  indicatorCode: string;

  @Field(() => Float)
  @Column({ type: 'varchar', length: 40, transformer: decimalText })
  value: number;

  @UpdatedAt()
  updatedAt: Date;
}
