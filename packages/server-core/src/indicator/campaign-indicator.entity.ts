import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { decimalText } from './decimal-text.transformer';
import { CampaignOwned } from '../database/owned-columns';

/**
 * A per-unit indicator a campaign records (有效投诉件数, 明查暗访得分...):
 * its declaration. Values are {@link UnitIndicatorValue} rows.
 */
@ObjectType('CampaignIndicator', {
  description: 'A named numeric input per unit that the office enters or imports, and strategies may read',
})
@Entity('campaign_indicator')
@Unique(['campaignId', 'code'])
export class CampaignIndicator extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Stable code strategies read, e.g. complaints' })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Field(() => String, { nullable: true, description: 'Unit of measure (件, 分, %)' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'Lowest allowed value' })
  @Column({ type: 'varchar', length: 40, nullable: true, transformer: decimalText })
  min: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest allowed value' })
  @Column({ type: 'varchar', length: 40, nullable: true, transformer: decimalText })
  max: number | null;

  @Field(() => Boolean, { description: 'Whole numbers only (counts)' })
  @Column({ type: 'boolean', default: false })
  integer: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sortOrder: number;
}
