import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CampaignOwned } from '../database/owned-columns';

/**
 * A unit (单位) of a campaign's tree: 交警支队, 法制处... Codes are unique per
 * campaign and stable from year to year (a liaison's `unitCode` names the
 * unit in every campaign); ratings, opinions and unit plans carry the code.
 */
@ObjectType('Unit')
@Entity('unit')
@Unique(['campaignId', 'code'])
export class Unit extends CampaignOwned {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Stable code, e.g. traffic-police' })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field(() => String, { description: 'e.g. 交警支队' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  parentCode: string | null;

  @Field(() => Boolean, { description: 'Rated on the ballot' })
  @Column({ type: 'boolean' })
  appraised: boolean;

  @Field(() => Int)
  @Column({ type: 'integer' })
  sortOrder: number;

  @Field(() => String, {
    nullable: true,
    description: 'The series (序列/类别) of the campaign the unit is ranked in; null for none',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  seriesCode: string | null;
}
